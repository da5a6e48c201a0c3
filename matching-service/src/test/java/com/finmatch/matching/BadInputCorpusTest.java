package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
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
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 12 §3: the generated corpus against every write operation matching-service serves (read from its own
 * /q/openapi; none takes a body, so each gets the corpus's body and content-type families): no 5xx, every error
 * problem+json, nothing changed by a refused request. A job an accepted request started is awaited,
 * the token probe's too (it is a request like the others: it may start a job).
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class BadInputCorpusTest {

    static final long SEED = 123L;

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryGeneratedBadRequestWithAProblemAndChangeNothing() {
        String admin = Tokens.admin("admin-1");
        DatabaseSnapshot database = DatabaseSnapshot.of(dataSource, Set.of("inbox_event"));
        Consumer<HttpResponse<String>> awaitJob = response -> response.headers().firstValue("Location").ifPresent(
                job -> await("job " + job).atMost(Duration.ofMinutes(2)).until(() -> !"RUNNING".equals(
                        given().auth().oauth2(admin).get(URI.create(job).getPath()).then().extract().path("state"))));
        CorpusRun run = new CorpusRun(database, CorpusRun.firstAdmitted(List.of(admin, Tokens.bank("bank-user",
                "ZQRCB"), Tokens.enterprise("user-a")), (path, name) -> null, awaitJob), (path, name) -> null)
                .afterAccepted(awaitJob);
        List<ApiOperation> operations = ApiOperations.served();
        run.runWrites(operations, new BadInputCorpus(SEED), Map.of(), 600, 40);
        System.out.println("matching-service bad-input corpus (operation, requests, count per status):\n"
                + run.report());
        assertEquals(List.of(), run.breaches());
    }
}
