package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.ProjectRequest;
import com.finmatch.enterprise.api.ProjectView;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.Project;
import com.finmatch.enterprise.domain.ProjectStage;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.InputBounds;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The major-project library: enterprises register projects, administrators search them. */
@ApplicationScoped
public class ProjectService {

    @Inject
    EnterpriseAccess access;

    @Inject
    Clock clock;

    @Inject
    ReferenceDataService reference;

    @Inject
    Outbox outbox;

    @Transactional
    public ProjectView register(UUID enterpriseId, ProjectRequest request) {
        Enterprise e = access.owned(enterpriseId);
        String district = request.districtCode() == null || request.districtCode().isBlank() ? e.districtCode
                : request.districtCode();
        new Violations()
                .check(request.financingGap().compareTo(request.investmentAmount()) <= 0, "financingGap",
                        "must not exceed investmentAmount")
                .check(reference.isDistrict(district), "districtCode",
                        "is not a district of GET /api/v1/reference/districts")
                .throwIfAny();
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.enterpriseId = e.id;
        p.name = request.name().strip();
        p.description = request.description();
        p.investmentAmount = request.investmentAmount();
        p.financingGap = request.financingGap();
        p.stage = request.stage();
        p.districtCode = district;
        p.termMonths = request.termMonths();
        p.registeredAt = PlatformClock.now(clock);
        Persistence.persistAndFlush(p);
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.PROJECT_REGISTERED,
                EnterpriseEvents.ProjectRegistered.of(p));
        return ProjectView.of(p);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ProjectView> list(UUID enterpriseId, PageRequest page) {
        Enterprise e = access.ownedOrAdministered(enterpriseId);
        var query = Project.<Project>find("enterpriseId", Sort.descending("registeredAt").and("id"), e.id);
        return Pages.of(query, page, ProjectView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProjectView get(UUID enterpriseId, UUID projectId) {
        Enterprise e = access.ownedOrAdministered(enterpriseId);
        Project p = Project.findById(projectId);
        if (p == null || !p.enterpriseId.equals(e.id)) {
            throw ProblemException.notFound("project");
        }
        return ProjectView.of(p);
    }

    /** Administrators' search of the library by district, stage and minimum financing gap, largest gap first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ProjectView> search(String district, String cluster, String stage, String minGap,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Violations invalid = new Violations().text("district", district, 20).text("cluster", cluster, 40);
        if (district != null && !district.isBlank()) {
            where.add("districtCode = :district");
            params.and("district", district);
        }
        if (cluster != null && !cluster.isBlank()) {
            where.add("enterpriseId in (select e.id from Enterprise e where e.clusterCode = :cluster)");
            params.and("cluster", cluster);
        }
        if (stage != null && !stage.isBlank()) {
            where.add("stage = :stage");
            params.and("stage", invalid.enumValue(ProjectStage.class, "stage", stage));
        }
        if (minGap != null && !minGap.isBlank()) {
            BigDecimal gap = null;
            try {
                gap = new BigDecimal(minGap);
            } catch (NumberFormatException e) {
                invalid.add("minGap", "must be a number");
            }
            if (gap != null) {
                invalid.check(gap.signum() >= 0, "minGap", "must be 0 or more");
                invalid.check(InputBounds.isStorable(gap), "minGap", InputBounds.NUMBER_RANGE);
                where.add("financingGap >= :minGap");
                params.and("minGap", gap);
            }
        }
        invalid.throwIfAny();
        Sort order = Sort.descending("financingGap").and("id");
        var query = where.isEmpty() ? Project.<Project>findAll(order)
                : Project.<Project>find(String.join(" and ", where), order, params);
        return Pages.of(query, page, ProjectView::of);
    }
}
