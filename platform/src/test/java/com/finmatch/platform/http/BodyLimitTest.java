package com.finmatch.platform.http;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A body above the service's limit (256 KiB here, as in every service) is refused with 413 problem+json. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class BodyLimitTest {

    private static final String API = "/api/v1/admin/dead-letters/redrive-all";

    @Test
    void shouldRefuseABodyAboveTheLimitWithAProblem() {
        given().auth().oauth2(Tokens.admin("admin1")).contentType(ContentType.JSON).body(json(300 * 1024))
                .when().post(API)
                .then().statusCode(413)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(413))
                .body("detail", containsString(Long.toString(256 * 1024)));
    }

    @Test
    void shouldRefuseAnOversizedBodyWithoutAToken() {
        given().contentType(ContentType.JSON).body(json(1024 * 1024)).when().post(API)
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldRefuseAnOversizedChunkedBody() {
        // no Content-Length: the body is streamed and cut off at the limit
        given().auth().oauth2(Tokens.admin("admin1")).contentType(ContentType.JSON)
                .body(new ByteArrayInputStream(json(300 * 1024).getBytes(StandardCharsets.UTF_8)))
                .when().post(API)
                .then().statusCode(413);
    }

    @Test
    void shouldAcceptABodyBelowTheLimit() {
        given().auth().oauth2(Tokens.admin("admin1")).contentType(ContentType.JSON).body(json(200 * 1024))
                .when().post(API)
                .then().statusCode(200);
    }

    private static String json(int bytes) {
        return "{\"note\":\"" + "x".repeat(bytes - 12) + "\"}";
    }
}
