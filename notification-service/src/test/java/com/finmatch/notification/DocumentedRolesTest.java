package com.finmatch.notification;

import com.finmatch.testing.DocumentedRoles;
import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The roles docs/openapi/notification-service.yaml names for each operation ({@code x-roles-allowed}) are the roles
 * this service enforces (com.finmatch.testing.DocumentedRoles).
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DocumentedRolesTest {

    @Test
    void shouldLetThroughExactlyTheRolesTheDocumentNamesForEveryOperation() {
        DocumentedRoles.assertEnforcedAsDocumented();
    }
}
