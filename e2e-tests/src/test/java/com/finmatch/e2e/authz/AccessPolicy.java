package com.finmatch.e2e.authz;

import static com.finmatch.e2e.authz.Actor.ADMIN;
import static com.finmatch.e2e.authz.Actor.BANK_X;
import static com.finmatch.e2e.authz.Actor.BANK_Y;
import static com.finmatch.e2e.authz.Actor.DISTRICT_A;
import static com.finmatch.e2e.authz.Actor.DISTRICT_B;
import static com.finmatch.e2e.authz.Actor.ENT_A;
import static com.finmatch.e2e.authz.Actor.ENT_B;
import static com.finmatch.e2e.authz.Actor.FINANCE;
import static com.finmatch.e2e.authz.Actor.INDUSTRY;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The oracle of the authorization matrix: CONTRACT.md's "who" column as data. For each operation that takes an id (by
 * method and path template, as the services' OpenAPI documents name them) the objects to try — own and foreign, and
 * ids of one enterprise under another's path — and, per object, which callers holding the operation's role may reach
 * it. The role check itself (403) and no token (401) come from the OpenAPI document (its {@code security} and
 * {@code x-roles-allowed}), not from here. An operation missing from this table fails the matrix, so a new endpoint
 * cannot go unchecked.
 */
final class AccessPolicy {

    /** One object to address: path parameters, an optional body and headers, and who (holding the role) may reach it. */
    record Target(String label, Map<String, String> params, Object body, Map<String, String> headers,
            Function<Actor, Set<Outcome>> relation) {
    }

    private static final String NO_SUCH_VERSION = "\"999999\"";
    private static final Map<String, String> STALE = Map.of("If-Match", NO_SUCH_VERSION);

    private final AuthzFixture f;
    private final Map<String, List<Target>> targets = new LinkedHashMap<>();

    AccessPolicy(AuthzFixture f) {
        this.f = f;
        enterpriseService();
        loanService();
        matchingService();
        notificationService();
        // platform's dead-letter administration, in every service
        String missing = UUID.randomUUID().toString();
        put("POST /api/v1/admin/dead-letters/{id}/redrive", t("unknown dead letter", Map.of("id", missing),
                null, Map.of(), administration()));
    }

    Optional<List<Target>> targetsOf(String method, String template) {
        return Optional.ofNullable(targets.get(method + " " + template));
    }

    // ------------------------------------------------------------------------------------------------ enterprise

