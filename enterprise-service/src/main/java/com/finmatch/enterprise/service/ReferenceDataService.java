package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.ClusterRequest;
import com.finmatch.enterprise.api.ReferenceItem;
import com.finmatch.enterprise.domain.Cluster;
import com.finmatch.enterprise.domain.District;
import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.Industry;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** The reference data forms and profiles use: districts, clusters (admins may add), industries and tags. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceDataService {

    @Inject
    Clock clock;

    public PageResponse<ReferenceItem> districts(PageRequest page) {
        var query = District.<District>findAll(Sort.by("code"));
        return Pages.of(query, page, d -> new ReferenceItem(d.code, d.nameZh, d.nameEn, d.kind, null));
    }

    public PageResponse<ReferenceItem> clusters(PageRequest page) {
        var query = Cluster.<Cluster>findAll(Sort.by("createdAt").and("code"));
        return Pages.of(query, page, c -> new ReferenceItem(c.code, c.nameZh, c.nameEn, null, null));
    }

    public PageResponse<ReferenceItem> industries(PageRequest page) {
        var query = Industry.<Industry>findAll(Sort.by("code"));
        return Pages.of(query, page, i -> new ReferenceItem(i.code, i.nameZh, i.nameEn, null, i.divisionCode));
    }

    public List<ReferenceItem> tags() {
        return Arrays.stream(EnterpriseTag.values())
                .map(t -> new ReferenceItem(t.name(), t.nameZh, t.nameEn, null, null)).toList();
    }

    @Transactional
    public ReferenceItem addCluster(ClusterRequest request) {
        if (Cluster.findById(request.code()) != null) {
            throw ProblemException.conflict("a cluster with code " + request.code() + " exists");
        }
        Cluster c = new Cluster();
        c.code = request.code();
        c.nameZh = request.nameZh().strip();
        c.nameEn = request.nameEn().strip();
        c.createdAt = PlatformClock.now(clock);
        c.persistAndFlush();
        return new ReferenceItem(c.code, c.nameZh, c.nameEn, null, null);
    }

    @Transactional
    public ReferenceItem renameCluster(String code, ClusterRequest request) {
        Cluster c = Cluster.findById(code);
        if (c == null) {
            throw ProblemException.notFound("cluster");
        }
        if (!code.equals(request.code())) {
            throw ProblemException.invalid("code", "must be the code of the cluster renamed: " + code);
        }
        c.nameZh = request.nameZh().strip();
        c.nameEn = request.nameEn().strip();
        return new ReferenceItem(c.code, c.nameZh, c.nameEn, null, null);
    }

    public boolean isDistrict(String code) {
        return code != null && District.findById(code) != null;
    }

    public boolean isCluster(String code) {
        return code != null && Cluster.findById(code) != null;
    }

    public boolean isIndustry(String code) {
        return Industry.isKnown(code);
    }
}
