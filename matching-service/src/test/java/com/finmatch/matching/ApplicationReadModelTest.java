package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** application.events into application_rm, the read model the KPIs and scorecards count. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ApplicationReadModelTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldRecordAnApplicationClosedBecauseItsNeedWasMetElsewhereAsClosed() throws SQLException {
        String application = Events.id();
        String enterprise = Events.id();
        String need = Events.id();
        String product = Events.id();
        Events.send("application.events", application, "finmatch.application.ApplicationSubmitted.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s","bankId":"BANK-C",
                 "amount":3000000,"termMonths":24,"submittedAt":"2026-03-01T08:00:00Z"}"""
                .formatted(application, enterprise, need, product));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUBMITTED".equals(status(application)));
        Events.send("application.events", application, "finmatch.application.ApplicationClosed.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s","bankId":"BANK-C",
                 "reasonCode":"NEED_FULFILLED","at":"2026-03-02T08:00:00Z"}"""
                .formatted(application, enterprise, need, product));
        await().atMost(Duration.ofSeconds(60)).until(() -> "CLOSED".equals(status(application)));
        assertEquals(need, column(application, "need_id"));
        assertEquals("BANK-C", column(application, "bank_id"));
    }

    private String status(String application) throws SQLException {
        return column(application, "status");
    }

    private String column(String application, String column) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + column + " from application_rm where id = ?")) {
            s.setObject(1, UUID.fromString(application));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
