package com.finmatch.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A request that fails because the database cannot be reached (restart, failover, pool without connections) is
 * refused with 503 problem+json and {@code Retry-After}, not a 500: the client can tell "try again" from a defect.
 * The failures are built as the JDBC driver, Agroal and Hibernate raise them when PostgreSQL restarts under load
 * (e2e-tests' FaultsUnderLoadIT sees them on the real stack).
 */
class DatabaseOutageTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void shouldRefuseWith503AndRetryAfterWhenTheDatabaseRefusesConnections() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:15432 refused", "08001");
        assertRefusedForNow(mappers.unexpected(new PersistenceException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused))));
    }

    @Test
    void shouldRefuseWith503WhenTheServerShutsDownUnderATransaction() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertRefusedForNow(mappers.unexpected(new RuntimeException("commit failed", new IllegalStateException(shutdown))));
    }

    @Test
    void shouldRefuseWith503WhenThePoolFindsNoConnectionInTime() {
        assertRefusedForNow(mappers.unexpected(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    /** Narayana's shape when the commit itself fails: the driver's exception is a suppressed one, not a cause. */
    @Test
    void shouldRefuseWith503WhenTheCommitFailsBecauseTheServerEndedTheSession() {
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");
        XAException commitFailed = new XAException("Error trying to transactionCommit local transaction");
        commitFailed.initCause(terminated);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commitFailed);
        assertRefusedForNow(mappers.unexpected(new RuntimeException(rollback)));
    }

    @Test
    void shouldStillAnswer500ForARollbackThatIsNoOutage() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new XAException(XAException.XA_RBINTEGRITY));
        assertEquals(500, mappers.unexpected(new RuntimeException(rollback)).getStatus());
    }

    @Test
    void shouldStillAnswer500ForAFailureThatIsNoOutage() {
        Response r = mappers.unexpected(new PersistenceException(new SQLException("syntax error", "42601")));
        assertEquals(500, r.getStatus());
        assertNull(r.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
    }

    private static void assertRefusedForNow(Response r) {
        assertEquals(503, r.getStatus(), "a database outage is no server defect: 503, not " + r.getStatus());
        assertEquals(Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(503, ((Problem) r.getEntity()).status());
    }
}
