package com.finmatch.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.finmatch.portal.client.notification.Notification;
import com.finmatch.portal.client.notification.NotificationClient;
import com.finmatch.portal.client.notification.NotificationPage;
import com.finmatch.portal.client.notification.NotificationStream;
import com.finmatch.portal.client.notification.Preference;
import com.finmatch.portal.client.notification.Preferences;
import com.finmatch.portal.client.notification.UnreadCount;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.SseEvent;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Every signed-in user's notifications with notification-service stubbed: inbox, badge, marking read, preferences, relay. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class NotificationPagesTest {
    static final UUID UNREAD = UUID.fromString("3c1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID READ = UUID.fromString("4c1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

    @InjectMock
    @RestClient
    NotificationClient notifications;

    @InjectMock
    NotificationStream stream;

    static Notification notification(UUID id, String kind, String title, String link, boolean read) {
        return new Notification(id, kind, title, title + "：详情", link, Instant.parse("2026-12-02T02:00:00Z"), read);
    }

    void inbox(long unread, Notification... items) {
        when(notifications.unreadCount()).thenReturn(Uni.createFrom().item(new UnreadCount(unread)));
        when(notifications.mine(anyInt(), anyInt())).thenReturn(new NotificationPage(List.of(items), 0, 20, items.length));
    }

    static String[] csrf(String page) {
        return EnterprisePagesTest.csrf(page);
    }

    @Test
    @TestSecurity(user = "bank1", roles = "bank")
    void shouldListTheNotificationsWithTheUnreadOnesMarked() {
        inbox(1, notification(UNREAD, "LEAD_RECEIVED", "新线索：鼎能汽车零部件", "/bank/leads/1", false),
                notification(READ, "LEAD_OVERDUE", "线索已超时", null, true));
        String page = given().get("/notifications").then().statusCode(200).extract().body().asString();
        assertThat(page, containsString("class=\"notification unread\" data-notification=\"" + UNREAD + "\" data-read=\"false\""));
        assertThat(page, containsString("class=\"notification\" data-notification=\"" + READ + "\" data-read=\"true\""));
        assertThat(page, containsString("新线索：鼎能汽车零部件"));
        assertThat(page, containsString("<span class=\"muted\" data-kind=\"LEAD_RECEIVED\">收到新线索</span>"));
        assertThat(page, containsString("2026-12-02 10:00"));
        assertThat(page, containsString("action=\"/notifications/" + UNREAD + "/read\""));
        assertThat(page, containsString("name=\"link\" value=\"/bank/leads/1\""));
        assertThat(page, containsString("action=\"/notifications/read-all\""));
        assertThat(page, containsString("id=\"notification-template\""));
        verify(notifications).mine(0, 20);
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowTheUnreadCountInTheHeaderOfEveryPageLinkingToTheInbox() {
        inbox(3);
        given().get("/").then().statusCode(200)
                .body(containsString("href=\"/notifications\" data-notification-badge data-unread=\"3\""))
                .body(containsString("<span class=\"badge\" data-unread-count>3</span>"));
        when(notifications.unreadCount()).thenReturn(Uni.createFrom().item(new UnreadCount(0)));
        given().get("/notifications").then().statusCode(200)
                .body(containsString("data-unread=\"0\""))
                .body(containsString("<span class=\"badge\" data-unread-count hidden>0</span>"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldHideTheBadgeAndSayNotificationsAreUnavailableWhenTheServiceIsDown() {
        when(notifications.unreadCount()).thenReturn(Uni.createFrom().failure(new ProcessingException("Connection refused")));
        when(notifications.mine(anyInt(), anyInt())).thenThrow(new ProcessingException("Connection refused"));
        when(notifications.preferences()).thenThrow(EnterprisePagesTest.status(503, "{\"status\":503}"));
        given().get("/").then().statusCode(200)
                .body(not(containsString("data-notification-badge")))
                .body(containsString("金融超市"));
        given().get("/notifications").then().statusCode(200)
                .body(containsString("data-notifications-unavailable"))
                .body(containsString("消息服务暂时不可用"))
                .body(not(containsString("data-notification-badge")));
        given().get("/notifications/preferences").then().statusCode(200)
                .body(containsString("消息服务暂时不可用"));
    }

    @Test
    void shouldShowNoBadgeToAVisitorWithoutAskingNotificationService() {
        given().get("/").then().statusCode(200).body(not(containsString("data-notification-badge")));
        verify(notifications, never()).unreadCount();
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldMarkANotificationReadThenFollowItsLinkInsideThePortalOnly() {
        inbox(1, notification(UNREAD, "LEAD_STATUS_CHANGED", "申请进度更新", "/enterprise/applications", false));
        String[] token = csrf("/notifications");
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .formParam("link", "/enterprise/applications")
                .post("/notifications/" + UNREAD + "/read").then().statusCode(303)
                .header("Location", containsString("/enterprise/applications"));
        verify(notifications).markRead(UNREAD);
        for (String elsewhere : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)")) {
            given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                    .formParam("link", elsewhere)
                    .post("/notifications/" + UNREAD + "/read").then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/notifications"));
        }
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowNotFoundForAnotherUsersNotificationAsNotificationServiceAnswers() {
        inbox(0);
        UUID others = UUID.fromString("5c1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        doThrow(EnterprisePagesTest.status(404, "{\"status\":404}")).when(notifications).markRead(others);
        String[] token = csrf("/notifications");
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .formParam("link", "/enterprise").post("/notifications/" + others + "/read").then().statusCode(404);
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .post("/notifications/not-an-id/read").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldMarkAllRead() {
        inbox(2, notification(UNREAD, "CONSENT_EXPIRING", "授权即将到期", null, false));
        String[] token = csrf("/notifications");
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .post("/notifications/read-all").then().statusCode(303)
                .header("Location", containsString("/notifications?done=notifications_read"));
        verify(notifications).markAllRead();
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowOnlyWhatNotificationServiceReturnedForTheCaller() {
        inbox(1, notification(UNREAD, "TRAINING_MATCHED", "匹配到上市培育活动", null, false));
        given().get("/notifications").then().statusCode(200).body(containsString("匹配到上市培育活动"));
        inbox(0, notification(READ, "BETTER_RECOMMENDATION", "有更合适的产品", null, true));
        given().get("/notifications").then().statusCode(200)
                .body(containsString("有更合适的产品"))
                .body(not(containsString("匹配到上市培育活动")));
        assertThat("every call to notification-service carries the user's access token",
                ConfigProvider.getConfig().getValue("quarkus.rest-client.notification-service.providers", String.class),
                containsString("com.finmatch.portal.client.AccessTokenPropagation"));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowThePreferencesAsAGridOfKindsAndChannelsInBothLanguages() {
        inbox(0);
        when(notifications.preferences()).thenReturn(new Preferences(List.of(
                new Preference("LEAD_STATUS_CHANGED", "IN_APP", true), new Preference("LEAD_STATUS_CHANGED", "EMAIL", false),
                new Preference("CONSENT_EXPIRING", "EMAIL", true)), "cfo@dingneng.example"));
        String page = given().get("/notifications/preferences").then().statusCode(200).extract().body().asString();
        for (String kind : List.of("收到新线索", "申请进度更新", "线索处理超时", "线索超时升级", "授权即将到期",
                "有更合适的产品推荐", "匹配到上市培育活动", "银行或企业留言")) {
            assertThat(page, containsString("<th scope=\"row\">" + kind + "</th>"));
        }
        assertThat(page, containsString("value=\"LEAD_STATUS_CHANGED:IN_APP\" aria-label=\"申请进度更新 · 平台内消息\" checked>"));
        assertThat(page, containsString("value=\"LEAD_STATUS_CHANGED:EMAIL\" aria-label=\"申请进度更新 · 电子邮件\">"));
        assertThat(page, containsString("value=\"cfo@dingneng.example\""));
        String english = given().get("/notifications/preferences?lang=en").then().statusCode(200).extract().body().asString();
        for (String kind : List.of("New lead received", "Application status changed", "Lead overdue",
                "Overdue lead escalated", "Consent expiring soon", "A better product recommended", "IPO training matched",
                "Message on a lead")) {
            assertThat(english, containsString("<th scope=\"row\">" + kind + "</th>"));
        }
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldSaveEveryBoxOfTheGridAndTheAddress() {
        inbox(0);
        when(notifications.preferences()).thenReturn(new Preferences(List.of(), null));
        String[] token = csrf("/notifications/preferences");
        given().redirects().follow(false).cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .formParam("on", "LEAD_MESSAGE:EMAIL").formParam("on", "LEAD_RECEIVED:IN_APP")
                .formParam("on", "MADE_UP:IN_APP").formParam("email", " cfo@dingneng.example ")
                .post("/notifications/preferences").then().statusCode(303)
                .header("Location", containsString("/notifications/preferences?done=preferences_saved"));
        ArgumentCaptor<Preferences> saved = ArgumentCaptor.forClass(Preferences.class);
        verify(notifications).savePreferences(saved.capture());
        assertThat(saved.getValue().email(), equalTo("cfo@dingneng.example"));
        assertThat(saved.getValue().items().size(), equalTo(16));
        Set<String> on = saved.getValue().items().stream().filter(Preference::enabled)
                .map(p -> p.kind() + ":" + p.channel()).collect(Collectors.toSet());
        assertThat(on, equalTo(Set.of("LEAD_MESSAGE:EMAIL", "LEAD_RECEIVED:IN_APP")));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldShowABadAddressOnTheFormWithoutSaving() {
        inbox(0);
        when(notifications.preferences()).thenReturn(new Preferences(List.of(), null));
        String[] token = csrf("/notifications/preferences");
        given().cookie("csrf-token", token[0]).formParam("csrf-token", token[1])
                .formParam("on", "LEAD_MESSAGE:EMAIL").formParam("email", "not an address")
                .post("/notifications/preferences").then().statusCode(400)
                .body(containsString("请填写有效的电子邮件地址"))
                .body(containsString("value=\"LEAD_MESSAGE:EMAIL\" aria-label=\"银行或企业留言 · 电子邮件\" checked>"))
                .body(containsString("value=\"LEAD_MESSAGE:IN_APP\" aria-label=\"银行或企业留言 · 平台内消息\">"));
        verify(notifications, never()).savePreferences(any());
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldRelayTheNotificationEventsOfTheStreamToTheBrowser() {
        inbox(0);
        String item = "{\"id\":\"" + UNREAD + "\",\"kind\":\"LEAD_MESSAGE\",\"title\":\"银行留言\",\"body\":\"请补充\","
                + "\"link\":null,\"createdAt\":\"2026-12-02T02:00:00Z\",\"read\":false}";
        when(stream.events()).thenReturn(Multi.createFrom().items(event("notification", item),
                event("heartbeat", "{}")));
        String body = given().accept("text/event-stream").get("/notifications/stream").then().statusCode(200)
                .contentType(containsString("text/event-stream")).extract().body().asString();
        assertThat(body, containsString("data:" + item));
        assertThat(body, not(containsString("data:{}")));
    }

    @Test
    @TestSecurity(user = "ent1", roles = "enterprise")
    void shouldEndTheRelayQuietlyWhenNotificationServiceIsDown() {
        inbox(0);
        when(stream.events()).thenReturn(Multi.createFrom().failure(new ProcessingException("Connection refused")));
        given().accept("text/event-stream").get("/notifications/stream").then().statusCode(200)
                .body(not(containsString("data:")));
    }

    @Test
    void shouldAskAVisitorToSignInForTheNotifications() {
        given().redirects().follow(false).get("/notifications").then().statusCode(302);
        verify(notifications, never()).mine(anyInt(), anyInt());
    }

    static SseEvent<String> event(String name, String data) {
        return new SseEvent<>() {
            @Override public String id() { return null; }
            @Override public String name() { return name; }
            @Override public String comment() { return null; }
            @Override public String data() { return data; }
        };
    }
}
