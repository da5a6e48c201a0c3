package com.finmatch.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live inbox over SSE: an event named `notification` with the item for each new notification of the caller. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class NotificationStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/notifications/stream")
    URI stream;

    /** An open stream: the `event:` and `data:` lines it received, in order. */
    private List<String> open(HttpClient client, String token) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            assertEquals(200, response.statusCode());
            try (Stream<String> body = response.body()) {
                body.filter(l -> l.startsWith("event:") || l.startsWith("data:")).forEach(lines::add);
            }
        });
        return lines;
    }

    /** Sends a new lead for {@code bank} at each poll until the stream shows one; returns the event's JSON. */
    private static JsonNode firstNotification(List<String> lines, String bank, String enterpriseId, Set<String> sent) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (lines.stream().noneMatch(l -> l.startsWith("data:"))) {
                String applicationId = UUID.randomUUID().toString();
                sent.add("/bank/leads/" + applicationId);
                Events.submitApplication(applicationId, enterpriseId, bank);
                return false;
            }
            return true;
        });
        List<String> copy = new ArrayList<>(lines);
        int data = copy.indexOf(copy.stream().filter(l -> l.startsWith("data:")).findFirst().orElseThrow());
        assertTrue(data > 0 && copy.get(data - 1).replace(" ", "").equals("event:notification"), copy.toString());
        try {
            return JSON.readTree(copy.get(data).substring(5).trim());
        } catch (Exception e) {
            throw new AssertionError(copy.get(data), e);
        }
    }

    @Test
    void shouldPushEachNewNotificationOfTheCallersBankAndNoneOfAnotherBank() {
        String bank1 = "S" + UUID.randomUUID().toString().substring(0, 8);
        String bank2 = "S" + UUID.randomUUID().toString().substring(0, 8);
        String enterpriseId = UUID.randomUUID().toString();
        HttpClient client = HttpClient.newHttpClient();
        List<String> first = open(client, Tokens.bank("s1-" + UUID.randomUUID(), bank1));
        List<String> second = open(client, Tokens.bank("s2-" + UUID.randomUUID(), bank2));

        Set<String> sentToBank1 = ConcurrentHashMap.newKeySet();
        JsonNode n = firstNotification(first, bank1, enterpriseId, sentToBank1);
        assertEquals("LEAD_RECEIVED", n.path("kind").asText());
        assertTrue(sentToBank1.contains(n.path("link").asText()), n.toString());
        assertEquals(false, n.path("read").asBoolean());
        assertTrue(n.hasNonNull("id") && n.hasNonNull("createdAt") && n.hasNonNull("title"), n.toString());

        // bank1's leads were sent before any of bank2's: bank2's stream shows its own first, nothing of bank1's
        Set<String> sentToBank2 = ConcurrentHashMap.newKeySet();
        JsonNode m = firstNotification(second, bank2, enterpriseId, sentToBank2);
        assertTrue(sentToBank2.contains(m.path("link").asText()), m.toString());
    }
}