    private void enterpriseService() {
        String e = "/api/v1/enterprises/{id}";
        put("GET " + e, ent("A", f.entA, reach(ENT_A, ADMIN, INDUSTRY, districtOf(ENT_A))),
                ent("B", f.entB, reach(ENT_B, ADMIN, INDUSTRY, districtOf(ENT_B))));
        put("PUT " + e, t("A (stale If-Match)", Map.of("id", f.entA), profileOf(ENT_A), STALE, reach(ENT_A)),
                t("B (stale If-Match)", Map.of("id", f.entB), profileOf(ENT_B), STALE, reach(ENT_B)));
        put("GET " + e + "/access-log", ent("A", f.entA, reach(ENT_A, ADMIN)), ent("B", f.entB, reach(ENT_B, ADMIN)));

        put("POST " + e + "/financing-needs", t("A", Map.of("id", f.entA), AuthzFixture.needBody(), Map.of(),
                reach(ENT_A)), t("B", Map.of("id", f.entB), AuthzFixture.needBody(), Map.of(), reach(ENT_B)));
        put("GET " + e + "/financing-needs", ent("A", f.entA, reach(ENT_A, ADMIN, INDUSTRY, districtOf(ENT_A))),
                ent("B", f.entB, reach(ENT_B, ADMIN, INDUSTRY, districtOf(ENT_B))));
        put("GET " + e + "/financing-needs/{needId}",
                t("A's need under A", Map.of("id", f.entA, "needId", f.needA), null, Map.of(),
                        reach(ENT_A, ADMIN, INDUSTRY, districtOf(ENT_A))),
                t("A's need under B", Map.of("id", f.entB, "needId", f.needA), null, Map.of(), nobody()));
        put("POST " + e + "/financing-needs/{needId}/withdraw",
                t("A's spare need under A", Map.of("id", f.entA, "needId", f.spareNeedA), null, Map.of(),
                        reach(ENT_A)),
                t("A's need under B", Map.of("id", f.entB, "needId", f.needA), null, Map.of(), nobody()));

        put("POST " + e + "/consents", t("A", Map.of("id", f.entA), consentToBystander(), Map.of(), reach(ENT_A)),
                t("B", Map.of("id", f.entB), consentToBystander(), Map.of(), reach(ENT_B)));
        put("GET " + e + "/consents", ent("A", f.entA, reach(ENT_A, ADMIN)), ent("B", f.entB, reach(ENT_B, ADMIN)));
        put("GET " + e + "/consents/{consentId}",
                t("A's consent under A", Map.of("id", f.entA, "consentId", f.consentA), null, Map.of(),
                        reach(ENT_A, ADMIN)),
                t("A's consent under B", Map.of("id", f.entB, "consentId", f.consentA), null, Map.of(), nobody()));
        put("DELETE " + e + "/consents/{consentId}",
                t("A's spare consent under A", Map.of("id", f.entA, "consentId", f.spareConsentA), null, Map.of(),
                        reach(ENT_A)),
                t("A's consent under B", Map.of("id", f.entB, "consentId", f.consentA), null, Map.of(), nobody()));

        put("POST " + e + "/projects", t("A", Map.of("id", f.entA), AuthzFixture.projectBody(), Map.of(),
                reach(ENT_A)), t("B", Map.of("id", f.entB), AuthzFixture.projectBody(), Map.of(), reach(ENT_B)));
        put("GET " + e + "/projects", ent("A", f.entA, reach(ENT_A, ADMIN, INDUSTRY)),
                ent("B", f.entB, reach(ENT_B, ADMIN, INDUSTRY)));
        put("GET " + e + "/projects/{projectId}",
                t("A's project under A", Map.of("id", f.entA, "projectId", f.projectA), null, Map.of(),
                        reach(ENT_A, ADMIN, INDUSTRY)),
                t("A's project under B", Map.of("id", f.entB, "projectId", f.projectA), null, Map.of(), nobody()));

        // documents: the owner only; the fixture's banks hold no DOCUMENTS consent (an administrator has no role here)
        String upload = AuthzFixture.documentBody();
        Map<String, String> staleUpload = new HashMap<>(AuthzFixture.DOCUMENT_UPLOAD);
        staleUpload.putAll(STALE);
        put("POST " + e + "/documents", t("A", Map.of("id", f.entA), upload, AuthzFixture.DOCUMENT_UPLOAD,
                reach(ENT_A)), t("B", Map.of("id", f.entB), upload, AuthzFixture.DOCUMENT_UPLOAD, reach(ENT_B)));
        put("GET " + e + "/documents", ent("A", f.entA, reach(ENT_A)), ent("B", f.entB, reach(ENT_B)));
        for (String read : List.of("", "/content")) {
            put("GET " + e + "/documents/{docId}" + read,
                    t("A's document under A", Map.of("id", f.entA, "docId", f.documentA), null, Map.of(), reach(ENT_A)),
                    t("A's document under B", Map.of("id", f.entB, "docId", f.documentA), null, Map.of(), nobody()));
        }
        put("PUT " + e + "/documents/{docId}",
                t("A's document under A (stale If-Match)", Map.of("id", f.entA, "docId", f.documentA), upload,
                        staleUpload, reach(ENT_A)),
                t("A's document under B (stale If-Match)", Map.of("id", f.entB, "docId", f.documentA), upload,
                        staleUpload, nobody()));
        put("DELETE " + e + "/documents/{docId}",
                t("A's spare document under A", Map.of("id", f.entA, "docId", f.spareDocumentA), null, Map.of(),
                        reach(ENT_A)),
                t("A's document under B", Map.of("id", f.entB, "docId", f.documentA), null, Map.of(), nobody()));

        put("GET /api/v1/applications/{id}",
                t("A's, to X's product", Map.of("id", f.applicationA), null, Map.of(), reach(ENT_A, ADMIN, BANK_X)),
                t("B's, to Y's product", Map.of("id", f.applicationB), null, Map.of(), reach(ENT_B, ADMIN, BANK_Y)));
        put("POST /api/v1/applications/{id}/withdraw",
                t("A's spare", Map.of("id", f.spareApplicationA), null, Map.of(), reach(ENT_A)));

        // materials (补件): the owner only — its checklist before applying, an application's request, its answer
        // (409 here: no bank asked for materials, so nothing changes)
        put("GET " + e + "/materials-checklist",
                t("A, X's product", Map.of("id", f.entA, "productId", f.publishedX), null, Map.of(), reach(ENT_A)),
                t("B, X's product", Map.of("id", f.entB, "productId", f.publishedX), null, Map.of(), reach(ENT_B)));
        for (String materials : List.of("GET /api/v1/applications/{id}/materials-checklist",
                "POST /api/v1/applications/{id}/materials-submitted")) {
            put(materials, t("A's, to X's product", Map.of("id", f.applicationA), null, Map.of(), reach(ENT_A)),
                    t("B's, to Y's product", Map.of("id", f.applicationB), null, Map.of(), reach(ENT_B)));
        }

        // list imports: no caller owns an import; an unknown one is 404 to whoever holds the role
        String noImport = UUID.randomUUID().toString();
        put("GET /api/v1/imports/{importId}", t("unknown import", Map.of("importId", noImport), null, Map.of(),
                administration()));
        put("POST /api/v1/imports/{importId}/apply", t("unknown import", Map.of("importId", noImport), null,
                Map.of(), administration()));
        put("GET /api/v1/imports/templates/{kind}", t("the 专精特新 list's", Map.of("kind", "SRDI"), null, Map.of(),
                administration()));

        put("PUT /api/v1/reference/clusters/{code}",
                t("NEV_AUTO (invalid body)", Map.of("code", "NEV_AUTO"), Map.of(), Map.of(), administration()));
    }

