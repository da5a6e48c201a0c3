package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiFilter;
import com.finmatch.matching.domain.kpi.Kpis;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.util.List;

/** Per-bank scorecards: leads, acceptance rate, response times against the service level, overdue leads. */
@Path("/api/v1/scorecards/banks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class ScorecardResource {

    /** One bank's scorecard over the period. */
    public record BankScorecard(String bankId, long leads, BigDecimal acceptanceRate, BigDecimal approvalRate,
            BigDecimal medianResponseHours, BigDecimal p90ResponseHours, long overdueLeads, BigDecimal amountApproved,
            BigDecimal amountDisbursed) {
    }

    @Inject
    StatsService stats;

    @GET
    public List<BankScorecard> banks(@QueryParam("from") String from, @QueryParam("to") String to) {
        var summary = stats.summary(GroupBy.BANK, KpiFilter.NONE, StatsResource.Times.parse("from", from, false),
                StatsResource.Times.parse("to", to, true));
        return summary.groups().stream().filter(k -> !"-".equals(k.key())).map(ScorecardResource::card).toList();
    }

    private static BankScorecard card(Kpis k) {
        return new BankScorecard(k.key(), k.applications(), k.acceptanceRate(), k.approvalRate(),
                k.medianResponseHours(), k.p90ResponseHours(), k.overdueLeads(), k.amountApproved(),
                k.amountDisbursed());
    }
}
