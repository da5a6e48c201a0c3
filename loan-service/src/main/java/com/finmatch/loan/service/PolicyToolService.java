package com.finmatch.loan.service;

import com.finmatch.loan.api.PolicyToolRequest;
import com.finmatch.loan.domain.PolicyTool;
import com.finmatch.loan.domain.PolicyToolKind;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Policy tools (administrators): risk-compensation pools, interest subsidies, government guarantees. */
@ApplicationScoped
public class PolicyToolService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public PolicyTool create(PolicyToolRequest request) {
        PolicyTool tool = new PolicyTool();
        tool.id = UUID.randomUUID();
        tool.createdAt = clock.instant();
        apply(tool, request);
        tool.persist();
        PolicyTool.flush();
        announce(tool);
        return tool;
    }

    @Transactional
    public PolicyTool update(UUID id, String ifMatch, PolicyToolRequest request) {
        PolicyTool tool = get(id);
        EntityTags.ifMatch(ifMatch, tool.version);
        apply(tool, request);
        PolicyTool.flush();
        announce(tool);
        return tool;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyTool get(UUID id) {
        PolicyTool tool = PolicyTool.findById(id);
        if (tool == null) {
            throw ProblemException.notFound("policy tool");
        }
        return tool;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<PolicyTool> list(PolicyToolKind kind, PageRequest page) {
        var query = kind == null ? PolicyTool.<PolicyTool>findAll(Sort.by("name").and("id"))
                : PolicyTool.<PolicyTool>find("kind", Sort.by("name").and("id"), kind);
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    private void announce(PolicyTool tool) {
        outbox.publish(LoanEvents.PRODUCT_TOPIC, tool.id.toString(), LoanEvents.POLICY_TOOL_CHANGED,
                LoanEvents.PolicyToolPayload.of(tool));
    }

    private void apply(PolicyTool t, PolicyToolRequest r) {
        BigDecimal coverage = r.coverageShare() != null ? r.coverageShare()
                : r.compensationRatio() == null ? null
                : r.compensationRatio().divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
        BigDecimal pool = r.poolSize() == null ? BigDecimal.ZERO : r.poolSize();
        BigDecimal exposure = r.exposureUsed() == null ? BigDecimal.ZERO : r.exposureUsed();
        List<Problem.Violation> violations = new ArrayList<>();
        if (r.kind() == PolicyToolKind.RISK_POOL) {
            if (pool.signum() <= 0) {
                violations.add(new Problem.Violation("poolSize", "a risk pool needs its size"));
            }
            if (coverage == null || coverage.signum() <= 0) {
                violations.add(new Problem.Violation("coverageShare", "a risk pool needs the share it covers (0–1)"));
            }
        }
        if (r.kind() == PolicyToolKind.INTEREST_SUBSIDY && (r.subsidyRate() == null || r.subsidyRate().signum() <= 0)) {
            violations.add(new Problem.Violation("subsidyRate", "an interest subsidy needs its rate (percentage points)"));
        }
        if (pool.signum() > 0 && exposure.compareTo(pool) > 0) {
            violations.add(new Problem.Violation("exposureUsed", "must not exceed poolSize"));
        }
        BigDecimal spent = r.budgetUsed() == null ? BigDecimal.ZERO : r.budgetUsed();
        if (r.budget() != null && spent.compareTo(r.budget()) > 0) {
            violations.add(new Problem.Violation("budgetUsed", "must not exceed budget"));
        }
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            violations.add(new Problem.Violation("validTo", "must not be before validFrom"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        t.kind = r.kind();
        t.name = r.name().trim();
        t.description = r.description();
        t.subsidyRate = Amounts.rate(r.subsidyRate());
        t.coverageShare = Amounts.rate(coverage);
        t.poolSize = Amounts.money(pool);
        t.exposureUsed = Amounts.money(exposure);
        t.perEnterpriseCap = Amounts.money(r.perEnterpriseCap());
        t.budget = Amounts.money(r.budget());
        t.budgetUsed = Amounts.money(spent);
        t.guaranteeFeeRate = Amounts.rate(r.guaranteeFeeRate());
        t.validFrom = r.validFrom();
        t.validTo = r.validTo();
        t.active = r.active() == null || r.active();
        t.updatedAt = clock.instant();
    }
}
