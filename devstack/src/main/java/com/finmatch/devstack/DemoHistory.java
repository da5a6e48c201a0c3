package com.finmatch.devstack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Twelve months of lead history for the demo, as the events application-service and loan-service would have sent
 * (ApplicationSubmitted on application.events; LeadStatusChanged and LeadOverdue on lead.events), each carrying its own
 * past time, so that matching-service's KPI series, dashboard trend and scorecards have history on first start.
 * Deterministic: the same enterprises, products and months give the same events with the same ce_ids (derived with
 * {@link UUID#nameUUIDFromBytes}), so a re-seed publishes nothing the consumers' inboxes have not already recorded.
 * The events carry ce_source {@value #SOURCE}: enterprise-service and loan-service skip them (they never see these
 * past applications); only matching-service's read models hold them.
 */
final class DemoHistory {

    static final String SOURCE = "finmatch-demo-history";
    static final int MONTHS = 12;
    static final List<String> DECLINE_REASONS = List.of("INSUFFICIENT_REVENUE", "INSUFFICIENT_COLLATERAL",
            "CREDIT_HISTORY", "INDUSTRY_POLICY", "INCOMPLETE_MATERIALS", "OTHER");
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final long SEED = 20261125L;

    /** A published product and its bank's code. */
    record Product(String id, String bankId) {
    }

    /** One event to publish: topic, record key, ce_type, ce_id, ce_time and payload. */
    record Event(String topic, String key, String type, String ceId, Instant time, ObjectNode data) {
        String name() {
            String[] parts = type.split("\\.");
            return parts[parts.length - 2];
        }
    }

    private final List<String> enterprises;
    private final List<Product> products;
    private final List<Event> events = new ArrayList<>();

    private DemoHistory(List<String> enterprises, List<Product> products) {
        this.enterprises = enterprises.stream().sorted().toList();
        this.products = products.stream().sorted(Comparator.comparing(Product::id)).toList();
    }

    /** The months of history: the {@value #MONTHS} before the month of {@code now} (China's calendar). */
    static List<YearMonth> months(Instant now) {
        YearMonth current = YearMonth.from(now.atOffset(CHINA));
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS; i >= 1; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    /** How many first applications the i-th month (0 = the oldest) has: 15 growing to 40. */
    static int applicationsIn(int monthIndex) {
        return 15 + 25 * monthIndex / (MONTHS - 1);
    }

    /** The events of the history, in time order, none at or after {@code now}; empty without enterprises or products. */
    static List<Event> generate(List<String> enterpriseIds, List<Product> products, Instant now) {
        DemoHistory h = new DemoHistory(enterpriseIds, products);
        if (h.enterprises.isEmpty() || h.products.isEmpty()) {
            return List.of();
        }
        List<YearMonth> months = months(now);
        for (int i = 0; i < months.size(); i++) {
            h.month(months.get(i), i);
        }
        return h.events.stream().filter(e -> e.time().isBefore(now))
                .sorted(Comparator.comparing(Event::time).thenComparing(Event::ceId)).toList();
    }

    private void month(YearMonth month, int index) {
        Random rnd = new Random(SEED * 31 + month.getYear() * 12L + month.getMonthValue());
        int count = applicationsIn(index);
        for (int n = 0; n < count; n++) {
            String enterprise = enterprises.get(rnd.nextInt(enterprises.size()));
            Product product = products.get(rnd.nextInt(products.size()));
            String application = uuid("application", month, n);
            String need = uuid("need", month, n);
            Instant submitted = workingTime(month, rnd);
            // the first two of every month: one approved, one declined, so every month has both
            Outcome outcome = n == 0 ? Outcome.APPROVED : n == 1 ? Outcome.DECLINED : Outcome.pick(rnd);
            Instant declinedAt = life(application, enterprise, need, product, submitted, outcome, rnd);
            if (declinedAt != null && products.size() > 1 && rnd.nextInt(100) < 40) {
                // re-routed: the enterprise applies for the same need with another product after the decline
                Product other = products.get((products.indexOf(product) + 1 + rnd.nextInt(products.size() - 1))
                        % products.size());
                Outcome second = rnd.nextInt(100) < 65 ? Outcome.APPROVED : Outcome.DECLINED;
                life(uuid("reroute", month, n), enterprise, need, other,
                        declinedAt.plus(Duration.ofHours(24 + rnd.nextInt(24 * 8))), second, rnd);
            }
        }
    }

    private enum Outcome {
        APPROVED, DECLINED, OPEN;

        static Outcome pick(Random rnd) {
            int r = rnd.nextInt(100);
            return r < 62 ? APPROVED : r < 92 ? DECLINED : OPEN;
        }
    }

    /** One application's events; returns the time of its decline, or null when it was not declined. */
    private Instant life(String application, String enterprise, String need, Product product, Instant submitted,
            Outcome outcome, Random rnd) {
        BigDecimal amount = BigDecimal.valueOf(50 + rnd.nextInt(950) * 10L).multiply(BigDecimal.valueOf(10_000));
        int[] terms = {12, 24, 36, 60};
        int term = terms[rnd.nextInt(terms.length)];
        Instant due = submitted.plus(Duration.ofHours(48));
        ObjectNode submittedData = Http.JSON.createObjectNode()
                .put("applicationId", application).put("enterpriseId", enterprise).put("financingNeedId", need)
                .put("productId", product.id()).put("bankId", product.bankId()).put("amount", amount)
                .put("termMonths", term).put("submittedAt", submitted.toString());
        add("application.events", application, "finmatch.application.ApplicationSubmitted.v1", "submitted",
                submitted, submittedData);
        boolean overdue = rnd.nextInt(100) < 10;
        BigDecimal hours = BigDecimal.valueOf(overdue ? 50 + rnd.nextInt(60) : 2 + rnd.nextInt(40));
        if (overdue) {
            Instant escalated = due.plus(Duration.ofMinutes(1 + rnd.nextInt(59)));
            ObjectNode data = Http.JSON.createObjectNode().put("applicationId", application)
                    .put("productId", product.id()).put("bankId", product.bankId()).put("enterpriseId", enterprise)
                    .put("dueAt", due.toString()).put("at", escalated.toString());
            add("lead.events", application, "finmatch.lead.LeadOverdue.v1", "overdue", escalated, data);
        }
        Lead lead = new Lead(application, enterprise, product, submitted, due, hours);
        // answered within the 48 hours before the due time, or (escalated) later: working hours stretched over the
        // calendar's nights and weekends
        Instant at = submitted.plus(overdue ? Duration.ofHours(hours.longValue()).multipliedBy(7).dividedBy(5)
                : Duration.ofHours(hours.longValue()));
        lead.step("RECEIVED", at, null, null, null);
        if (rnd.nextBoolean()) {
            at = at.plus(Duration.ofHours(4 + rnd.nextInt(48)));
            lead.step("UNDER_REVIEW", at, null, null, null);
        }
        at = at.plus(Duration.ofHours(24 + rnd.nextInt(24 * 12)));
        switch (outcome) {
            case APPROVED -> {
                BigDecimal approved = amount.multiply(BigDecimal.valueOf(70 + rnd.nextInt(31)))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
                BigDecimal rate = BigDecimal.valueOf(310 + rnd.nextInt(170), 2);
                lead.step("APPROVED", at, null, approved, rate);
                if (rnd.nextInt(100) < 75) {
                    lead.step("DISBURSED", at.plus(Duration.ofHours(48 + rnd.nextInt(24 * 18))), null, approved, rate);
                }
                return null;
            }
            case DECLINED -> {
                lead.step("DECLINED", at, DECLINE_REASONS.get(rnd.nextInt(DECLINE_REASONS.size())), null, null);
                return at;
            }
            default -> {
                return null;
            }
        }
    }

    /** The bank's steps on one lead, each LeadStatusChanged naming the status before it. */
    private final class Lead {
        private final String application;
        private final String enterprise;
        private final Product product;
        private final Instant submitted;
        private final Instant due;
        private final BigDecimal responseHours;
        private String previous = "SUBMITTED";

        Lead(String application, String enterprise, Product product, Instant submitted, Instant due,
                BigDecimal responseHours) {
            this.application = application;
            this.enterprise = enterprise;
            this.product = product;
            this.submitted = submitted;
            this.due = due;
            this.responseHours = responseHours;
        }

        void step(String status, Instant at, String reasonCode, BigDecimal amount, BigDecimal rate) {
            ObjectNode data = Http.JSON.createObjectNode().put("applicationId", application)
                    .put("productId", product.id()).put("bankId", product.bankId()).put("enterpriseId", enterprise)
                    .put("status", status).put("previousStatus", previous).put("at", at.toString())
                    .put("reasonCode", reasonCode).putNull("note").put("amount", amount).put("rate", rate)
                    .put("dueAt", due.toString()).put("submittedAt", submitted.toString())
                    .put("responseWorkingHours", responseHours);
            add("lead.events", application, "finmatch.lead.LeadStatusChanged.v1", status, at, data);
            previous = status;
        }
    }

    private void add(String topic, String key, String type, String step, Instant time, ObjectNode data) {
        events.add(new Event(topic, key, type, uuid(SOURCE + "|" + key + "|" + step), time, data));
    }

    /** A working day of the month (Monday to Friday), between 09:00 and 17:00 China time. */
    private static Instant workingTime(YearMonth month, Random rnd) {
        while (true) {
            int day = 1 + rnd.nextInt(month.lengthOfMonth());
            ZonedDateTime t = month.atDay(day).atTime(9 + rnd.nextInt(8), rnd.nextInt(60)).atZone(CHINA);
            if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
                return t.toInstant();
            }
        }
    }

    private static String uuid(String kind, YearMonth month, int n) {
        return uuid(SOURCE + "|" + kind + "|" + month + "|" + n);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
