package com.finmatch.notification;

import com.finmatch.notification.domain.ConsentExpiry;
import com.finmatch.notification.service.ConsentReminders;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A consent that expires within 7 days is reminded of to its enterprise's owner, once; later or revoked ones not. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class ConsentReminderTest {

    @Inject
    ConsentReminders reminders;

    private static String consent(String enterpriseId, String bankId, OffsetDateTime expiresAt) {
        String consentId = UUID.randomUUID().toString();
        Events.send("enterprise.events", enterpriseId, "finmatch.enterprise.ConsentGranted.v1", """
                {"enterpriseId":"%s","consentId":"%s","bankId":"%s","categories":["PROFILE"],"expiresAt":"%s",
                 "grantedAt":"%s"}""".formatted(enterpriseId, consentId, bankId, expiresAt,
                OffsetDateTime.now(ZoneOffset.UTC)));
        return consentId;
    }

    private static ConsentExpiry stored(String consentId) {
        return QuarkusTransaction.requiringNew().call(() -> ConsentExpiry.findById(UUID.fromString(consentId)));
    }

    @Test
    void shouldRemindTheOwnerOnceOfAConsentExpiringWithinSevenDaysAndOfNoOther() {
        String owner = "owner-" + UUID.randomUUID();
        String enterpriseId = UUID.randomUUID().toString();
        Events.registerEnterprise(enterpriseId, owner, "肇庆授权测试企业");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String soon = consent(enterpriseId, "ZQRCB", now.plusDays(3));
        String later = consent(enterpriseId, "GDB", now.plusDays(30));
        String revoked = consent(enterpriseId, "BOC", now.plusDays(2));
        Events.send("enterprise.events", enterpriseId, "finmatch.enterprise.ConsentRevoked.v1", """
                {"enterpriseId":"%s","consentId":"%s","bankId":"BOC","revokedAt":"%s"}"""
                .formatted(enterpriseId, revoked, now));
        // the revocation is the last event of this enterprise (one key, one partition): once it is applied, all are
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ConsentExpiry r = stored(revoked);
            return r != null && r.revoked;
        });

        reminders.remindNow();
        reminders.remindNow();

        List<Map<String, Object>> items = NotificationFlowTest.items(Tokens.enterprise(owner), "CONSENT_EXPIRING");
        assertEquals(1, items.size(), items.toString());
        assertTrue(items.get(0).get("body").toString().contains("ZQRCB"), items.get(0).toString());
        assertEquals("/enterprise/consents", items.get(0).get("link"));
        assertTrue(stored(soon).reminded);
        assertEquals(false, stored(later).reminded);
    }
}
