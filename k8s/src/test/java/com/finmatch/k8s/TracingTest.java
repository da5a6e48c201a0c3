package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tracing that a deployment switches on: the applications are built with Quarkus' OTLP exporter and the SDK off at
 * run time, and each overlay switches the SDK on by environment, sending OTLP/HTTP to a Service that selects the
 * OpenTelemetry Collector's pods on the port it names (loan-service's {@code TracingTest} shows that such run-time
 * settings alone make a service export its spans).
 */
class TracingTest {

    private static final List<String> APPLICATIONS = List.of("enterprise-service", "loan-service", "matching-service",
            "notification-service", "web-portal");

    @Test
    void shouldBuildEveryApplicationWithTheOtlpExporterAndTheSdkOffUntilSwitchedOn() throws IOException {
        for (String app : APPLICATIONS) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(Manifests.ROOT.resolve(app + "/src/main/resources/application.properties"))) {
                p.load(in);
            }
            assertEquals("cdi", p.getProperty("quarkus.otel.traces.exporter", "cdi"),
                    app + " is built without Quarkus' OTLP exporter (quarkus.otel.traces.exporter is fixed at build time)");
            assertEquals("true", p.getProperty("quarkus.otel.sdk.disabled"), app + " does not keep the SDK off by default");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldSwitchTracingOnAndSendItToTheCollector(String overlay) {
        Manifests m = Manifests.of(overlay);
        Pods pods = Pods.of(m);
        for (Deployment d : m.all(Deployment.class)) {
            if (!APPLICATIONS.contains(d.getMetadata().getName())) {
                continue;
            }
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = environment(m, c);
            String who = overlay + ": " + d.getMetadata().getName();
            assertEquals("false", env.get("QUARKUS_OTEL_SDK_DISABLED"), who + " keeps the OpenTelemetry SDK off");
            assertEquals("http/protobuf", env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"), who + ": not OTLP/HTTP");
            URI endpoint = URI.create(env.getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", ""));
            Service collector = m.all(Service.class).stream()
                    .filter(s -> s.getMetadata().getName().equals(endpoint.getHost())).findFirst()
                    .orElseThrow(() -> new AssertionError(who + " sends spans to " + endpoint + ", no Service of the overlay"));
            assertTrue(collector.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == endpoint.getPort()),
                    who + ": Service " + collector.getMetadata().getName() + " has no port " + endpoint.getPort());
            assertFalse(pods.selectedBy(collector.getSpec().getSelector()).stream()
                    .noneMatch(p -> p.owner().equals("Deployment otel-collector")), who + ": " + endpoint
                    + " does not reach the OpenTelemetry Collector");
        }
    }

    /** The container's variables: its ConfigMaps' keys, then its own {@code env} values. */
    private static Map<String, String> environment(Manifests m, Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                m.all(ConfigMap.class).stream().filter(cm -> cm.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                        .forEach(cm -> env.putAll(cm.getData()));
            }
        }
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (e.getValue() != null) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }
}
