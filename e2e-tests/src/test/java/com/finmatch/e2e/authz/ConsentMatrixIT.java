package com.finmatch.e2e.authz;

import static com.finmatch.e2e.authz.Api.ENTERPRISE;
import static com.finmatch.e2e.authz.Api.LOAN;
import static com.finmatch.e2e.authz.Api.MATCHING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.e2e.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 §4, the consent dimension: what each bank (officer and API client of bank X = ZQRCB and bank Y = CCBZQ)
 * sees of enterprise A under each consent state — none, each category alone, combinations, all banks ({@code *}),
 * another bank's consent, revoked, expired — through every endpoint that shows a bank enterprise data: the profile
 * (enterprise-service), the lead (loan-service) and the matches (matching-service). A bank must see exactly the fields
 * of the categories its live consents cover (the categories as {@code /reference/data-categories} publishes them) among
 * those the view holds (a lead holds no contacts, a match only PROFILE fields: {@link #HELD}), the
 * profile only under PROFILE (else 404), and no field that is in no category. loan-service and matching-service learn
 * consents from events, so their answer is awaited (at most 20 s) before it counts.
 */
@ExtendWith({RealStack.class, AuthzFixture.Once.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsentMatrixIT {
    private static final List<Actor> READERS = List.of(Actor.BANK_X_USER, Actor.BANK_X_CLIENT, Actor.BANK_Y_USER,
            Actor.BANK_Y_CLIENT);
    private static final Duration EVENTUALLY = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);
    /**
     * The categories each view can show at all: the profile is enterprise-service's own record (every category); a
     * lead shows what loan-service's replica holds — enterprise.events carry the profile and the financial figures
     * but never the contacts (docs/EVENTS.md), which a bank reads only from enterprise-service; a match shows PROFILE
     * fields only. Within these, a view must show every category a live consent covers, and outside the consent none.
     */
    private static final Map<String, Set<String>> HELD = Map.of(
            "profile", Set.of("PROFILE", "FINANCIALS", "CONTACTS"),
            "lead", Set.of("PROFILE", "FINANCIALS"),
            "matches", Set.of("PROFILE"));
    private static AuthzFixture fixture;
    private static Instant since;
    private static Map<String, Set<String>> fieldsOf;

    /** A consent to grant: a bank (or {@code *}) and categories. */
    record Grant(String bankId, List<String> categories) {
    }

    /** A state of enterprise A's consents: the grants, then optionally revoked or left to expire. */
    record State(String label, List<Grant> grants, boolean revoked, boolean expired) {
        /** What the bank may see: the union of the categories of grants to it or to every bank, while live. */
        Set<String> visibleTo(Actor bank) {
            Set<String> visible = new TreeSet<>();
            if (!revoked && !expired) {
                grants.stream().filter(g -> g.bankId().equals("*") || g.bankId().equals(bank.bankId))
                        .forEach(g -> visible.addAll(g.categories()));
            }
            return visible;
        }
    }

    @BeforeAll
    static void createTheObjects() {
        fixture = AuthzFixture.get();
        since = fixture.createdAt;
        fieldsOf = new LinkedHashMap<>();
        Api.ok(Api.get(Actor.NONE, ENTERPRISE + "/reference/data-categories"), "data categories").forEach(c -> {
            Set<String> fields = new LinkedHashSet<>();
            c.path("fields").forEach(f -> fields.add(f.asText()));
            fieldsOf.put(c.path("code").asText(), fields);
        });
    }

    @AfterAll
    static void leaveNoConsent() {
        if (fixture != null) {
            AuthzFixture.revokeAllConsents(Actor.ENT_A, fixture.entA);
        }
    }

    @Test
    void a_bank_sees_exactly_what_a_live_consent_to_it_covers() throws InterruptedException {
        String x = Actor.BANK_X_USER.bankId;
        String y = Actor.BANK_Y_USER.bankId;
        List<String> all = List.of("PROFILE", "FINANCIALS", "CONTACTS");
        List<State> states = List.of(
                new State("no consent", List.of(), false, false),
                new State("X: PROFILE", List.of(new Grant(x, List.of("PROFILE"))), false, false),
                new State("X: FINANCIALS", List.of(new Grant(x, List.of("FINANCIALS"))), false, false),
                new State("X: CONTACTS", List.of(new Grant(x, List.of("CONTACTS"))), false, false),
                new State("X: PROFILE+FINANCIALS", List.of(new Grant(x, List.of("PROFILE", "FINANCIALS"))), false,
                        false),
                new State("X: PROFILE+CONTACTS", List.of(new Grant(x, List.of("PROFILE", "CONTACTS"))), false, false),
                new State("X: all; *: CONTACTS", List.of(new Grant(x, all), new Grant("*", List.of("CONTACTS"))), false,
                        false),
                new State("X: PROFILE; X: CONTACTS", List.of(new Grant(x, List.of("PROFILE")),
                        new Grant(x, List.of("CONTACTS"))), false, false),
                new State("*: PROFILE", List.of(new Grant("*", List.of("PROFILE"))), false, false),
                new State("Y: all", List.of(new Grant(y, all)), false, false),
                new State("X: all, revoked", List.of(new Grant(x, all)), true, false),
                new State("X, *: all, expired", List.of(new Grant(x, all), new Grant("*", all)), false, true));

        List<String> wrong = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (State state : states) {
            enter(state);
            for (Actor reader : READERS) {
                Set<String> visible = state.visibleTo(reader);
                String profile = check(wrong, state, reader, "profile", visible, () -> profile(reader), false);
                String lead = check(wrong, state, reader, "lead", Actor.BANK_X.contains(reader) ? visible : Set.of(),
                        () -> lead(reader), true);
                String matches = check(wrong, state, reader, "matches", visible, () -> matches(reader), true);
                rows.add(String.format("| %-26s | %-13s | %-22s | %-24s | %-24s | %-24s |", state.label(),
                        reader.login, String.join("+", visible), profile, lead, matches));
            }
        }
        System.out.println("\nConsent matrix: what each bank sees of enterprise A (ent34) per consent state"
                + " (expected categories; each cell: what was seen, '!' marks a wrong answer)");
        System.out.println(String.format("| %-26s | %-13s | %-22s | %-24s | %-24s | %-24s |", "consent state", "reader",
                "may see", "GET /enterprises/{id}", "GET /leads/{id}", "GET /matches"));
        rows.forEach(System.out::println);
        System.out.println("wrong answers: " + wrong.size() + "\n");
        wrong.forEach(System.out::println);
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    }

    // ------------------------------------------------------------------------------------------------ states

    private static void enter(State state) throws InterruptedException {
        AuthzFixture.revokeAllConsents(Actor.ENT_A, fixture.entA);
        Instant expiresAt = state.expired() ? Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS)
                : AuthzFixture.days(30);
        List<String> granted = new ArrayList<>();
        for (Grant g : state.grants()) {
            granted.add(AuthzFixture.consent(Actor.ENT_A, fixture.entA, g.bankId(), g.categories(), expiresAt));
        }
        if (state.revoked()) {
            granted.forEach(id -> Api.ok(Api.call(Actor.ENT_A, "DELETE", ENTERPRISE + "/enterprises/" + fixture.entA
                    + "/consents/" + id, null, Map.of()), "revoke"));
        }
        if (state.expired()) { // a deliberate wait, not a poll: until the consents have expired
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1000);
        }
    }

    // ------------------------------------------------------------------------------------------------ what a bank sees

    /** A bank's view of A's profile: the categories whose fields it shows, or "404". */
    private static Seen profile(Actor reader) {
        Api.Reply r = Api.get(reader, ENTERPRISE + "/enterprises/" + fixture.entA);
        return r.status() == 404 ? Seen.notFound() : r.ok() ? Seen.of(r.json()) : Seen.status(r);
    }

    /** A bank's view of the enterprise on A's lead (a lead of bank X): its {@code enterprise} part. */
    private static Seen lead(Actor reader) {
        Api.Reply r = Api.get(reader, LOAN + "/leads/" + fixture.applicationA);
        if (r.status() == 404) {
            return Seen.notFound();
        }
        return r.ok() ? Seen.of(r.json().path("enterprise")) : Seen.status(r);
    }

    /** A bank's matches of A since this run's products appeared: what they show of A, or none. */
    private static Seen matches(Actor reader) {
        Api.Reply r = Api.get(reader, MATCHING + "/matches?size=200&from=" + since);
        if (!r.ok()) {
            return Seen.status(r);
        }
        List<JsonNode> ofA = new ArrayList<>();
        r.json().path("items").forEach(m -> {
            if (m.path("enterpriseId").asText().equals(fixture.entA)) {
                ofA.add(m);
            }
        });
        if (ofA.isEmpty()) {
            return Seen.notFound();
        }
        // a match shows the enterprise's name, cluster and district (PROFILE fields under their contract names)
        Map<String, Object> shown = new LinkedHashMap<>();
        JsonNode m = ofA.get(0);
        shown.put("name", m.path("enterpriseName").isNull() ? null : m.path("enterpriseName").asText());
        shown.put("clusterCode", m.path("clusterCode").isNull() ? null : m.path("clusterCode").asText());
        shown.put("districtCode", m.path("districtCode").isNull() ? null : m.path("districtCode").asText());
        return Seen.of(Api.JSON.valueToTree(shown));
    }

    /** What an answer showed: absent (404 or no entry), a status, or an object with some fields. */
    record Seen(boolean absent, String status, JsonNode body) {
        static Seen notFound() {
            return new Seen(true, "404", null);
        }

        static Seen status(Api.Reply r) {
            return new Seen(false, r.brief(), null);
        }

        static Seen of(JsonNode body) {
            return body == null || body.isMissingNode() || body.isNull() ? notFound() : new Seen(false, "200", body);
        }
    }

    /**
     * Compares what the reader saw with the categories it may see. The profile must be absent without PROFILE; a lead
     * shows its enterprise only under PROFILE; a match is listed under any live consent but shows the enterprise's
     * fields only under PROFILE; each shows every covered category it holds ({@link #HELD}) and no other field.
     * Eventually consistent answers are read again every {@link #POLL} until right or {@link #EVENTUALLY} passed; the
     * cell and a wrong answer's message show the last observation.
     */
    private static String check(List<String> wrong, State state, Actor reader, String what, Set<String> visible,
            Supplier<Seen> read, boolean eventually) {
        AtomicReference<Seen> last = new AtomicReference<>();
        BooleanSupplier right = () -> {
            last.set(read.get());
            return problem(what, visible, last.get()) == null;
        };
        String label = state.label() + " / " + reader.login + " / " + what;
        String waited = "";
        if (!right.getAsBoolean() && eventually) {
            try {
                await(label).dontCatchUncaughtExceptions().atMost(EVENTUALLY).pollDelay(POLL).pollInterval(POLL)
                        .until(right::getAsBoolean);
            } catch (ConditionTimeoutException timedOut) {
                waited = " (still so after " + EVENTUALLY.toSeconds() + " s)";
            }
        }
        Seen seen = last.get();
        String problem = problem(what, visible, seen);
        String cell = describe(seen);
        if (problem != null) {
            wrong.add((leak(problem) ? "LEAK " : "WRONG ") + label + ": " + problem + waited + "; last seen: " + cell);
            cell += "!";
        }
        return cell;
    }

    private static boolean leak(String problem) {
        return problem.startsWith("shows");
    }

    private static String problem(String what, Set<String> visible, Seen seen) {
        boolean listed = what.equals("matches") ? !visible.isEmpty() : visible.contains("PROFILE");
        if (seen.status() != null && !seen.absent() && seen.body() == null) {
            return "answered " + seen.status();
        }
        if (!listed) {
            return seen.absent() ? null : "shows A although it may see " + (visible.isEmpty() ? "nothing" : visible)
                    + ": " + seen.body();
        }
        if (seen.absent()) {
            return "hides A although it may see " + visible;
        }
        Set<String> shownCategories = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        seen.body().fields().forEachRemaining(f -> {
            if (f.getValue().isNull()) {
                return;
            }
            String category = fieldsOf.entrySet().stream().filter(c -> c.getValue().contains(f.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (category == null || !visible.contains(category)) {
                problems.add("shows " + f.getKey() + " (" + (category == null ? "in no category" : category) + ")");
            } else {
                shownCategories.add(category);
            }
        });
        if (!problems.isEmpty()) {
            return String.join(", ", problems);
        }
        Set<String> expected = new TreeSet<>(visible);
        expected.retainAll(HELD.get(what));
        return shownCategories.equals(expected) ? null : "hides categories: shows " + shownCategories
                + ", may see " + expected;
    }

    private static String describe(Seen seen) {
        if (seen.absent()) {
            return "absent";
        }
        if (seen.body() == null) {
            return seen.status().split(" ")[0];
        }
        Set<String> categories = new TreeSet<>();
        seen.body().fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                fieldsOf.forEach((c, fields) -> {
                    if (fields.contains(f.getKey())) {
                        categories.add(c.substring(0, 1));
                    }
                });
            }
        });
        return "shows " + String.join("+", categories);
    }
}
