package com.finmatch.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the applications are started with (no part is started here: the environment is only computed). */
class AppsEnvironmentTest {
    private final Stack stack = Stack.forRepository();

    @Test
    void shouldStartNotificationServiceOnItsPortWithItsOwnDatabaseAndTheStacksMailServer() {
        assertEquals(8084, Stack.NOTIFICATION.port());
        assertEquals("notification", Stack.NOTIFICATION.database());
        Map<String, String> env = stack.appEnv(Stack.NOTIFICATION);
        assertEquals("8084", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("127.0.0.1", env.get("QUARKUS_MAILER_HOST"));
        assertEquals(Integer.toString(Stack.SMTP_PORT), env.get("QUARKUS_MAILER_PORT"));
        assertEquals("false", env.get("QUARKUS_MAILER_MOCK"), "the mail must reach the mail server, not a mock");
        assertEquals(Stack.KAFKA_BOOTSTRAP, env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(Stack.REALM_URL, env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("finmatch-api", env.get("QUARKUS_OIDC_CLIENT_ID"));
        assertEquals(Stack.WEB_PORTAL.url(), env.get("FINMATCH_NOTIFICATIONS_PORTAL_URL"));
        assertEquals(Stack.NOTIFICATION.url(), env.get("FINMATCH_NOTIFICATIONS_PUBLIC_URL"));
    }

    @Test
    void shouldGiveThePortalEveryServicesAddressAndNoMailServer() {
        Map<String, String> env = stack.appEnv(Stack.WEB_PORTAL);
        assertEquals(Stack.NOTIFICATION.url(), env.get("QUARKUS_REST_CLIENT_NOTIFICATION_SERVICE_URL"));
        assertEquals(Stack.MATCHING.url(), env.get("QUARKUS_REST_CLIENT_MATCHING_URL"));
        assertFalse(env.containsKey("QUARKUS_MAILER_HOST"));
    }

    @Test
    void shouldStartTheServicesBeforeThePortalAndGiveEveryServiceItsOwnDatabase() {
        assertEquals(Stack.WEB_PORTAL, Stack.APPS.get(Stack.APPS.size() - 1));
        assertTrue(Stack.APPS.contains(Stack.NOTIFICATION));
        assertEquals(Stack.APPS.size() - 1, Stack.APPS.stream().map(Stack.App::database).filter(d -> d != null)
                .distinct().count());
        assertEquals(Stack.APPS.size(), Stack.APPS.stream().map(Stack.App::port).distinct().count());
    }
}
