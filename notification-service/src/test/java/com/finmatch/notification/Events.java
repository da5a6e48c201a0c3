package com.finmatch.notification;

import com.finmatch.testing.TopicProbe;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Plays the other services: sends their events as their outbox relays would (CloudEvents binary mode). */
final class Events {

    private Events() {
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static void send(String topic, String key, String type, String json, String ceId) {
        String source = topic.startsWith("lead") ? "loan-service" : "enterprise-service";
        TopicProbe.send(topic, key, json, Map.of(
                "ce_specversion", "1.0",
                "ce_id", ceId,
                "ce_type", type,
                "ce_source", source,
                "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                "ce_subject", key,
                "content-type", "application/json"));
    }

    static String send(String topic, String key, String type, String json) {
        String ceId = id();
        send(topic, key, type, json, ceId);
        return ceId;
    }

    static void registerEnterprise(String enterpriseId, String ownerSub, String name) {
        send("enterprise.events", enterpriseId, "finmatch.enterprise.EnterpriseRegistered.v1", """
                {"enterpriseId":"%s","ownerSub":"%s","uscc":"91441200MA4UTEST1X","name":"%s",
                 "legalRepresentative":"张三","foundedOn":"2016-03-01","registeredCapital":10000000,
                 "districtCode":"441202","industryCode":"C3670","clusterCode":"ADV_MANUFACTURING","sizeClass":"SMALL",
                 "tags":["HIGH_TECH"],"listingIntention":"NONE","version":1}""".formatted(enterpriseId, ownerSub, name));
    }

    static String applicationSubmittedJson(String applicationId, String enterpriseId, String bankId) {
        return """
                {"applicationId":"%s","enterpriseId":"%s","financingNeedId":"%s","productId":"%s","bankId":"%s",
                 "amount":800000,"termMonths":24,"submittedAt":"%s"}""".formatted(applicationId, enterpriseId, id(),
                id(), bankId, OffsetDateTime.now(ZoneOffset.UTC));
    }

    static String submitApplication(String applicationId, String enterpriseId, String bankId) {
        return send("application.events", applicationId, "finmatch.application.ApplicationSubmitted.v1",
                applicationSubmittedJson(applicationId, enterpriseId, bankId));
    }

    static String leadStatus(String applicationId, String enterpriseId, String bankId, String status, String previous,
            String reasonCode, String note) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return send("lead.events", applicationId, "finmatch.lead.LeadStatusChanged.v1", """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s","status":"%s",
                 "previousStatus":"%s","at":"%s","reasonCode":%s,"note":%s,"amount":null,"rate":null,
                 "dueAt":"%s","submittedAt":"%s","materials":null}""".formatted(applicationId, id(), bankId,
                enterpriseId, status, previous, now, reasonCode == null ? "null" : "\"" + reasonCode + "\"",
                note == null ? "null" : "\"" + note + "\"", now.plusDays(2), now.minusDays(1)));
    }

    static String leadOverdueJson(String applicationId, String enterpriseId, String bankId, int hoursLate) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return """
                {"applicationId":"%s","productId":"%s","bankId":"%s","enterpriseId":"%s","dueAt":"%s","at":"%s"}"""
                .formatted(applicationId, id(), bankId, enterpriseId, now.minusHours(hoursLate), now);
    }

    static String leadOverdue(String applicationId, String enterpriseId, String bankId, int hoursLate) {
        return send("lead.events", applicationId, "finmatch.lead.LeadOverdue.v1",
                leadOverdueJson(applicationId, enterpriseId, bankId, hoursLate));
    }

    static String leadMessageJson(String applicationId, String enterpriseId, String bankId, String authorRole,
            String excerpt) {
        return """
                {"applicationId":"%s","bankId":"%s","enterpriseId":"%s","messageId":"%s","authorRole":"%s",
                 "excerpt":"%s","postedAt":"%s"}""".formatted(applicationId, bankId, enterpriseId, id(), authorRole,
                excerpt, OffsetDateTime.now(ZoneOffset.UTC));
    }

    static String leadMessage(String applicationId, String enterpriseId, String bankId, String authorRole,
            String excerpt) {
        return send("lead.events", applicationId, "finmatch.lead.LeadMessagePosted.v1",
                leadMessageJson(applicationId, enterpriseId, bankId, authorRole, excerpt));
    }
}
