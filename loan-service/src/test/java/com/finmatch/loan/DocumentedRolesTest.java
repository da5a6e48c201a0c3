package com.finmatch.loan;

import com.finmatch.testing.DocumentedRoles;
import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The roles docs/openapi/loan-service.yaml names for each operation ({@code x-roles-allowed}) are the roles this
 * service enforces: each operation called without a token and with each realm role's token answers 401, 403 or gets
 * past the role check exactly as documented (com.finmatch.testing.DocumentedRoles).
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class DocumentedRolesTest {

    @Test
    void shouldLetThroughExactlyTheRolesTheDocumentNamesForEveryOperation() {
        DocumentedRoles.assertEnforcedAsDocumented();
    }
}
