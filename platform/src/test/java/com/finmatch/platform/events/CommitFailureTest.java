package com.finmatch.platform.events;

import com.finmatch.platform.http.DatabaseOutage;
import com.finmatch.platform.http.Problem;
import com.finmatch.testing.ServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.UUID;

import static com.finmatch.platform.events.EventsTestSupport.count;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A write whose commit fails because the database went away (the server ended the session, as a restart or a
 * failover does; Narayana then throws {@code RollbackException} ARJUNA016053) is refused with 503 problem+json and
 * {@code Retry-After}, and nothing of it is stored: the client may send it again.
 */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class CommitFailureTest {

    @Inject
    DataSource db;

    @Test
    void shouldRefuseWith503AndStoreNothingWhenTheCommitFailsBecauseTheDatabaseWentAway() {
        String aggregate = UUID.randomUUID().toString();

        given().when().post("/test/things/" + aggregate + "/lose-connection").then()
                .statusCode(503)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                .body("status", equalTo(503));

        assertEquals(0L, count(db, "select count(*) from outbox_event where aggregate_id = '" + aggregate + "'"),
                "a refused write left its event behind");
    }
}
