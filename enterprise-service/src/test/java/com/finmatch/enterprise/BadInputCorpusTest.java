package com.finmatch.enterprise;

import com.finmatch.testing.Tokens;
import com.finmatch.testing.badinput.ApiOperation;
import com.finmatch.testing.badinput.ApiOperations;
import com.finmatch.testing.badinput.BadInputCorpus;
import com.finmatch.testing.badinput.CorpusRun;
import com.finmatch.testing.badinput.DatabaseSnapshot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.finmatch.enterprise.Fixtures.json;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 §3: a generated corpus of bad requests against every write operation enterprise-service serves (read from
 * its own /q/openapi): no 5xx, every error problem+json, every 400 naming a field, nothing stored by a refused request.
 */
@QuarkusTest
@QuarkusTestResource(com.finmatch.testing.ServiceTestResources.class)
class BadInputCorpusTest {

    static final long SEED = 123L;
    static final int PER_JSON_OPERATION = 600;
    static final int PER_OTHER_OPERATION = 20;

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryGeneratedBadRequestWithAProblemAndChangeNothing() {
        String owner = newSubject("corpus");
        String enterpriseId = Fixtures.registerEnterprise(owner);
        String needId = Fixtures.openNeed(owner, enterpriseId);
        String consentId = Fixtures.grantConsent(owner, enterpriseId, "ZQRCB", "PROFILE");
        String productId = Fixtures.publishProduct("ZQRCB");
        Map<String, String> valid = Map.of(
                "POST /api/v1/enterprises", json(Fixtures.enterpriseBody(Fixtures.uscc())),
                "PUT /api/v1/enterprises/{id}", json(Fixtures.enterpriseBody(Fixtures.uscc())),
                "POST /api/v1/enterprises/{id}/financing-needs", json(Fixtures.needBody()),
                "POST /api/v1/enterprises/{id}/consents", json(Map.of("bankId", "ZQRCB",
                        "categories", List.of("PROFILE", "FINANCIALS"), "expiresAt", "2031-01-01T00:00:00Z")),
                "POST /api/v1/applications", json(Map.of("financingNeedId", needId, "productId", productId)));
        java.util.function.BiFunction<String, String, String> ids = (path, name) -> switch (name) {
            case "id" -> path.startsWith("/api/v1/enterprises/") ? enterpriseId : null;
            case "needId" -> needId;
            case "consentId" -> consentId;
            default -> null;
        };
        DatabaseSnapshot database = DatabaseSnapshot.of(dataSource, Set.of("inbox_event", "product_summary"));
        CorpusRun run = new CorpusRun(database, CorpusRun.firstAdmitted(List.of(Tokens.enterprise(owner),
                Tokens.admin("admin1"), Tokens.bank("corpus-bank", "ZQRCB")), ids), ids);
        List<ApiOperation> operations = ApiOperations.served();
        run.runWrites(operations, new BadInputCorpus(SEED), valid, PER_JSON_OPERATION, PER_OTHER_OPERATION);
        System.out.println("enterprise-service bad-input corpus (operation, requests, count per status):\n"
                + run.report());
        assertTrue(operations.stream().filter(ApiOperation::isWrite).count() >= 10, "write operations: " + operations);
        assertEquals(List.of(), run.breaches());
    }
}
