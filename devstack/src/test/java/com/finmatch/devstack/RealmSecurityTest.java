package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The local stack's realm locks a user after wrong passwords (the lock itself is shown on the real Keycloak by
 * e2e-tests' BruteForceIT; the k8s module's OperatorsTest checks that the k8s realm locks users the same way).
 */
class RealmSecurityTest {

    @Test
    void shouldTurnOnBruteForceDetectionInTheLocalRealm() throws Exception {
        JsonNode realm = Http.JSON.readTree(Stack.readResource("finmatch-realm.json"));
        assertTrue(realm.path("bruteForceProtected").asBoolean(false), "bruteForceProtected is off");
        int failures = realm.path("failureFactor").asInt(30);
        assertTrue(failures >= 3 && failures <= 10, "failureFactor " + failures + " is not in 3..10");
        assertTrue(realm.path("waitIncrementSeconds").asInt(0) >= 30, "the lock lasts under 30 s");
        assertFalse(realm.path("permanentLockout").asBoolean(false),
                "a permanent lockout lets anyone disable any account");
    }
}
