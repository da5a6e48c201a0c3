package com.finmatch.notification;

import com.finmatch.testing.OpenApiDocuments;
import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The document this service serves at /q/openapi is the one committed at docs/openapi/notification-service.yaml: an
 * API change shows up in review as a diff of that file. Refresh it with {@code -Dopenapi.refresh=true}.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class OpenApiDocumentTest {

    @Test
    void shouldServeExactlyTheCommittedOpenApiDocument() {
        OpenApiDocuments.assertServedDocumentIsCommitted("notification-service");
    }
}
