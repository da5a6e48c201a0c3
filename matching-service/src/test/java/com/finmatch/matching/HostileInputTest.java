package com.finmatch.matching;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import com.finmatch.testing.badinput.ApiOperation;
import com.finmatch.testing.badinput.ApiOperations;
import com.finmatch.testing.badinput.CorpusRun;
import com.finmatch.testing.badinput.HostileRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inputs that answered 500 before (issue 12 §3), as an attacker tries them on matching-service: each is a 400
 * problem naming the parameter, on every operation it applies to.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class HostileInputTest {

    private final CorpusRun caller = new CorpusRun(null, CorpusRun.firstAdmitted(List.of(Tokens.admin("admin-1"),
            Tokens.bank("bank-user", "ZQRCB"), Tokens.enterprise("user-a")), (path, name) -> null),
            (path, name) -> null);

    @Test
    void shouldRefuseAPageWhoseRowOffsetOverflowsAnIntOnEveryPagedList() {
        assertEquals(List.of(), HostileRequests.overflowingPages(ApiOperations.served(), caller));
    }

    @Test
    void shouldRefuseFarFutureAndFarPastPeriodsOnMatchesStatsAndScorecards() {
        List<ApiOperation> operations = ApiOperations.served();
        List<String> wrong = new ArrayList<>();
        for (String parameter : List.of("from", "to")) {
            for (String value : List.of("+999999999-12-31", "-999999999-01-01", "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01T00:00:00Z", "0000-01-01")) {
                wrong.addAll(HostileRequests.queryParameter(operations, caller, parameter, value));
            }
        }
        assertEquals(List.of(), wrong);
        long covered = operations.stream().filter(o -> o.method().equals("GET") && o.parameters().stream()
                .anyMatch(p -> p.name().equals("from"))).count();
        assertEquals(true, covered >= 4, "GET operations with from/to: " + covered);
    }

    @Test
    void shouldRefuseAPeriodThatEndsBeforeItStartsOnMatchesStatsAndScorecards() {
        List<ApiOperation> operations = ApiOperations.served();
        assertEquals(List.of(), HostileRequests.queryParameters(operations, caller,
                Map.of("from", "2026-03-01", "to", "2026-02-01"), "to"));
        assertEquals(List.of(), HostileRequests.queryParameters(operations, caller,
                Map.of("from", "2026-03-01T00:00:00Z", "to", "2026-03-01T00:00:00Z"), "to"));
        long covered = operations.stream().filter(o -> o.method().equals("GET") && o.parameters().stream()
                .anyMatch(p -> p.name().equals("to"))).count();
        assertEquals(true, covered >= 4, "GET operations with from/to: " + covered);
    }

    @Test
    void shouldRefuseANumberOfMoreThanAThousandDigitsAndNestingDeeperThanAThousandInEveryBody() {
        assertEquals(List.of(), HostileRequests.oversizedJson(ApiOperations.served(), caller));
    }
}
