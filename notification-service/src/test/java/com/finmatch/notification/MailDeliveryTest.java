package com.finmatch.notification;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail to a real SMTP server (GreenMail): the right recipients and subject, zh-CN first; the unsubscribe link
 * works; a mail planned while the server is down arrives, exactly once, when it is back.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
@QuarkusTestResource(MailTestResource.class)
class MailDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    private static String userWithAddress(String sub, String role, Map<String, Object> claims) {
        String token = Tokens.token(sub, List.of(role), claims);
        // the service learns the address of the token when the user calls it
        given().auth().oauth2(token).when().get("/api/v1/notifications/mine").then().statusCode(200);
        return token;
    }

    private static List<Message> mailTo(String address) {
        return Arrays.stream(MailTestResource.server().getReceivedMessages()).filter(m -> {
            try {
                for (Address a : m.getAllRecipients()) {
                    if (a.toString().contains(address)) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).map(m -> (Message) m).toList();
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart p = multipart.getBodyPart(i);
                String found = plainText(p);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void shouldMailEveryKnownOfficerOfTheBankAndTurnThatKindOffWithTheUnsubscribeLink() throws Exception {
        String bank = "M" + UUID.randomUUID().toString().substring(0, 8);
        String first = "o1-" + UUID.randomUUID().toString().substring(0, 8) + "@bank.example";
        String second = "o2-" + UUID.randomUUID().toString().substring(0, 8) + "@bank.example";
        String officer = userWithAddress("o1-" + UUID.randomUUID(), "bank", Map.of("bank_id", bank, "email", first));
        userWithAddress("o2-" + UUID.randomUUID(), "bank", Map.of("bank_id", bank, "email", second));
        String enterpriseId = UUID.randomUUID().toString();
        Events.submitApplication(UUID.randomUUID().toString(), enterpriseId, bank);

        await().atMost(WAIT).until(() -> mailTo(first).size() == 1 && mailTo(second).size() == 1);
        Message mail = mailTo(first).get(0);
        assertEquals("新的融资申请 / New lead", mail.getSubject());
        String text = plainText(mail);
        assertTrue(text.startsWith("新的融资申请 / New lead"), text);
        Matcher link = Pattern.compile("(/api/v1/notifications/unsubscribe\\?token=\\S+)").matcher(text);
        assertTrue(link.find(), text);

        // without the OpenAPI validation filter: the link's `token` parameter is left out of the document on purpose
        // (UnsubscribeResource), so the validator would call it unexpected
        given().noFilters().urlEncodingEnabled(false).when().get(link.group(1))
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("已退订"));
        Map<String, Object> item = given().auth().oauth2(officer).when().get("/api/v1/notifications/preferences")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(i -> "LEAD_RECEIVED".equals(i.get("kind")) && "EMAIL".equals(i.get("channel")))
                .findFirst().orElseThrow();
        assertEquals(false, item.get("enabled"));
    }

    @Test
    void shouldDeliverAMailPlannedWhileTheSmtpServerWasDownExactlyOnceWhenItIsBack() {
        String owner = "owner-" + UUID.randomUUID();
        String address = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@enterprise.example";
        userWithAddress(owner, "enterprise", Map.of("email", address));
        String enterpriseId = UUID.randomUUID().toString();
        Events.registerEnterprise(enterpriseId, owner, "肇庆邮件测试企业");

        MailTestResource.stopServer();
        try {
            Events.leadStatus(UUID.randomUUID().toString(), enterpriseId, "ZQRCB", "APPROVED", "UNDER_REVIEW", null,
                    null);
            await().atMost(WAIT).until(() -> attempts(address) >= 1);
        } finally {
            MailTestResource.startServer();
        }
        await().atMost(WAIT).until(() -> sent(address));
        assertEquals(1, mailTo(address).size());
        assertEquals("融资申请已批准 / Application approved", subject(mailTo(address).get(0)));
    }

    @Test
    void shouldRefuseAForgedOrAlteredUnsubscribeToken() {
        for (String token : List.of("nonsense", "dXNlcnxMRUFEX1JFQ0VJVkVE.AAAA", "")) {
            given().queryParam("token", token).when().get("/api/v1/notifications/unsubscribe")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().when().get("/api/v1/notifications/unsubscribe").then().statusCode(400);
    }

    private static String subject(Message m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int attempts(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select coalesce(max(attempts), 0) from mail_outbox where recipient = :to")
                .setParameter("to", address).getSingleResult()).intValue());
    }

    private boolean sent(String address) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from mail_outbox where recipient = :to and sent_at is not null")
                .setParameter("to", address).getSingleResult()).intValue() == 1);
    }
}
