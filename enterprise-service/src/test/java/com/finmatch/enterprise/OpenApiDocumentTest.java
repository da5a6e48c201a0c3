package com.finmatch.enterprise;

import com.finmatch.testing.OpenApiDocuments;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The document this service serves at /q/openapi is the one committed at docs/openapi/enterprise-service.yaml: an API change
 * shows up in review as a diff of that file. Refresh it with {@code -Dopenapi.refresh=true} (docs/openapi/README.md).
 */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void shouldServeExactlyTheCommittedOpenApiDocument() {
        OpenApiDocuments.assertServedDocumentIsCommitted("enterprise-service");
    }
}
