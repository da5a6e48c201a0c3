package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.ClusterRequest;
import com.finmatch.enterprise.api.ReferenceItem;
import com.finmatch.enterprise.domain.Cluster;
import com.finmatch.enterprise.domain.District;
import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.Industry;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;

/** The reference data forms and profiles use: districts, clusters (admins may add), industries and tags. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReferenceDataService {

    public PageResponse<ReferenceItem> districts(int page, int size) {
        var query = District.<District>findAll(Sort.by("code"));
        return new PageResponse<>(query.page(Page.of(page, size)).list().stream()
                .map(d -> new ReferenceItem(d.code, d.nameZh, d.nameEn, d.kind, null)).toList(), page, size,
                query.count());
    }

    public PageResponse<ReferenceItem> clusters(int page, int size) {
        var query = Cluster.<Cluster>findAll(Sort.by("createdAt").and("code"));
        return new PageResponse<>(query.page(Page.of(page, size)).list().stream()
                .map(c -> new ReferenceItem(c.code, c.nameZh, c.nameEn, null, null)).toList(), page, size,
                query.count());
    }

    public PageResponse<ReferenceItem> industries(int page, int size) {
        var query = Industry.<Industry>findAll(Sort.by("code"));
        return new PageResponse<>(query.page(Page.of(page, size)).list().stream()
                .map(i -> new ReferenceItem(i.code, i.nameZh, i.nameEn, null, i.divisionCode)).toList(), page, size,
                query.count());
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
        c.createdAt = Times.now();
        c.persistAndFlush();
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
