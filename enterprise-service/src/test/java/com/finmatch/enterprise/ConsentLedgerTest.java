package com.finmatch.enterprise;

import com.finmatch.testing.ServiceTestResources;
import com.finmatch.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.finmatch.enterprise.Fixtures.as;
import static com.finmatch.enterprise.Fixtures.grantConsent;
import static com.finmatch.enterprise.Fixtures.newSubject;
import static com.finmatch.enterprise.Fixtures.registerEnterprise;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(ServiceTestResources.class)
class ConsentLedgerTest {

    private static final String BANK = "ZQRCB";

    @Test
    void shouldHideTheProfileFromABankWithoutConsentAsIfItDidNotExist() {
        String id = registerEnterprise(newSubject("owner"));
        as(Tokens.bank(newSubject("banker"), BANK)).get("/api/v1/enterprises/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("enterprise not found"));
    }

    @Test
    void shouldShowABankOnlyTheCategoriesItsConsentsCover() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        grantConsent(owner, id, BANK, "PROFILE");
        String banker = Tokens.bank(newSubject("banker"), BANK);
        as(banker).get("/api/v1/enterprises/" + id).then().statusCode(200)
                .body("name", notNullValue())
                .body("districtCode", equalTo("441203"))
                .body("$", not(hasKey("annualRevenue")))
                .body("$", not(hasKey("netProfit")))
                .body("$", not(hasKey("contactPhone")));

        grantConsent(owner, id, BANK, "FINANCIALS", "CONTACTS");
        as(banker).get("/api/v1/enterprises/" + id).then().statusCode(200)
                .body("annualRevenue", notNullValue())
                .body("netProfit", notNullValue())
                .body("contactPhone", equalTo("+86 758 2888888"));
    }

