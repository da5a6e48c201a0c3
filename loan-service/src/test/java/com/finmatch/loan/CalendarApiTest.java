package com.finmatch.loan;

import com.finmatch.loan.domain.China2026;
import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET, PUT and DELETE /api/v1/calendar/days: the working-hours calendar as data an administrator maintains. */
@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class CalendarApiTest {

    static final String DAYS = "/api/v1/calendar/days";
    static final String ADMIN = Tokens.admin("admin1");
    private static final String BANK = Tokens.bank("bank-user", "ZQRCB");

    static String day(String kind, String name) {
        return "{\"kind\": \"" + kind + "\", \"name\": \"" + name + "\"}";
    }

    static ValidatableResponse put(String token, String date, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(DAYS + "/" + date).then();
    }

    static ValidatableResponse delete(String token, String date) {
        return given().auth().oauth2(token).delete(DAYS + "/" + date).then();
    }

    private static Set<LocalDate> dates(String year, String kind) {
        List<String> found = given().auth().oauth2(BANK).get(DAYS + "?size=200&year=" + year).then().statusCode(200)
                .extract().path("items.findAll { it.kind == '" + kind + "' }.date");
        return found.stream().map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldSeedExactlyThe2026ScheduleOfTheStateCouncilNotice() {
        assertEquals(new TreeSet<>(China2026.HOLIDAYS), dates("2026", "HOLIDAY"));
        assertEquals(new TreeSet<>(China2026.WORKDAYS), dates("2026", "WORKDAY"));
        given().auth().oauth2(BANK).get(DAYS + "?year=2026&size=200").then().statusCode(200)
                .body("total", equalTo(39))
                .body("items.find { it.date == '2026-10-01' }.name", equalTo("国庆节"))
                .body("items.find { it.date == '2026-10-10' }.name", equalTo("国庆节调休上班"));
    }

    @Test
    void shouldPageAYearsDaysInDateOrder() {
        given().auth().oauth2(BANK).get(DAYS + "?year=2026&size=10&page=1").then().statusCode(200)
                .body("items", hasSize(10)).body("total", equalTo(39)).body("page", equalTo(1))
                .body("items[0].date", equalTo("2026-02-20")); // the 11th date of 2026
    }

    @Test
    void shouldAddReplaceAndRemoveADayAsAnAdministrator() {
        put(ADMIN, "2041-01-01", day("HOLIDAY", "元旦")).statusCode(201)
                .header("Location", endsWith("/api/v1/calendar/days/2041-01-01")).body("date", equalTo("2041-01-01"))
                .body("kind", equalTo("HOLIDAY")).body("updatedBy", equalTo("admin1"));
        put(ADMIN, "2041-01-01", day("HOLIDAY", " 元旦节 ")).statusCode(200).body("name", equalTo("元旦节"));
        put(ADMIN, "2041-01-05", day("WORKDAY", "元旦调休上班")).statusCode(201); // a Saturday
        given().auth().oauth2(Tokens.enterprise("someone")).get(DAYS + "?year=2041").then().statusCode(200)
                .body("items.date", equalTo(List.of("2041-01-01", "2041-01-05")));
        delete(ADMIN, "2041-01-01").statusCode(204);
        delete(ADMIN, "2041-01-05").statusCode(204);
        delete(ADMIN, "2041-01-05").statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(BANK).get(DAYS + "?year=2041").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void shouldLetAnyoneSignedInReadAndOnlyAdministratorsWrite() {
        given().get(DAYS).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(BANK).get(DAYS).then().statusCode(200);
        put(BANK, "2042-01-01", day("HOLIDAY", "元旦")).statusCode(403).contentType("application/problem+json");
        put(Tokens.enterprise("someone"), "2042-01-01", day("HOLIDAY", "元旦")).statusCode(403);
        given().contentType(ContentType.JSON).body(day("HOLIDAY", "元旦")).put(DAYS + "/2042-01-01").then()
                .statusCode(401);
        delete(BANK, "2026-10-01").statusCode(403);
        given().delete(DAYS + "/2026-10-01").then().statusCode(401);
        assertEquals(new TreeSet<>(China2026.HOLIDAYS), dates("2026", "HOLIDAY"));
        given().auth().oauth2(BANK).get(DAYS + "?year=2042").then().body("total", equalTo(0));
    }

    @Test
    void shouldRejectBadDaysAsProblemsNamingTheFieldAndChangeNothing() {
        problem(put(ADMIN, "2043-02-30", day("HOLIDAY", "x")), "date");
        problem(put(ADMIN, "tomorrow", day("HOLIDAY", "x")), "date");
        problem(put(ADMIN, "1999-01-01", day("HOLIDAY", "x")), "date");
        problem(put(ADMIN, "2043-01-01", day("SOMETIMES", "x")), "kind");
        problem(put(ADMIN, "2043-01-01", "{\"name\": \"元旦\"}"), "kind");
        problem(put(ADMIN, "2043-01-01", day("HOLIDAY", " ")), "name");
        problem(put(ADMIN, "2043-01-01", day("HOLIDAY", "长".repeat(101))), "name");
        problem(put(ADMIN, "2043-01-07", day("WORKDAY", "调休")), "kind"); // a Wednesday works anyway
        put(ADMIN, "2043-01-01", "{\"kind\": \"HOLIDAY\",,").statusCode(400)
                .contentType("application/problem+json");
        problem(delete(ADMIN, "2043-13-01"), "date");
        problem(given().auth().oauth2(BANK).get(DAYS + "?year=twenty").then(), "year");
        problem(given().auth().oauth2(BANK).get(DAYS + "?year=99999").then(), "year");
        problem(given().auth().oauth2(BANK).get(DAYS + "?year=2026&size=201").then(), "size");
        given().auth().oauth2(BANK).get(DAYS + "?year=2043").then().statusCode(200).body("total", equalTo(0));
    }

    private static void problem(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("violations.field.flatten().any { it.endsWith('" + field + "') }", equalTo(true));
    }
}
