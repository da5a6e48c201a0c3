package com.finmatch.loan;

import com.finmatch.testing.TopicProbe;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Request bodies and other services' events for the loan-service tests. */
final class TestData {

    private TestData() {
    }

    static String productJson(String name) {
        return productJson(name, "CREDIT_LOAN", 500000, 10000000, "");
    }

    /** A valid product; {@code extraRules} is JSON rule objects each followed by a comma (or ""). */
    static String productJson(String name, String type, long minAmount, long maxAmount, String extraRules) {
        return """
                {"name": "%s", "type": "%s", "description": "纯信用贷款",
                 "minAmount": %d, "maxAmount": %d, "minTermMonths": 6, "maxTermMonths": 36,
                 "minAnnualRate": 3.1, "maxAnnualRate": 3.85, "lprSpreadBps": 10,
                 "guaranteeTypes": ["CREDIT"],
                 "rules": [%s
                   {"field": "yearsInBusiness", "operator": "GE", "value": 2, "hard": true, "weight": 0,
                    "message": {"zh": "成立满2年", "en": "In business for at least 2 years"}},
                   {"field": "tags", "operator": "CONTAINS", "value": "SRDI_PROVINCIAL", "hard": false, "weight": 30,
                    "message": {"zh": "省级专精特新企业优先", "en": "Provincial SRDI enterprises preferred"}}],
                 "materialsRequired": ["营业执照", "近两年财务报表"],
                 "validFrom": "2026-01-01", "validTo": "2099-12-31"}
                """.formatted(name, type, minAmount, maxAmount, extraRules);
    }

    static String districtRule(String... codes) {
        return "{\"field\": \"districtCode\", \"operator\": \"IN\", \"value\": [\"" + String.join("\", \"", codes)
                + "\"], \"hard\": true, \"weight\": 0, \"message\": {\"zh\": \"限定区域\", \"en\": \"Districts\"}},";
    }

    static String bankUnique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Plays another service: one CloudEvent on a topic. */
    static void sendEvent(String topic, String type, String source, String key, String json) {
        TopicProbe.send(topic, key, json, Map.of(
                "ce_specversion", "1.0",
                "ce_id", UUID.randomUUID().toString(),
                "ce_type", type,
                "ce_source", source,
                "ce_time", Instant.now().toString(),
                "ce_subject", key,
                "content-type", "application/json"));
    }

    /** Plays enterprise-service: the enterprise {@code enterpriseId} of user {@code ownerSub} with these fields. */
    static void enterpriseRegistered(UUID enterpriseId, String ownerSub, String fieldsJson) {
        sendEvent("enterprise.events", "finmatch.enterprise.EnterpriseRegistered.v1", "enterprise-service",
                enterpriseId.toString(), """
                        {"enterpriseId": "%s", "ownerSub": "%s", "uscc": "91441200MA4UXXXX1X", "name": "肇庆培育企业",
                         "foundedOn": "2018-05-20", "districtCode": "441202", "industryCode": "C3670",
                         "sizeClass": "SMALL", %s, "version": 0}
                        """.formatted(enterpriseId, ownerSub, fieldsJson));
    }

    static void applicationSubmitted(UUID applicationId, UUID enterpriseId, UUID productId, String bankId,
            Instant submittedAt) {
        applicationSubmitted(applicationId, enterpriseId, UUID.randomUUID(), productId, bankId, submittedAt);
    }

    static void applicationSubmitted(UUID applicationId, UUID enterpriseId, UUID needId, UUID productId,
            String bankId, Instant submittedAt) {
        sendEvent("application.events", "finmatch.application.ApplicationSubmitted.v1", "enterprise-service",
                applicationId.toString(), """
                        {"applicationId": "%s", "enterpriseId": "%s", "financingNeedId": "%s", "productId": "%s",
                         "bankId": "%s", "amount": 3000000, "termMonths": 24, "submittedAt": "%s"}
                        """.formatted(applicationId, enterpriseId, needId, productId, bankId, submittedAt));
    }
}