    @Test
    void shouldNotShowTheProfileUnderAConsentWithoutProfile() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        grantConsent(owner, id, BANK, "FINANCIALS");
        as(Tokens.bank(newSubject("banker"), BANK)).get("/api/v1/enterprises/" + id).then().statusCode(404);
    }

    @Test
    void shouldLetAConsentForAllBanksCoverEveryBankButNotOtherEnterprises() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        grantConsent(owner, id, "*", "PROFILE");
        as(Tokens.bank(newSubject("banker"), "ICBCZQ")).get("/api/v1/enterprises/" + id).then().statusCode(200);
        as(Tokens.bank(newSubject("banker"), "CCBZQ")).get("/api/v1/enterprises/" + id).then().statusCode(200);
        String other = newSubject("other");
        registerEnterprise(other);
        as(Tokens.enterprise(other)).get("/api/v1/enterprises/" + id).then().statusCode(404);
    }

    @Test
    void shouldEndABanksAccessAtOnceWhenTheConsentIsRevoked() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String consent = grantConsent(owner, id, BANK, "PROFILE", "FINANCIALS");
        String banker = Tokens.bank(newSubject("banker"), BANK);
        as(banker).get("/api/v1/enterprises/" + id).then().statusCode(200);

        as(Tokens.enterprise(owner)).delete("/api/v1/enterprises/" + id + "/consents/" + consent)
                .then().statusCode(204);
        as(banker).get("/api/v1/enterprises/" + id).then().statusCode(404);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/consents").then().statusCode(200)
                .body("items[0].id", equalTo(consent))
                .body("items[0].active", equalTo(false))
                .body("items[0].revokedAt", notNullValue());
        // revoking again changes nothing
        as(Tokens.enterprise(owner)).delete("/api/v1/enterprises/" + id + "/consents/" + consent)
                .then().statusCode(204);
    }

    @Test
    void shouldEndABanksAccessWhenTheConsentExpires() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String consent = grantConsent(owner, id, BANK, "PROFILE");
        String banker = Tokens.bank(newSubject("banker"), BANK);
        as(banker).get("/api/v1/enterprises/" + id).then().statusCode(200);

        Fixtures.expireConsent(consent);
        as(banker).get("/api/v1/enterprises/" + id).then().statusCode(404);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/consents").then()
                .body("items[0].active", equalTo(false));
    }

    @Test
    void shouldWriteEveryBankReadToTheAccessLogThatTheOwnerAndAdminsCanRead() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        grantConsent(owner, id, BANK, "PROFILE", "FINANCIALS");
        String bankUser = newSubject("banker");
        as(Tokens.bank(bankUser, BANK)).get("/api/v1/enterprises/" + id).then().statusCode(200);
        as(Tokens.bank(bankUser, BANK)).get("/api/v1/enterprises/" + id).then().statusCode(200);
        // reads by the owner, an admin and a bank without consent are not bank reads of data
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id).then().statusCode(200);
        as(Tokens.admin(newSubject("admin"))).get("/api/v1/enterprises/" + id).then().statusCode(200);
        as(Tokens.bank(newSubject("banker"), "BOCZQ")).get("/api/v1/enterprises/" + id).then().statusCode(404);

        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/access-log").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.bankId", equalTo(List.of(BANK, BANK)))
                .body("items.subject", equalTo(List.of(bankUser, bankUser)))
                .body("items[0].categories", equalTo(List.of("PROFILE", "FINANCIALS")))
                .body("items[0].at", notNullValue());
        as(Tokens.admin(newSubject("admin"))).get("/api/v1/enterprises/" + id + "/access-log").then()
                .statusCode(200).body("total", equalTo(2));
        as(Tokens.bank(bankUser, BANK)).get("/api/v1/enterprises/" + id + "/access-log").then().statusCode(403);
    }

    @Test
    void shouldLogAProfileReadOnALeadThatLoanServiceReports() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String applicationId = java.util.UUID.randomUUID().toString();
        String payload = Fixtures.json(Map.of("applicationId", applicationId, "enterpriseId", id, "bankId", BANK,
                "readBy", "bank-officer-7", "categories", List.of("PROFILE", "FINANCIALS"),
                "at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        Fixtures.conform("finmatch.lead.EnterpriseProfileRead.v1", payload);
        Fixtures.send("lead.events", applicationId, "finmatch.lead.EnterpriseProfileRead.v1", "loan-service",
                payload);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/access-log").then().extract()
                        .<Integer>path("total") == 1);
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/access-log").then()
                .body("items[0].bankId", equalTo(BANK))
                .body("items[0].subject", equalTo("bank-officer-7"))
                .body("items[0].categories", equalTo(List.of("PROFILE", "FINANCIALS")))
                .body("items[0].resource", org.hamcrest.Matchers.containsString(applicationId));
    }

    @Test
    void shouldRejectAConsentThatExpiresInThePastOrTooFarAhead() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        as(Tokens.enterprise(owner))
                .body(Map.of("bankId", BANK, "categories", List.of("PROFILE"),
                        "expiresAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()))
                .post("/api/v1/enterprises/" + id + "/consents")
                .then().statusCode(400).body("violations.field", equalTo(List.of("expiresAt")));
        as(Tokens.enterprise(owner))
                .body(Map.of("bankId", BANK, "categories", List.of("PROFILE"),
                        "expiresAt", Instant.now().plus(4000, ChronoUnit.DAYS).toString()))
                .post("/api/v1/enterprises/" + id + "/consents")
                .then().statusCode(400).body("violations.field", equalTo(List.of("expiresAt")));
        as(Tokens.enterprise(owner)).get("/api/v1/enterprises/" + id + "/consents").then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldListGrantsWithBankCategoriesAndExpiry() {
        String owner = newSubject("owner");
        String id = registerEnterprise(owner);
        String expiresAt = "2027-11-30T00:00:00+08:00";
        as(Tokens.enterprise(owner))
                .body(Map.of("bankId", "*", "categories", List.of("FINANCIALS", "PROFILE"), "expiresAt", expiresAt))
                .post("/api/v1/enterprises/" + id + "/consents")
                .then().statusCode(201)
                .body("bankId", equalTo("*"))
                .body("categories", equalTo(List.of("PROFILE", "FINANCIALS")))
                .body("expiresAt", equalTo("2027-11-29T16:00:00Z"))
                .body("active", equalTo(true));
    }
}