    // ------------------------------------------------------------------------------------------------ loan

    private void loanService() {
        String p = "/api/v1/products/{id}";
        put("GET " + p, product("X published", f.publishedX, anyone()), product("X draft", f.draftX,
                reach(ADMIN, FINANCE, BANK_X)), product("Y draft", f.draftY, reach(ADMIN, FINANCE, BANK_Y)));
        put("GET " + p + "/versions", product("X published", f.publishedX, anyone()),
                product("X draft", f.draftX, reach(ADMIN, FINANCE, BANK_X)));
        put("PUT " + p, t("X spare (stale If-Match)", Map.of("id", f.spareX), AuthzFixture.productBody("spare"),
                STALE, ownBank(BANK_X, BANK_Y)), t("Y spare (stale If-Match)", Map.of("id", f.spareY),
                AuthzFixture.productBody("spare"), STALE, ownBank(BANK_Y, BANK_X)));
        for (String step : List.of("publish", "withdraw")) {
            put("POST " + p + "/" + step, product("X spare", f.spareX, ownBank(BANK_X, BANK_Y)),
                    product("Y spare", f.spareY, ownBank(BANK_Y, BANK_X)));
        }
        put("POST " + p + "/suspend", product("X spare", f.spareX, orAdmin(ownBank(BANK_X, BANK_Y))),
                product("Y spare", f.spareY, orAdmin(ownBank(BANK_Y, BANK_X))));

        String l = "/api/v1/leads/{id}";
        put("GET " + l, t("A's lead at X", Map.of("id", f.applicationA), null, Map.of(), reach(ADMIN, FINANCE, BANK_X)),
                t("B's lead at Y", Map.of("id", f.applicationB), null, Map.of(), reach(ADMIN, FINANCE, BANK_Y)));
        Map<String, Object> receive = Map.of("action", "RECEIVE");
        put("POST " + l + "/decisions",
                t("A's lead at X", Map.of("id", f.applicationA), receive, Map.of(), decidedBy(BANK_X)),
                t("B's lead at Y", Map.of("id", f.applicationB), receive, Map.of(), decidedBy(BANK_Y)));
        // a lead's message thread: its bank and the enterprise that applied read and write; the administrator and the
        // finance bureau read (the operation lets no one else in: 403 by role, as with decisions)
        String m = "/api/v1/leads/{applicationId}/messages";
        put("GET " + m, t("A's thread at X", Map.of("applicationId", f.applicationA), null, Map.of(),
                        reach(ENT_A, ADMIN, FINANCE, BANK_X)),
                t("B's thread at Y", Map.of("applicationId", f.applicationB), null, Map.of(),
                        reach(ENT_B, ADMIN, FINANCE, BANK_Y)));
        Map<String, Object> message = Map.of("body", "authz matrix");
        put("POST " + m, t("A's thread at X", Map.of("applicationId", f.applicationA), message, Map.of(),
                        reach(ENT_A, BANK_X)),
                t("B's thread at Y", Map.of("applicationId", f.applicationB), message, Map.of(),
                        reach(ENT_B, BANK_Y)));

        String o = "/api/v1/training-offers/{id}";
        Map<String, String> offer = Map.of("id", f.trainingOffer);
        put("GET " + o, t("offer", offer, null, Map.of(), anyone()));
        put("PUT " + o, t("offer (invalid body)", offer, Map.of(), STALE, administration()));
        put("POST " + o + "/close", t("offer", offer, null, Map.of(), administration()));
        put("POST " + o + "/enrolments", t("offer", offer, null, Map.of(), anyone()));
        put("GET " + o + "/enrolments", t("offer", offer, null, Map.of(), administration()));

        Map<String, String> tool = Map.of("id", f.policyTool);
        put("GET /api/v1/policy-tools/{id}", t("tool", tool, null, Map.of(), anyone()));
        put("PUT /api/v1/policy-tools/{id}", t("tool (invalid body)", tool, Map.of(), STALE, administration()));

        Map<String, String> bank = Map.of("bankId", "ZQRCB");
        put("GET /api/v1/banks/{bankId}", t("ZQRCB", bank, null, Map.of(), anyone()));
        put("PUT /api/v1/banks/{bankId}", t("ZQRCB (invalid body)", bank, Map.of(), STALE, administration()));

        Map<String, String> day = Map.of("date", "2099-01-01");
        put("PUT /api/v1/calendar/days/{date}", t("2099-01-01 (invalid body)", day, Map.of(), Map.of(),
                administration()));
        put("DELETE /api/v1/calendar/days/{date}", t("2099-01-01", day, null, Map.of(), administration()));
    }

