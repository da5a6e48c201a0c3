package com.finmatch.matching.domain.kpi;

import com.finmatch.matching.domain.kpi.KpiFacts.ApplicationFact;
import com.finmatch.matching.domain.kpi.KpiFacts.EnterpriseFact;
import com.finmatch.matching.domain.kpi.KpiFacts.MatchFact;
import com.finmatch.matching.domain.kpi.KpiFacts.NeedFact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the KPIs of PRODUCT.md over a period [from, to) from read-model facts. Each definition is the one sentence
 * of the matching-service README; a fact counts in the period of its own time stamp:
 * <ul>
 * <li>enterprisesRegistered — registered in the period; enterprisesServed — distinct enterprises with an application
 * approved in the period;</li>
 * <li>openNeeds — needs open at the end of the period ({@code to}, or now when that is later or absent): opened before
 * it and neither withdrawn nor fulfilled by then;</li>
 * <li>matches — matches made in the period: need–product pairs the platform recommended for the first time in the
 * period (from the append-only match history), counted even when they have left the top list since;</li>
 * <li>applications — submitted in the period; of these: acceptanceRate (接单率) = leads the bank accepted (RECEIVED
 * or later) / leads the bank could act on (an application the enterprise withdrew before the bank's first action is
 * neither), approvalRate = approved / (approved + declined), bank response time = submission → first bank action in
 * working hours on loan-service's service-level calendar (median and p90, nearest rank; leads whose events carry no
 * working-hours figure are left out), overdueLeads = escalated, answered after their due time, or unanswered past it
 * (a lead withdrawn unanswered before its due time is not overdue);</li>
 * <li>reroutedNeeds — declined needs re-routed in the period: the first application for a need submitted after its
 * first decline was submitted in the period (counted under that application's bank and product); reroutedApproved —
 * re-routed needs whose first approval after that decline falls in the period ({@link Reroutes});</li>
 * <li>amountApproved / amountDisbursed — approved / disbursed in the period; firstLoanEnterprises (平台首贷户) —
 * enterprises whose first disbursement on the platform falls in the period (the platform knows no loans elsewhere);
 * creditLoanShare (信用贷款占比) — share of the approved amount that is CREDIT_LOAN; averageApprovedRate — the
 * approved rates weighted by approved amount, and its spread over the one-year LPR in basis points;
 * subsidisedLoans / subsidyAnnualAmount — loans disbursed in the period on a product whose interest subsidy was in
 * force at the disbursement, and one year of that subsidy on the disbursed amount, under the policy-tool terms of
 * that time; riskPoolExposure — exposure used of the active risk pools (total row only).</li>
 * </ul>
 * Grouped by cluster or district, facts follow their enterprise; by bank or product, applications and matches follow
 * their product, and enterprises and needs count under every bank/product they are matched with or applied to.
 *
 * <p><b>Filters</b> ({@link KpiFilter}) restrict the facts before anything is computed or grouped, so a filter combines
 * with a period and with any grouping; several filters combine with AND:
 * <ul>
 * <li>{@code cluster} / {@code district} keep the enterprises of that cluster / district and the needs, matches and
 * applications of those enterprises. A fact whose enterprise the read model does not know is then left out.</li>
 * <li>{@code bankId} keeps the matches and applications (leads) on that bank's products — so matches, applications,
 * acceptance and approval rates, response times, overdue leads, amounts, enterprises served, credit-loan share, rates
 * and subsidies are that bank's. Enterprises (registered) are those that have a match made or any application with
 * the bank; open needs are those ever matched with one of its products; first-loan enterprises (首贷户) are those
 * whose first disbursement on the whole platform was made by this bank in the period (an earlier loan from another
 * bank still counts as their first).</li>
 * <li>With any filter, riskPoolExposure is 0: risk pools are not attributable to a cluster, district or bank (the
 * same as in group rows).</li>
 * </ul>
 * So a filtered total equals the row of that code in the unfiltered grouping by the same dimension (risk-pool
 * exposure aside). Unknown codes give zeros and no group rows.
 */
public final class KpiCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final KpiFacts facts;
    private final Instant from;
    private final Instant to;
    private final Instant now;
    private final BigDecimal lpr;
    private final Map<String, EnterpriseFact> enterprises = new HashMap<>();
    private final Map<String, Set<String>> banksOfEnterprise = new HashMap<>();
    private final Map<String, Set<String>> productsOfEnterprise = new HashMap<>();
    private final Map<String, Set<String>> banksOfNeed = new HashMap<>();
    private final Map<String, Set<String>> productsOfNeed = new HashMap<>();
    private final Map<String, Instant> firstDisbursement = new HashMap<>();
    private final Reroutes reroutes;

    public KpiCalculator(KpiFacts facts, KpiFilter filter, Instant from, Instant to, Instant now,
            BigDecimal lprOneYear) {
        this.from = from;
        this.to = to;
        this.now = now;
        this.lpr = lprOneYear;
        facts.enterprises().forEach(e -> enterprises.put(e.id(), e));
        for (ApplicationFact a : facts.applications()) {
            if (a.disbursedAt() != null && a.enterpriseId() != null) {
                firstDisbursement.merge(a.enterpriseId(), a.disbursedAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        this.reroutes = new Reroutes(facts.applications());
        this.facts = filter.isEmpty() ? facts : filtered(facts, filter);
        for (MatchFact m : this.facts.matches()) {
            link(banksOfEnterprise, m.enterpriseId(), m.bankId());
            link(productsOfEnterprise, m.enterpriseId(), m.productId());
            link(banksOfNeed, m.needId(), m.bankId());
            link(productsOfNeed, m.needId(), m.productId());
        }
        for (ApplicationFact a : this.facts.applications()) {
            link(banksOfEnterprise, a.enterpriseId(), a.bankId());
            link(productsOfEnterprise, a.enterpriseId(), a.productId());
        }
    }

    /**
     * The facts a filter keeps (see the class comment). The links used to group by bank or product are then built from
     * the kept matches and applications only, so that a bank filter grouped by bank or product shows that bank's rows.
     */
    private KpiFacts filtered(KpiFacts all, KpiFilter filter) {
        Map<String, Set<String>> banksOfEnterpriseAll = new HashMap<>();
        Map<String, Set<String>> banksOfNeedAll = new HashMap<>();
        for (MatchFact m : all.matches()) {
            link(banksOfEnterpriseAll, m.enterpriseId(), m.bankId());
            link(banksOfNeedAll, m.needId(), m.bankId());
        }
        for (ApplicationFact a : all.applications()) {
            link(banksOfEnterpriseAll, a.enterpriseId(), a.bankId());
        }
        String bank = filter.bankId();
        return new KpiFacts(
                all.enterprises().stream().filter(e -> filter.admitsEnterprise(e)
                        && (bank == null || banksOfEnterpriseAll.getOrDefault(e.id(), Set.of()).contains(bank))).toList(),
                all.needs().stream().filter(n -> filter.admitsEnterprise(enterpriseOf(n.enterpriseId()))
                        && (bank == null || banksOfNeedAll.getOrDefault(n.id(), Set.of()).contains(bank))).toList(),
                all.matches().stream().filter(m -> filter.admitsEnterprise(enterpriseOf(m.enterpriseId()))
                        && filter.admitsBank(m.bankId())).toList(),
                all.applications().stream().filter(a -> filter.admitsEnterprise(enterpriseOf(a.enterpriseId()))
                        && filter.admitsBank(a.bankId())).toList(),
                BigDecimal.ZERO);
    }

    private EnterpriseFact enterpriseOf(String enterpriseId) {
        return enterpriseId == null ? null : enterprises.get(enterpriseId);
    }

    /** The KPIs of everything the filter keeps in the period. */
    public Kpis total() {
        return compute(null, facts.enterprises(), facts.needs(), facts.matches(), facts.applications(),
                facts.riskPoolExposure());
    }

    /** One row per group that has any fact, ordered by key; facts without a value for the dimension go under "-". */
    public List<Kpis> grouped(GroupBy groupBy) {
        Map<String, List<EnterpriseFact>> es = new TreeMap<>();
        Map<String, List<NeedFact>> ns = new TreeMap<>();
        Map<String, List<MatchFact>> ms = new TreeMap<>();
        Map<String, List<ApplicationFact>> as = new TreeMap<>();
        Set<String> keys = new TreeSet<>();
        for (EnterpriseFact e : facts.enterprises()) {
            spread(es, keys, e, keysOfEnterprise(e.id(), groupBy));
        }
        for (NeedFact n : facts.needs()) {
            spread(ns, keys, n, switch (groupBy) {
                case CLUSTER, DISTRICT -> keysOfEnterprise(n.enterpriseId(), groupBy);
                case BANK -> orDash(banksOfNeed.get(n.id()));
                case PRODUCT -> orDash(productsOfNeed.get(n.id()));
            });
        }
        for (MatchFact m : facts.matches()) {
            spread(ms, keys, m, keysOf(groupBy, m.enterpriseId(), m.bankId(), m.productId()));
        }
        for (ApplicationFact a : facts.applications()) {
            spread(as, keys, a, keysOf(groupBy, a.enterpriseId(), a.bankId(), a.productId()));
        }
        List<Kpis> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(compute(key, es.getOrDefault(key, List.of()), ns.getOrDefault(key, List.of()),
                    ms.getOrDefault(key, List.of()), as.getOrDefault(key, List.of()), BigDecimal.ZERO));
        }
        return rows;
    }

    private Set<String> keysOf(GroupBy groupBy, String enterpriseId, String bankId, String productId) {
        return switch (groupBy) {
            case CLUSTER, DISTRICT -> keysOfEnterprise(enterpriseId, groupBy);
            case BANK -> Set.of(dash(bankId));
            case PRODUCT -> Set.of(dash(productId));
        };
    }

    private Set<String> keysOfEnterprise(String enterpriseId, GroupBy groupBy) {
        EnterpriseFact e = enterpriseOf(enterpriseId);
        return switch (groupBy) {
            case CLUSTER -> Set.of(dash(e == null ? null : e.clusterCode()));
            case DISTRICT -> Set.of(dash(e == null ? null : e.districtCode()));
            case BANK -> orDash(banksOfEnterprise.get(enterpriseId));
            case PRODUCT -> orDash(productsOfEnterprise.get(enterpriseId));
        };
    }

    private Kpis compute(String key, Collection<EnterpriseFact> es, Collection<NeedFact> ns, Collection<MatchFact> ms,
            Collection<ApplicationFact> as, BigDecimal riskPoolExposure) {
        long registered = es.stream().filter(e -> in(e.registeredAt())).count();
        Set<String> served = new HashSet<>();
        Set<String> firstLoan = new HashSet<>();
        Instant end = end();
        long openNeeds = ns.stream().filter(n -> openAt(n, end)).count();
        long matches = ms.stream().filter(m -> in(m.firstMatchedAt())).count();
        long applications = 0;
        long actionable = 0;
        long accepted = 0;
        long approvedOfSubmitted = 0;
        long declinedOfSubmitted = 0;
        long overdue = 0;
        long rerouted = 0;
        long reroutedApproved = 0;
        long subsidised = 0;
        List<BigDecimal> responseHours = new ArrayList<>();
        BigDecimal amountApproved = BigDecimal.ZERO;
        BigDecimal amountDisbursed = BigDecimal.ZERO;
        BigDecimal creditApproved = BigDecimal.ZERO;
        BigDecimal subsidy = BigDecimal.ZERO;
        BigDecimal rateTimesAmount = BigDecimal.ZERO;
        BigDecimal ratedAmount = BigDecimal.ZERO;
        for (ApplicationFact a : as) {
            if (in(a.submittedAt())) {
                applications++;
                if (a.actionable()) {
                    actionable++;
                    if (a.acceptedAt() != null) {
                        accepted++;
                    }
                }
                if (a.approvedAt() != null) {
                    approvedOfSubmitted++;
                } else if (a.declinedAt() != null) {
                    declinedOfSubmitted++;
                }
                if (a.responseWorkingHours() != null) {
                    responseHours.add(a.responseWorkingHours().max(BigDecimal.ZERO));
                }
                if (isOverdue(a)) {
                    overdue++;
                }
                if (reroutes.reroutes(a)) {
                    rerouted++;
                }
            }
            if (in(a.approvedAt()) && reroutes.approvesReroute(a)) {
                reroutedApproved++;
            }
            if (in(a.approvedAt())) {
                if (a.enterpriseId() != null) {
                    served.add(a.enterpriseId());
                }
                BigDecimal amount = nz(a.approvedAmount());
                amountApproved = amountApproved.add(amount);
                if ("CREDIT_LOAN".equals(a.productType())) {
                    creditApproved = creditApproved.add(amount);
                }
                if (a.approvedRate() != null && amount.signum() > 0) {
                    rateTimesAmount = rateTimesAmount.add(a.approvedRate().multiply(amount));
                    ratedAmount = ratedAmount.add(amount);
                }
            }
            if (in(a.disbursedAt())) {
                BigDecimal amount = nz(a.disbursedAmount());
                amountDisbursed = amountDisbursed.add(amount);
                if (a.enterpriseId() != null && a.disbursedAt().equals(firstDisbursement.get(a.enterpriseId()))) {
                    firstLoan.add(a.enterpriseId());
                }
                if (a.subsidyRate() != null && a.subsidyRate().signum() > 0) {
                    subsidised++;
                    subsidy = subsidy.add(amount.multiply(a.subsidyRate()).divide(HUNDRED, 2, RoundingMode.HALF_UP));
                }
            }
        }
        BigDecimal averageRate = ratedAmount.signum() == 0 ? BigDecimal.ZERO
                : rateTimesAmount.divide(ratedAmount, 2, RoundingMode.HALF_UP);
        BigDecimal spreadBps = ratedAmount.signum() == 0 ? BigDecimal.ZERO
                : rateTimesAmount.divide(ratedAmount, 6, RoundingMode.HALF_UP).subtract(lpr).multiply(HUNDRED)
                        .setScale(0, RoundingMode.HALF_UP);
        responseHours.sort(null);
        return new Kpis(key, registered, served.size(), openNeeds, matches, applications,
                percent(accepted, actionable), percent(approvedOfSubmitted, approvedOfSubmitted + declinedOfSubmitted),
                money(amountApproved), money(amountDisbursed), hours(percentile(responseHours, 50)),
                hours(percentile(responseHours, 90)), overdue, rerouted, reroutedApproved, firstLoan.size(),
                amountApproved.signum() == 0 ? pct(BigDecimal.ZERO)
                        : creditApproved.multiply(HUNDRED).divide(amountApproved, 2, RoundingMode.HALF_UP),
                averageRate, spreadBps, subsidised, money(subsidy), money(nz(riskPoolExposure)));
    }

    /** The end of the period: {@code to}, but never later than now (nothing is known about the future). */
    private Instant end() {
        return to == null || to.isAfter(now) ? now : to;
    }

    /** Whether the need was open at {@code end}: opened before it and not closed by then. */
    private static boolean openAt(NeedFact n, Instant end) {
        if (n.openedAt() != null && !n.openedAt().isBefore(end)) {
            return false;
        }
        if (n.closedAt() != null) {
            return !n.closedAt().isBefore(end);
        }
        return n.open();
    }

    private boolean isOverdue(ApplicationFact a) {
        if (a.overdueFlag()) {
            return true;
        }
        if (a.dueAt() == null) {
            return false;
        }
        if (a.firstActionAt() != null) {
            return a.firstActionAt().isAfter(a.dueAt());
        }
        Instant stopped = a.withdrawnAt() != null && a.withdrawnAt().isBefore(now) ? a.withdrawnAt() : now;
        return stopped.isAfter(a.dueAt());
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        if (sorted.isEmpty()) {
            return BigDecimal.ZERO;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private boolean in(Instant t) {
        return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    private static <T> void spread(Map<String, List<T>> into, Set<String> keys, T fact, Set<String> factKeys) {
        for (String k : factKeys) {
            into.computeIfAbsent(k, x -> new ArrayList<>()).add(fact);
            keys.add(k);
        }
    }

    private static void link(Map<String, Set<String>> map, String from, String to) {
        if (from != null && to != null) {
            map.computeIfAbsent(from, x -> new TreeSet<>()).add(to);
        }
    }

    private static Set<String> orDash(Set<String> keys) {
        return keys == null || keys.isEmpty() ? Set.of("-") : keys;
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? pct(BigDecimal.ZERO)
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(BigDecimal hours) {
        return hours.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
