package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiFilter;
import com.finmatch.matching.domain.kpi.Kpis;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;

/**
 * Per-bank scorecards: leads, acceptance rate, response times against the service level, overdue leads — every bank's
 * for an administrator, and a bank's own (claim {@code bank_id}) for that bank: the same KPIs, computed once.
 */
@Path("/api/v1/scorecards/banks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN, Caller.FINANCE_BUREAU})
public class ScorecardResource {

    /** One bank's scorecard over the period. */
    public record BankScorecard(@Size(max = KpiFilter.MAX_LENGTH) String bankId,
            @Min(0) @Max(Long.MAX_VALUE) long leads,
            @DecimalMin("0") @DecimalMax("100") BigDecimal acceptanceRate,
            @DecimalMin("0") @DecimalMax("100") BigDecimal approvalRate,
            BigDecimal medianResponseHours, BigDecimal p90ResponseHours,
            @Min(0) @Max(Long.MAX_VALUE) long overdueLeads, BigDecimal amountApproved, BigDecimal amountDisbursed,
            @Min(0) @Max(Long.MAX_VALUE) long firstLoanEnterprises) {
    }

    @Inject
    StatsService stats;

    @Inject
    Caller caller;

    /** Every bank's scorecard over the period, by bank code, a page at a time. */
    @GET
    public PageResponse<BankScorecard> bankScorecards(
            @BeanParam @Valid Period period,
            @BeanParam @Valid PageRequest page) {
        var summary = stats.summary(GroupBy.BANK, KpiFilter.NONE, period.start(),
                period.end());
        return PageResponse.of(summary.groups().stream().filter(k -> !"-".equals(k.key()))
                .map(ScorecardResource::card).toList(), page);
    }

    /** The calling bank's own scorecard (its {@code bank_id} claim); 403 for a bank token without one. */
    @GET
    @Path("/me")
    @RolesAllowed(Caller.BANK)
    public BankScorecard myBankScorecard(
            @BeanParam @Valid Period period) {
        String bankId = caller.bankId().orElseThrow(() -> ProblemException.forbidden("the token carries no bank_id"));
        KpiFilter own;
        try {
            own = new KpiFilter(null, null, bankId);
        } catch (KpiFilter.InvalidFilterException e) {
            throw ProblemException.forbidden("the token's bank_id is no bank code");
        }
        var summary = stats.summary(null, own, period.start(),
                period.end());
        return card(bankId, summary.total());
    }

    private static BankScorecard card(Kpis k) {
        return card(k.key(), k);
    }

    private static BankScorecard card(String bankId, Kpis k) {
        return new BankScorecard(bankId, k.applications(), k.acceptanceRate(), k.approvalRate(),
                k.medianResponseHours(), k.p90ResponseHours(), k.overdueLeads(), k.amountApproved(),
                k.amountDisbursed(), k.firstLoanEnterprises());
    }
}