    // ------------------------------------------------------------------------------------------------ matching

    private void matchingService() {
        put("GET /api/v1/recommendations/enterprises/{id}", ent("A", f.entA, reach(ENT_A, ADMIN, districtOf(ENT_A))),
                ent("B", f.entB, reach(ENT_B, ADMIN, districtOf(ENT_B))));
        String missing = UUID.randomUUID().toString();
        put("GET /api/v1/admin/rematch/{jobId}", t("unknown job", Map.of("jobId", missing), null, Map.of(),
                administration()));
        put("GET /api/v1/admin/replay/{jobId}", t("unknown job", Map.of("jobId", missing), null, Map.of(),
                administration()));
    }

    // ------------------------------------------------------------------------------------------------ relations

    /** Those callers reach the object; every other caller with the role is told it does not exist. */
    static Function<Actor, Set<Outcome>> reach(Object... who) {
        Set<Actor> permitted = EnumSet.noneOf(Actor.class);
        for (Object w : who) {
            if (w instanceof Actor a) {
                permitted.add(a);
            } else {
                @SuppressWarnings("unchecked")
                Set<Actor> group = (Set<Actor>) w;
                permitted.addAll(group);
            }
        }
        return a -> Outcome.only(permitted.contains(a) ? Outcome.OK : Outcome.NOT_FOUND);
    }

