package com.finmatch.matching;

import com.finmatch.testing.TopicProbe;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/** Plays the other services: sends their events as their outbox relays would (CloudEvents binary mode). */
final class Events {

    private Events() {
    }

    static String send(String topic, String key, String type, String json) {
        String id = UUID.randomUUID().toString();
        send(topic, key, type, json, id);
        return id;
    }

    static void send(String topic, String key, String type, String json, String ceId) {
        String source = topic.startsWith("product") || topic.startsWith("lead") ? "loan-service" : "enterprise-service";
        TopicProbe.send(topic, key, json, Map.of(
                "ce_specversion", "1.0",
                "ce_id", ceId,
                "ce_type", type,
                "ce_source", source,
                "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString(),
                "ce_subject", key,
                "content-type", "application/json"));
    }

    static String enterprise(String id, String owner, String district, String cluster, long version) {
        return """
                {"enterpriseId":"%s","ownerSub":"%s","uscc":"91441200MA4UTEST1X","name":"肇庆测试企业 %s",
                 "legalRepresentative":"张三","foundedOn":"2016-03-01","registeredCapital":10000000,
                 "districtCode":"%s","industryCode":"C3670","clusterCode":"%s","sizeClass":"SMALL",
                 "tags":["HIGH_TECH"],"employees":80,"annualRevenue":30000000,"revenueGrowth":15.5,
                 "netProfit":2000000,"totalAssets":50000000,"totalLiabilities":20000000,"taxPaid":900000,
                 "rdRatio":5.1,"patents":12,"creditRating":"AA","listingIntention":"CONSIDERING",
                 "targetBoard":"BSE","version":%d}""".formatted(id, owner, id.substring(0, 8), district, cluster,
                version);
    }

    static void registerEnterprise(String id, String owner, String district, String cluster) {
        send("enterprise.events", id, "finmatch.enterprise.EnterpriseRegistered.v1",
                enterprise(id, owner, district, cluster, 1));
    }

    static void openNeed(String enterpriseId, String needId, long amount, String maxRate) {
        send("enterprise.events", enterpriseId, "finmatch.enterprise.FinancingNeedOpened.v1", """
                {"enterpriseId":"%s","needId":"%s","amount":%d,"termMonths":24,"purpose":"EQUIPMENT",
                 "guaranteeTypes":["CREDIT","MORTGAGE"],"maxAnnualRate":%s,"neededBy":"2027-01-31",
                 "projectId":null,"openedAt":"%s"}""".formatted(enterpriseId, needId, amount, maxRate,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    static String product(String productId, String bankId, String district, String minRate, long version,
            String status) {
        return """
                {"productId":"%s","bankId":"%s","name":"科技贷 %s","type":"CREDIT_LOAN","minAmount":100000,
                 "maxAmount":10000000,"minTermMonths":6,"maxTermMonths":36,"minAnnualRate":%s,"maxAnnualRate":6.5,
                 "lprSpreadBps":null,"guaranteeTypes":["CREDIT"],
                 "rules":[{"field":"districtCode","operator":"EQ","value":"%s","hard":true,"weight":0,
                           "message":{"zh":"限本区县企业","en":"Enterprises of this district"}},
                          {"field":"annualRevenue","operator":"GE","value":10000000,"hard":true,"weight":0,
                           "message":{"zh":"年营收不低于1000万元","en":"Annual revenue of at least 10 million"}},
                          {"field":"tags","operator":"CONTAINS","value":"HIGH_TECH","hard":false,"weight":60,
                           "message":{"zh":"优先支持高新技术企业","en":"High-tech enterprises preferred"}}],
                 "policyToolIds":[],"validFrom":"2024-01-01","validTo":null,"status":"%s","version":%d}"""
                .formatted(productId, bankId, productId.substring(0, 8), minRate, district, status, version);
    }

    static void publishProduct(String productId, String bankId, String district, String minRate, long version) {
        send("product.events", productId, "finmatch.product.ProductPublished.v1",
                product(productId, bankId, district, minRate, version, "PUBLISHED"));
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
