package com.finmatch.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The portal calls the dead-letter API of all three services through enterprise-service's generated client and
 * models (client/DeadLetterClients). That is right only while the three documents describe the API identically: the
 * same dead-letter operations and the same DeadLetter, PageResponseDeadLetter and Redriven schemas. If one service's
 * API drifts, this test names it, and the portal must use that service's own generated client.
 */
class DeadLetterDocumentsTest {
    static final List<String> SCHEMAS = List.of("DeadLetter", "PageResponseDeadLetter", "Redriven");

    @Test
    void shouldDescribeTheDeadLetterApiIdenticallyInEveryServicesDocument() throws IOException {
        JsonNode enterprise = deadLetterApi("enterprise");
        assertFalse(enterprise.path("paths").isEmpty(), "enterprise-service documents the dead-letter API");
        for (String service : List.of("loan", "matching")) {
            assertEquals(enterprise, deadLetterApi(service), service + "-service's dead-letter API differs from "
                    + "enterprise-service's: call it through its own generated client");
        }
    }

    /** The document's dead-letter paths and the schemas they use. */
    private static JsonNode deadLetterApi(String service) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode document = yaml.readTree(Path.of("../docs/openapi", service + "-service.yaml").toFile());
        ObjectNode api = yaml.createObjectNode();
        ObjectNode paths = api.putObject("paths");
        document.path("paths").fields().forEachRemaining(p -> {
            if (p.getKey().startsWith("/api/v1/admin/dead-letters")) {
                paths.set(p.getKey(), p.getValue());
            }
        });
        ObjectNode schemas = api.putObject("schemas");
        for (String schema : SCHEMAS) {
            schemas.set(schema, document.path("components").path("schemas").path(schema));
        }
        return api;
    }
}
