package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.DeadLetterClients;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administrator's dead letters of every service, with the services' API stubbed. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class DeadLetterPagesTest {
    static final String ID = "product.events.dlq:0:7";

    @InjectMock
    DeadLetterClients clients;

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldListEachServicesDeadLettersWithTheirReason() {
        when(clients.list("enterprise")).thenReturn(List.of());
        when(clients.list("loan")).thenThrow(new WebApplicationException(503));
        when(clients.list("matching")).thenReturn(List.of(TestJson.as(com.finmatch.portal.client.enterprise.model.DeadLetter.class, TestJson.obj("id", ID, "topic", "product.events",
                "eventId", "e-1", "type", "finmatch.product.ProductPublished.v1", "reason", "missing header ce_id",
                "deadAt", "2026-11-30T08:00:00Z"))));
        given().get("/admin/dead-letters").then().statusCode(200)
                .body(containsString("missing header ce_id"))
                .body(containsString("/admin/dead-letters/matching/" + ID + "/redrive"))
                .body(containsString("/admin/dead-letters/matching/redrive-all"))
                .body(containsString("没有死信"))
                .body(containsString("暂时无法访问该服务"))
                .body(not(containsString("/admin/dead-letters/enterprise/redrive-all")));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldReDriveOneDeadLetterAndSayWhenItWasReDrivenAlready() {
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/admin/dead-letters/matching/" + ID + "/redrive").then().statusCode(303)
                .header("Location", containsString("/admin/dead-letters?done=dl_redriven"));
        verify(clients).redrive("matching", ID);

        doThrow(new WebApplicationException(Response.status(409).build())).when(clients).redrive("loan", ID);
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/admin/dead-letters/loan/" + ID + "/redrive").then().statusCode(303)
                .header("Location", containsString("failed=dl_redriven_already"));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void shouldRefuseAnUnknownServiceOrAMalformedId() {
        String[] token = csrf();
        given().redirects().follow(false).cookie("csrf-token", token[0])
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("csrf-token", token[1])
                .post("/admin/dead-letters/matching/not-an-id/redrive").then().statusCode(404);
        verify(clients, never()).redrive("matching", "not-an-id");
    }

    private String[] csrf() {
        when(clients.list("matching")).thenReturn(List.of(TestJson.as(com.finmatch.portal.client.enterprise.model.DeadLetter.class, TestJson.obj("id", ID, "topic", "product.events"))));
        return EnterprisePagesTest.csrf("/admin/dead-letters");
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldNotShowDeadLettersToABank() {
        given().get("/admin/dead-letters").then().statusCode(403);
    }
}
