package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.FinancingNeedRequest;
import com.finmatch.enterprise.api.FinancingNeedView;
import com.finmatch.enterprise.domain.CloseReason;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.FinancingNeed;
import com.finmatch.enterprise.domain.NeedStatus;
import com.finmatch.enterprise.domain.Project;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

/** Opening, listing and withdrawing an enterprise's financing needs. */
@ApplicationScoped
public class FinancingNeedService {

    /** How far ahead a need may be dated: plans beyond that are projects, not needs. */
    static final int MAX_YEARS_AHEAD = 5;

    @Inject
    EnterpriseAccess access;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ApplicationService applications;

    @Transactional
    public FinancingNeedView open(UUID enterpriseId, FinancingNeedRequest request) {
        Enterprise e = access.owned(enterpriseId);
        Violations invalid = new Violations();
        invalid.check(!request.neededBy().isAfter(PlatformClock.today(clock).plusYears(MAX_YEARS_AHEAD)),
                "neededBy", "must be within " + MAX_YEARS_AHEAD + " years");
        if (request.projectId() != null) {
            Project p = Project.findById(request.projectId());
            invalid.check(p != null && p.enterpriseId.equals(e.id), "projectId",
                    "is not a project of this enterprise");
        }
        invalid.throwIfAny();
        FinancingNeed n = new FinancingNeed();
        n.id = UUID.randomUUID();
        n.enterpriseId = e.id;
        n.amount = request.amount();
        n.termMonths = request.termMonths();
        n.purpose = request.purpose();
        n.guaranteeTypes = EnumSet.copyOf(request.guaranteeTypes());
        n.maxAnnualRate = request.maxAnnualRate();
        n.neededBy = request.neededBy();
        n.projectId = request.projectId();
        n.status = NeedStatus.OPEN;
        n.openedAt = PlatformClock.now(clock);
        Persistence.persistAndFlush(n);
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.NEED_OPENED,
                EnterpriseEvents.FinancingNeedOpened.of(n));
        return FinancingNeedView.of(n);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<FinancingNeedView> list(UUID enterpriseId, String status, PageRequest page) {
        Enterprise e = access.ownedOrAdministered(enterpriseId);
        Sort order = Sort.descending("openedAt").and("id");
        var query = FinancingNeed.<FinancingNeed>find("enterpriseId", order, e.id);
        if (status != null && !status.isBlank()) {
            Violations invalid = new Violations();
            NeedStatus s = invalid.enumValue(NeedStatus.class, "status", status);
            invalid.throwIfAny();
            query = FinancingNeed.find("enterpriseId = ?1 and status = ?2", order, e.id, s);
        }
        return Pages.of(query, page, FinancingNeedView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FinancingNeedView get(UUID enterpriseId, UUID needId) {
        Enterprise e = access.ownedOrAdministered(enterpriseId);
        return FinancingNeedView.of(needOf(e, needId, LockModeType.NONE));
    }

    /** Withdraws an open need; its active applications close with it (CLOSED, NEED_WITHDRAWN). */
    @Transactional
    public FinancingNeedView withdraw(UUID enterpriseId, UUID needId) {
        Enterprise e = access.owned(enterpriseId);
        FinancingNeed n = needOf(e, needId, LockModeType.PESSIMISTIC_WRITE);
        if (!n.isOpen()) {
            throw ProblemException.conflict("the financing need is " + n.status + ", not OPEN");
        }
        Instant now = PlatformClock.now(clock);
        n.status = NeedStatus.WITHDRAWN;
        n.closedAt = now;
        applications.closeActiveApplications(n.id, null, CloseReason.NEED_WITHDRAWN, now);
        Persistence.flush();
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.NEED_WITHDRAWN,
                new EnterpriseEvents.FinancingNeedWithdrawn(e.id, n.id, now));
        return FinancingNeedView.of(n);
    }

    private static FinancingNeed needOf(Enterprise e, UUID needId, LockModeType lock) {
        FinancingNeed n = FinancingNeed.findById(needId, lock);
        if (n == null || !n.enterpriseId.equals(e.id)) {
            throw ProblemException.notFound("financing need");
        }
        return n;
    }
}
