package com.finmatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything a service test needs, real: a PostgreSQL database of its own, a Kafka broker, and an OIDC provider
 * that serves the signing keys of the tokens {@link Tokens} mints. Put {@code @QuarkusTestResource(ServiceTestResources.class)}
 * on one test class of a module; it applies to every {@code @QuarkusTest} of that module.
 */
public class ServiceTestResources implements QuarkusTestResourceLifecycleManager {

    private final OidcWiremockTestResource oidc = new OidcWiremockTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(oidc.start());
        config.put("quarkus.oidc.auth-server-url", config.get("keycloak.url") + "/realms/quarkus/");
        config.put("quarkus.oidc.token.issuer", Tokens.ISSUER);
        config.put("quarkus.datasource.jdbc.url", TestPostgres.newDatabase("service"));
        config.put("quarkus.datasource.username", "postgres");
        config.put("quarkus.datasource.password", "postgres");
        config.put("kafka.bootstrap.servers", TestKafka.get().bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        oidc.stop();
    }
}
