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

    @Test
    void aLeadWaitingForMaterialsIsStillOpenAndBackUnderReviewWhenTheEnterpriseAnswers() throws SQLException {
        String application = Events.id();
        String enterprise = Events.id();
        String product = Events.id();
        Events.send("application.events", application, "finmatch.application.ApplicationSubmitted.v1", """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s","bankId":"BANK-M",
                 "amount":3000000,"termMonths":24,"submittedAt":"2026-03-01T08:00:00Z"}"""
                .formatted(application, enterprise, Events.id(), product));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SUBMITTED".equals(status(application)));
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", lead(application, enterprise,
                product, "MATERIALS_REQUESTED", "SUBMITTED", "2026-03-01T09:00:00Z", "\"请补充银行流水\"",
                "[\"BANK_STATEMENT\"]"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "MATERIALS_REQUESTED".equals(status(application)));
        // the bank acted: its first action counts for the response time; it did not refuse the lead
        assertEquals(true, column(application, "first_action_at") != null);
        assertEquals(null, column(application, "declined_at"));
        // the enterprise's answer is not this service's business; the lead's return to review is
        Events.send("application.events", application, "finmatch.application.MaterialsSubmitted.v1", """
                {"applicationId":"%s","enterpriseId":"%s","productId":"%s","bankId":"BANK-M",
                 "materials":["BANK_STATEMENT"],"at":"2026-03-02T08:00:00Z"}""".formatted(application, enterprise,
                product));
        Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", lead(application, enterprise,
                product, "UNDER_REVIEW", "MATERIALS_REQUESTED", "2026-03-02T08:00:01Z", "null", "null"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "UNDER_REVIEW".equals(status(application)));
    }

    private static String lead(String application, String enterprise, String product, String status,
            String previous, String at, String note, String materials) {
        return """
                {"applicationId":"%s","productId":"%s","bankId":"BANK-M","enterpriseId":"%s","status":"%s",
                 "previousStatus":"%s","at":"%s","reasonCode":null,"note":%s,"amount":null,"rate":null,
                 "dueAt":"2026-03-04T08:00:00Z","submittedAt":"2026-03-01T08:00:00Z","materials":%s}"""
                .formatted(application, product, enterprise, status, previous, at, note, materials);
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
