package com.finmatch.notification;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Preferences per user, kind and channel: defaults, changes that stay the user's own, and refused input. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
@QuarkusTestResource(TopicsTestResource.class)
class PreferencesTest {

    private static JsonPath preferences(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/notifications/preferences")
                .then().statusCode(200).extract().jsonPath();
    }

    private static boolean enabled(JsonPath p, String kind, String channel) {
        return p.<Map<String, Object>>getList("items").stream()
                .filter(i -> kind.equals(i.get("kind")) && channel.equals(i.get("channel")))
                .map(i -> (Boolean) i.get("enabled")).findFirst().orElseThrow();
    }

    @Test
    void shouldEnableEverythingInAppAndTheChosenKindsByEmailByDefault() {
        JsonPath p = preferences(Tokens.enterprise("pref-" + Events.id()));
        assertEquals(12, p.getList("items").size());
        assertEquals(null, p.getString("email"));
        for (String kind : List.of("LEAD_RECEIVED", "LEAD_STATUS_CHANGED", "LEAD_OVERDUE", "LEAD_OVERDUE_ESCALATION",
                "CONSENT_EXPIRING", "LEAD_MESSAGE")) {
            assertEquals(true, enabled(p, kind, "IN_APP"), kind);
        }
        assertEquals(true, enabled(p, "LEAD_RECEIVED", "EMAIL"));
        assertEquals(true, enabled(p, "CONSENT_EXPIRING", "EMAIL"));
        assertEquals(true, enabled(p, "LEAD_MESSAGE", "EMAIL"));
        assertEquals(false, enabled(p, "LEAD_OVERDUE", "EMAIL"));
    }

    @Test
    void shouldStoreTheChangedPreferencesAndAddressForThisUserOnly() {
        String user = Tokens.bank("pref-" + Events.id(), "ZQRCB");
        String colleague = Tokens.bank("pref-" + Events.id(), "ZQRCB");
        given().auth().oauth2(user).contentType(ContentType.JSON).body("""
                {"items":[{"kind":"LEAD_RECEIVED","channel":"EMAIL","enabled":false},
                          {"kind":"LEAD_OVERDUE","channel":"EMAIL","enabled":true}],
                 "email":"officer@zqrcb.example"}""")
                .when().put("/api/v1/notifications/preferences")
                .then().statusCode(200).body("items", hasSize(12)).body("email", equalTo("officer@zqrcb.example"));

        JsonPath p = preferences(user);
        assertEquals(false, enabled(p, "LEAD_RECEIVED", "EMAIL"));
        assertEquals(true, enabled(p, "LEAD_OVERDUE", "EMAIL"));
        assertEquals(true, enabled(p, "LEAD_RECEIVED", "IN_APP"), "an item not sent keeps its setting");
        assertEquals("officer@zqrcb.example", p.getString("email"));
        assertEquals(true, enabled(preferences(colleague), "LEAD_RECEIVED", "EMAIL"), "another user's own defaults");

        given().auth().oauth2(user).contentType(ContentType.JSON).body("{\"items\":[],\"email\":null}")
                .when().put("/api/v1/notifications/preferences")
                .then().statusCode(200).body("email", nullValue());
    }

    @Test
    void shouldRefuseAnUnknownKindOrChannelOrAnAddressThatIsNoneWithProblemJsonAndChangeNothing() {
        String user = Tokens.enterprise("pref-" + Events.id());
        for (String body : List.of(
                "{\"items\":[{\"kind\":\"LEAD_EATEN\",\"channel\":\"EMAIL\",\"enabled\":false}]}",
                "{\"items\":[{\"kind\":\"LEAD_RECEIVED\",\"channel\":\"SMS\",\"enabled\":false}]}",
                "{\"items\":[{\"kind\":\"LEAD_RECEIVED\",\"channel\":\"EMAIL\"}]}",
                "{\"items\":[{\"kind\":\"LEAD_RECEIVED\",\"channel\":\"EMAIL\",\"enabled\":false}],\"email\":\"no-at\"}",
                "{\"email\":\"a@b.example\"}",
                "[]")) {
            given().auth().oauth2(user).contentType(ContentType.JSON).body(body)
                    .when().put("/api/v1/notifications/preferences")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(true, enabled(preferences(user), "LEAD_RECEIVED", "EMAIL"));
    }

    @Test
    void shouldRefuseACallerWithoutAToken() {
        given().when().get("/api/v1/notifications/preferences").then().statusCode(401);
    }
}
