package com.finmatch.notification.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnsubscribeTokenTest {

    private static final String SECRET = "a-test-secret";

    @Test
    void shouldNameTheUserAndKindItWasSignedFor() {
        String token = UnsubscribeToken.sign(SECRET, "user-1|odd", NotificationKind.CONSENT_EXPIRING);
        UnsubscribeToken.Subject s = UnsubscribeToken.verify(SECRET, token).orElseThrow();
        assertEquals("user-1|odd", s.userSub());
        assertEquals(NotificationKind.CONSENT_EXPIRING, s.kind());
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherSecretOrAlteredOrMalformed() {
        String token = UnsubscribeToken.sign(SECRET, "user-1", NotificationKind.LEAD_RECEIVED);
        assertTrue(UnsubscribeToken.verify("another-secret", token).isEmpty());
        String otherUser = UnsubscribeToken.sign(SECRET, "user-2", NotificationKind.LEAD_RECEIVED);
        String forged = otherUser.substring(0, otherUser.indexOf('.')) + token.substring(token.indexOf('.'));
        assertTrue(UnsubscribeToken.verify(SECRET, forged).isEmpty());
        for (String bad : new String[] {null, "", ".", "abc", "abc.", "!!!.???", token + "x"}) {
            assertTrue(UnsubscribeToken.verify(SECRET, bad).isEmpty(), String.valueOf(bad));
        }
    }
}
