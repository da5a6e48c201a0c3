package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.TopicProbe;
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

/** loan-service's LeadMessagePosted (a message on a lead's thread) is not matching's business: skipped, never dead-lettered. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class LeadMessageEventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aMessageOnALeadIsSkippedAndTheLeadsNextStepStillCounts() throws SQLException {
        String application = Events.id();
        String enterprise = Events.id();
        String product = Events.id();
        try (TopicProbe deadLetters = TopicProbe.of("lead.events.dlq")) {
            Events.send("lead.events", application, "finmatch.lead.LeadMessagePosted.v1", """
                    {"applicationId":"%s","bankId":"BANK-T","enterpriseId":"%s","messageId":"%s",
                     "authorRole":"BANK","excerpt":"请问贵司近三年的纳税情况如何？","postedAt":"2026-03-01T09:00:00Z"}"""
                    .formatted(application, enterprise, Events.id()));
            // the same key, so the same partition: once the step after it is in, the message was consumed
            Events.send("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", """
                    {"applicationId":"%s","productId":"%s","bankId":"BANK-T","enterpriseId":"%s","status":"RECEIVED",
                     "previousStatus":"SUBMITTED","at":"2026-03-01T10:00:00Z","reasonCode":null,"note":null,
                     "amount":null,"rate":null,"dueAt":"2026-03-04T08:00:00Z","submittedAt":"2026-03-01T08:00:00Z"}"""
                    .formatted(application, product, enterprise));
            await().atMost(Duration.ofSeconds(60)).until(() -> "RECEIVED".equals(status(application)));
            assertEquals(0, deadLetters.seen().stream().filter(r -> application.equals(r.key())).count());
        }
    }

    private String status(String application) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select status from application_rm where id = ?")) {
            s.setObject(1, UUID.fromString(application));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
