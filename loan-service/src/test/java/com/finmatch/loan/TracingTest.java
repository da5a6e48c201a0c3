package com.finmatch.loan;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.finmatch.testing.TopicProbe;
import com.finmatch.testing.Tokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Tracing a deployment can switch on: loan-service is built with Quarkus' OTLP exporter and the SDK off
 * ({@code quarkus.otel.sdk.disabled=true}); switched on by run-time configuration alone — as k8s does with
 * {@code QUARKUS_OTEL_SDK_DISABLED=false} and the collector's endpoint over OTLP/HTTP — a request's spans reach an
 * OTLP/HTTP receiver (here one in the test, on 127.0.0.1) under the service's name, and the event the request
 * publishes carries the same trace in its {@code traceparent} header (docs/EVENTS.md).
 */
@QuarkusTest
@TestProfile(TracingTest.SwitchedOn.class)
class TracingTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-01");

    @ConfigProperty(name = "otlp.receiver.url")
    String receiver;

    @Test
    void shouldSendARequestsSpansToTheOtlpEndpointAndCarryItsTraceOnTheEvent() {
        String token = Tokens.bank("bank-user", TestData.bankUnique("OTEL"));
        try (TopicProbe products = TopicProbe.of("product.events")) {
            String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(TestData.productJson("链路贷"))
                    .when().post("/api/v1/products").then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).when().post("/api/v1/products/" + id + "/publish").then().statusCode(200);

            ConsumerRecord<String, String> published =
                    products.await(TopicProbe.ofTypeAndSubject("finmatch.product.ProductPublished.v1", id));
            String traceparent = TopicProbe.header(published, "traceparent");
            assertNotNull(traceparent, "the event carries no traceparent");
            Matcher trace = TRACEPARENT.matcher(traceparent);
            assertTrue(trace.matches(), "not a sampled W3C traceparent: " + traceparent);

            String service = HexFormat.of().formatHex("loan-service".getBytes(StandardCharsets.UTF_8));
            Awaitility.await("spans of trace " + trace.group(1) + " at " + receiver).atMost(Duration.ofSeconds(30))
                    .until(() -> received().stream().anyMatch(body -> body.contains(trace.group(1)) && body.contains(service)));
        }
    }

    /** The bodies the receiver got on {@code /v1/traces}, hex-encoded (OTLP protobuf carries trace ids as raw bytes). */
    private List<String> received() {
        return List.of(given().baseUri(receiver).when().get("/received").then().statusCode(200).extract().asString()
                .split("\n"));
    }

    public static class SwitchedOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.bsp.schedule.delay", "200ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpReceiver.class));
        }
    }

    /**
     * An OTLP/HTTP trace receiver on 127.0.0.1: keeps each POST to {@code /v1/traces} and lists them (hex) on
     * {@code GET /received}; the test reads them over HTTP, since a test resource may live in another class loader.
     */
    public static class OtlpReceiver implements QuarkusTestResourceLifecycleManager {
        private final List<String> bodies = new CopyOnWriteArrayList<>();
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/v1/traces", this::receive);
            server.createContext("/received", ex -> answer(ex, 200, String.join("\n", bodies).getBytes(StandardCharsets.UTF_8)));
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("quarkus.otel.exporter.otlp.traces.endpoint", url, "otlp.receiver.url", url);
        }

        private void receive(HttpExchange ex) throws IOException {
            if (!"POST".equals(ex.getRequestMethod())) {
                answer(ex, 405, new byte[0]);
                return;
            }
            boolean gzip = "gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream in = gzip ? new GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody()) {
                bodies.add(HexFormat.of().formatHex(in.readAllBytes()));
            }
            ex.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            answer(ex, 200, new byte[0]);
        }

        private static void answer(HttpExchange ex, int status, byte[] body) throws IOException {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