    static Function<Actor, Set<Outcome>> nobody() {
        return a -> Outcome.only(Outcome.NOT_FOUND);
    }

    static Function<Actor, Set<Outcome>> anyone() {
        return a -> Outcome.only(Outcome.OK);
    }

    /**
     * Functions on things no caller owns (jobs, dead letters, reference data): whoever holds the role gets past the
     * check — to a result, a 400 for the invalid body sent on purpose, or a 404 for an id that does not exist.
     */
    static Function<Actor, Set<Outcome>> administration() {
        return a -> EnumSet.of(Outcome.OK, Outcome.NOT_FOUND);
    }

    /**
     * Changes to a bank's product: its own bank; another bank gets 404, or 403 once the product is published (then
     * everyone sees that it exists).
     */
    static Function<Actor, Set<Outcome>> ownBank(Set<Actor> own, Set<Actor> other) {
        return a -> own.contains(a) ? Outcome.only(Outcome.OK)
                : other.contains(a) ? EnumSet.of(Outcome.NOT_FOUND, Outcome.FORBIDDEN) : Outcome.only(Outcome.NOT_FOUND);
    }

    /** The administrator and the finance bureau suspend any product too. */
    static Function<Actor, Set<Outcome>> orAdmin(Function<Actor, Set<Outcome>> rest) {
        return a -> a == ADMIN || a == FINANCE ? Outcome.only(Outcome.OK) : rest.apply(a);
    }

    /**
     * Only the lead's bank decides; the operation lets in banks only, so the administrator and the bureaus, who see the
     * lead, are refused with 403 by the role check (CONTRACT.md); another bank is told the lead does not exist.
     */
    static Function<Actor, Set<Outcome>> decidedBy(Set<Actor> bank) {
        return a -> bank.contains(a) ? Outcome.only(Outcome.OK) : Outcome.only(Outcome.NOT_FOUND);
    }

    // ------------------------------------------------------------------------------------------------ notification

    /**
     * notification-service: a user's notifications are reached through /notifications/mine only; marking one read by
     * its id is the one operation that takes an id, and an id that is not the caller's is "not found" for everyone.
     */
    private void notificationService() {
        put("POST /api/v1/notifications/{id}/read", t("unknown notification", Map.of("id", UUID.randomUUID().toString()),
                null, Map.of(), nobody()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void put(String operation, Target... list) {
        targets.put(operation, List.of(list));
    }

    private static Target t(String label, Map<String, String> params, Object body, Map<String, String> headers,
            Function<Actor, Set<Outcome>> relation) {
        return new Target(label, params, body, headers, relation);
    }

    private static Target ent(String label, String id, Function<Actor, Set<Outcome>> relation) {
        return t(label, Map.of("id", id), null, Map.of(), relation);
    }

    private static Target product(String label, String id, Function<Actor, Set<Outcome>> relation) {
        return t(label, Map.of("id", id), null, Map.of(), relation);
    }

    /**
     * The district government(s) overseeing the owner's enterprise: dist1 for 441202, dist2 for 441203 (the fixture
     * registers A in 441202 and B in 441203; an enterprise registered by an earlier run keeps its district).
     */
    private Set<Actor> districtOf(Actor owner) {
        String district = f.registered.get(owner).path("districtCode").asText();
        return district.equals("441202") ? Set.of(DISTRICT_A) : district.equals("441203") ? Set.of(DISTRICT_B) : Set.of();
    }

    private Map<String, Object> profileOf(Actor owner) {
        return AuthzFixture.enterpriseBody(f.registered.get(owner).path("uscc").asText(), owner);
    }

    private static Map<String, Object> consentToBystander() {
        return AuthzFixture.consentBody(AuthzFixture.BYSTANDER_BANK, List.of("PROFILE"), AuthzFixture.days(30));
    }
}
