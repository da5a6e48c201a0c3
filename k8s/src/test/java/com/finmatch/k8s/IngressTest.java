package com.finmatch.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The way in: every host is served over TLS by a named ingress class; the portal's pages reach the portal and no
 * management endpoint ({@code /q/*}) of any application is routed; every path of the services' OpenAPI documents
 * reaches the service that documents it, and the dead-letter operations (the same path in every service, redriven by
 * administrators through the portal inside the cluster) reach none.
 */
class IngressTest {

    private static final List<String> SERVICES = List.of("enterprise-service", "loan-service", "matching-service",
            "notification-service");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldServeEveryHostOverTlsThroughANamedIngressClass(String overlay) {
        List<Ingress> ingresses = Manifests.of(overlay).all(Ingress.class);
        assertFalse(ingresses.isEmpty(), overlay + " has no Ingress");
        for (Ingress ingress : ingresses) {
            String name = overlay + ": Ingress " + ingress.getMetadata().getName();
            assertTrue(ingress.getSpec().getIngressClassName() != null, name + " names no ingressClassName");
            Set<String> tls = new HashSet<>();
            for (IngressTLS t : ingress.getSpec().getTls()) {
                assertTrue(t.getSecretName() != null, name + ": a TLS entry names no certificate Secret");
                tls.addAll(t.getHosts());
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertTrue(tls.contains(rule.getHost()), name + ": " + rule.getHost() + " is served without TLS");
            }
        }
    }

    /** Management endpoints of a Quarkus application; none may be reachable from outside. */
    private static final List<String> MANAGEMENT = List.of("/q/metrics", "/q/health", "/q/health/ready",
            "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/index.html", "/q/dev-ui", "/q", "/q/");

    /** What the portal's pages need, still routed. */
    private static final List<String> PORTAL = List.of("/", "/login", "/logout", "/products", "/products/1",
            "/enterprise", "/enterprise/needs/1", "/enterprise/documents", "/bank/leads", "/bank/leads/1/messages",
            "/notifications", "/notifications/preferences", "/notifications/stream", "/admin/feed/stream", "/static/app.css",
            "/webjars/echarts/5.3.1/dist/echarts.min.js");

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldRouteThePortalsPagesAndNoManagementEndpoint(String overlay) {
        for (Ingress ingress : Manifests.of(overlay).all(Ingress.class)) {
            assertTrue(ingress.getSpec().getDefaultBackend() == null, overlay + ": a default backend routes every path");
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (String path : MANAGEMENT) {
                    assertEquals(null, backend(rule.getHttp().getPaths(), path), overlay + ": " + rule.getHost() + path
                            + " is routed");
                }
                if (!rule.getHost().startsWith("api.")) {
                    for (String path : PORTAL) {
                        assertEquals("web-portal", backend(rule.getHttp().getPaths(), path),
                                overlay + ": the portal's " + path + " is not routed to it");
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldRouteEveryDocumentedPathToTheServiceThatDocumentsIt(String overlay) throws IOException {
        List<HTTPIngressPath> routes = new ArrayList<>();
        for (Ingress ingress : Manifests.of(overlay).all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost().startsWith("api.")) {
                    routes.addAll(rule.getHttp().getPaths());
                }
            }
        }
        List<String> wrong = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String service : SERVICES) {
            JsonNode document = yaml.readTree(Manifests.ROOT.resolve("docs/openapi/" + service + ".yaml").toFile());
            for (String template : (Iterable<String>) document.path("paths")::fieldNames) {
                String path = template.replaceAll("\\{[^}]+}", "x");
                String to = backend(routes, path);
                // every service has its own dead letters and audit trail at the same paths: read inside the cluster, not routed
                String want = path.startsWith("/api/v1/admin/dead-letters") || path.startsWith("/api/v1/audit") ? null
                        : service;
                if (want == null ? to != null : !want.equals(to)) {
                    wrong.add(template + " of " + service + " → " + to);
                }
            }
        }
        assertEquals(List.of(), wrong, overlay + ": documented paths routed elsewhere");
    }

    /**
     * notification-service (CONTRACT.md, "Additions") owns /api/v1/notifications and a bank's webhooks under
     * /api/v1/banks/me/webhooks, inside loan-service's /api/v1/banks: the longer prefix must win for the webhooks only.
     */
    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void shouldRouteNotificationsAndABanksWebhooksToNotificationServiceAndTheRestOfBanksToLoanService(String overlay) {
        List<HTTPIngressPath> routes = new ArrayList<>();
        for (Ingress ingress : Manifests.of(overlay).all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHost().startsWith("api.")) {
                    routes.addAll(rule.getHttp().getPaths());
                }
            }
        }
        for (String path : List.of("/api/v1/notifications/mine", "/api/v1/notifications/x/read",
                "/api/v1/notifications/stream", "/api/v1/notifications/preferences", "/api/v1/banks/me/webhooks",
                "/api/v1/banks/me/webhooks/x", "/api/v1/banks/me/webhooks/x/deliveries")) {
            assertEquals("notification-service", backend(routes, path), overlay + ": " + path);
        }
        for (String path : List.of("/api/v1/banks", "/api/v1/banks/x", "/api/v1/banks/me", "/api/v1/banks/me/webhooksx",
                "/api/v1/banks/x/webhooks")) {
            assertEquals("loan-service", backend(routes, path), overlay + ": " + path);
        }
    }

    /** The service of the longest matching path, as an ingress controller picks it (Exact before Prefix). */
    private static String backend(List<HTTPIngressPath> routes, String path) {
        HTTPIngressPath best = null;
        for (HTTPIngressPath r : routes) {
            if (matches(r, path) && (best == null || rank(r) > rank(best))) {
                best = r;
            }
        }
        return best == null ? null : best.getBackend().getService().getName();
    }

    private static int rank(HTTPIngressPath r) {
        return r.getPath().length() * 2 + ("Exact".equals(r.getPathType()) ? 1 : 0);
    }

    /** Kubernetes' matching: Exact is the whole path; Prefix matches whole path elements. */
    static boolean matches(HTTPIngressPath route, String path) {
        String p = route.getPath() == null ? "/" : route.getPath();
        if ("Exact".equals(route.getPathType())) {
            return p.equals(path);
        }
        String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
