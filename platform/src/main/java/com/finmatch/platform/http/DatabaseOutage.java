package com.finmatch.platform.http;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being unreachable (restarting, failing over, refusing connections, the pool
 * unable to get one) from a defect. Such a request is refused with 503 and {@code Retry-After}: the client may send
 * it again, nothing of it was stored (its transaction never committed).
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before it sends a refused request again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /**
     * True when {@code failure}, one of its causes or one of their suppressed exceptions says the database could not
     * be reached or went away. The suppressed ones matter: when a commit fails because the server ended the session,
     * Narayana throws {@code RollbackException} "ARJUNA016053: Could not commit transaction." without a cause and
     * keeps Agroal's {@code XAException} (caused by the driver's {@code SQLException}, 57P01 or 08006) as suppressed.
     */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toSee = new ArrayDeque<>();
        toSee.add(failure);
        while (!toSee.isEmpty()) {
            Throwable t = toSee.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (says(t)) {
                return true;
            }
            if (t.getCause() != null) {
                toSee.add(t.getCause());
            }
            toSee.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean says(Throwable t) {
        return t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof java.net.ConnectException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLException sql && (unreachable(sql.getSQLState()) || poolTimedOut(sql));
    }

    /**
     * SQLSTATE class 08 (connection exception) and the server going down or not accepting connections yet: 57P01
     * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
     */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /** Agroal's pool found no connection in time (it says so only in the message). */
    private static boolean poolTimedOut(SQLException e) {
        String m = e.getMessage();
        return e.getSQLState() == null && m != null && m.startsWith("Acquisition timeout");
    }
}
