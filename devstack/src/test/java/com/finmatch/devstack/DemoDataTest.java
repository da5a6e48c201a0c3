package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataTest {
    private final JsonNode data = read("demo-data.json");
    private final JsonNode realm = read("finmatch-realm.json");

    private static JsonNode read(String name) {
        try {
            return Http.JSON.readTree(Stack.readResource(name));
        } catch (Exception e) {
            throw new AssertionError(name, e);
        }
    }

    @Test
    void shouldComputeTheGb32100CheckCharacter() {
        assertEquals('3', Uscc.checkCharacter("91350100M000100Y4"));
        assertTrue(Uscc.isValid("91350100M000100Y43"));
        assertFalse(Uscc.isValid("91350100M000100Y44"));
        assertFalse(Uscc.isValid("91350100M000100Y4"));
        assertFalse(Uscc.isValid("91350100M000100YI3"), "I is not a USCC character");
    }

    @Test
    void shouldSeedThirtyEnterprisesWithValidDistinctUsccs() {
        Set<String> usccs = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (JsonNode e : data.path("enterprises")) {
            String uscc = e.path("uscc").asText();
            assertTrue(Uscc.isValid(uscc), uscc + " of " + e.path("name").asText());
            usccs.add(uscc);
            users.add(e.path("user").asText());
            assertFalse(e.path("financingNeeds").isEmpty(), "every seeded enterprise has a need");
        }
        assertEquals(30, usccs.size());
        for (int i = 1; i <= 30; i++) {
            assertTrue(users.contains("ent" + i), "ent" + i + " registers an enterprise");
        }
    }

    /**
     * ent2's need (9.7 million, 12 months, at most 3.25 %) fits 政银担·易担贷 on amount, term and guarantee, but its rate
     * of 3.3 % (no subsidy) is above the maximum: the demo shows it as a near miss with that reason.
     */
    @Test
    void shouldSeedANeedWhoseMaximumRateExcludesExactlyOneOtherwiseFittingProduct() {
        JsonNode need = null;
        for (JsonNode e : data.path("enterprises")) {
            if (e.path("user").asText().equals("ent2")) {
                need = e.path("financingNeeds").path(0);
            }
        }
        assertTrue(need != null && need.path("maxAnnualRate").isNumber(), "ent2 has a need with a maximum rate");
        Map<String, Double> subsidies = new HashMap<>();
        for (JsonNode tool : data.path("policyTools")) {
            subsidies.put(tool.path("name").asText(), tool.path("subsidyRate").asDouble(0));
        }
        double amount = need.path("amount").asDouble();
        int term = need.path("termMonths").asInt();
        Set<String> guarantees = new HashSet<>();
        need.path("guaranteeTypes").forEach(g -> guarantees.add(g.asText()));
        Set<String> above = new HashSet<>();
        for (JsonNode p : data.path("products")) {
            boolean guarantee = false;
            for (JsonNode g : p.path("guaranteeTypes")) {
                guarantee |= guarantees.contains(g.asText());
            }
            double rate = p.path("minAnnualRate").asDouble();
            for (JsonNode tool : p.path("policyTools")) {
                rate -= subsidies.getOrDefault(tool.asText(), 0.0);
            }
            if (guarantee && p.path("minAmount").asDouble() <= amount && amount <= p.path("maxAmount").asDouble()
                    && p.path("minTermMonths").asInt() <= term && term <= p.path("maxTermMonths").asInt()
                    && rate > need.path("maxAnnualRate").asDouble()) {
                above.add(p.path("name").asText());
            }
        }
        assertEquals(Set.of("政银担·易担贷"), above);
    }

    @Test
    void shouldGiveEveryProductABankWithAnApiClientInTheRealm() {
        Set<String> clients = new HashSet<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertEquals(20, data.path("products").size());
        for (JsonNode p : data.path("products")) {
            assertTrue(clients.contains("bank-" + p.path("bank").asText().toLowerCase()), p.path("name").asText());
            for (JsonNode rule : p.path("rules")) {
                assertFalse(rule.path("message").path("zh").asText().isEmpty(), "rule messages are bilingual");
                assertFalse(rule.path("message").path("en").asText().isEmpty(), "rule messages are bilingual");
            }
        }
    }

    @Test
    void shouldDeclareDemoUsersWithRolesAndBankIds() {
        int enterprises = 0;
        int banks = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode u : realm.path("users")) {
            assertTrue(u.path("id").asText().matches("[0-9a-f-]{36}"),
                    "a fixed id keeps the token's sub (the owner of seeded data) across re-imports: " + u.path("username"));
            assertTrue(ids.add(u.path("id").asText()));
            String role = u.path("realmRoles").path(0).asText();
            if (u.has("serviceAccountClientId")) {
                assertEquals("bank", role);
                continue;
            }
            assertTrue(u.path("emailVerified").asBoolean(), u.path("username").asText());
            assertTrue(u.path("requiredActions").isEmpty());
            if (role.equals("enterprise")) {
                enterprises++;
            } else if (role.equals("bank")) {
                banks++;
                assertFalse(u.path("attributes").path("bank_id").path(0).asText().isEmpty());
            }
        }
        assertEquals(35, enterprises);
        assertEquals(5, banks);
    }
}
