package com.finmatch.matching.service;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.domain.engine.MatchingEngine;
import com.finmatch.matching.security.EnterpriseAccess;
import com.finmatch.platform.contracts.DataCategories;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The current matches (top-list entries) for administrators and, within their consent, banks. A bank sees the
 * enterprise's name, cluster and district only under live consents covering the categories those fields belong to
 * (platform's DataCategories), and every such read is announced (EnterpriseDataRead) for the enterprise's access log.
 */
@ApplicationScoped
public class MatchQueryService {

    /** The enterprise fields a match shows (contract names): enterpriseName, clusterCode, districtCode. */
    static final List<String> ENTERPRISE_FIELDS = List.of("name", "clusterCode", "districtCode");

    /** The categories a bank's consent must cover for it to see {@link #ENTERPRISE_FIELDS}. */
    static final List<String> ENTERPRISE_CATEGORIES = List.copyOf(DataCategories.get().requiredFor(ENTERPRISE_FIELDS));

    static final String RESOURCE = "GET /api/v1/matches";

    /** One match: a product in an open need's top list. */
    public record MatchView(@Size(max = Bounds.ID) String needId,
            @Size(max = Bounds.ID) String enterpriseId,
            @Schema(nullable = true, description = "null for a bank without a live consent covering it")
            @Size(max = Bounds.NAME) String enterpriseName,
            @Schema(nullable = true) @Size(max = Bounds.CODE) String clusterCode,
            @Schema(nullable = true) @Size(max = Bounds.CODE) String districtCode,
            @Size(max = Bounds.ID) String productId,
            @Schema(nullable = true) @Size(max = Bounds.NAME) String productName,
            @Size(max = Bounds.CODE) String bankId, @Min(1) @Max(MatchingEngine.MAX_TOP_SIZE) int rank,
            @DecimalMin("0") @DecimalMax("100") BigDecimal score, Instant firstMatchedAt, Instant updatedAt) {
    }

    /**
     * Filters of GET /matches; {@code bankScope} non-null restricts to one bank's products under live consent,
     * {@code districtScope} non-null to one district's enterprises (a district caller's own, whatever it filters by).
     */
    public record Filter(String cluster, String district, String bankId, Instant from, Instant to, String bankScope,
            String districtScope) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Transactional
    public PageResponse<MatchView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        boolean bank = filter.bankScope() != null;
        // what a bank may see of the enterprise; it filters by cluster or district only among those, too
        String shown = bank ? EnterpriseAccess.liveConsentCovering(ENTERPRISE_CATEGORIES.size()) : "1 = 1";
        if (bank && (filter.cluster() != null || filter.district() != null)) {
            where.append(" and ").append(shown);
        }
        if (filter.cluster() != null) {
            where.append(" and e.cluster_code = :cluster");
            params.put("cluster", filter.cluster());
        }
        if (filter.district() != null) {
            where.append(" and e.district_code = :district");
            params.put("district", filter.district());
        }
        if (filter.districtScope() != null) {
            where.append(" and e.district_code = :districtScope");
            params.put("districtScope", filter.districtScope());
        }
        if (filter.bankId() != null) {
            where.append(" and m.bank_id = :bankId");
            params.put("bankId", filter.bankId());
        }
        if (filter.from() != null) {
            where.append(" and m.first_matched_at >= :from");
            params.put("from", java.time.OffsetDateTime.ofInstant(filter.from(), java.time.ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" and m.first_matched_at < :to");
            params.put("to", java.time.OffsetDateTime.ofInstant(filter.to(), java.time.ZoneOffset.UTC));
        }
        if (filter.bankScope() != null) {
            where.append(" and m.bank_id = :bank and ").append(EnterpriseAccess.LIVE_CONSENT);
            params.put("bank", filter.bankScope());
            for (int i = 0; i < ENTERPRISE_CATEGORIES.size(); i++) {
                params.put("category" + i, "%," + ENTERPRISE_CATEGORIES.get(i) + ",%");
            }
        }
        String from = " from match m left join enterprise_rm e on e.id = m.enterprise_id"
                + " left join product_rm p on p.id = m.product_id";
        Query count = em.createNativeQuery("select count(*)" + from + where);
        String ifShown = "case when " + shown + " then ";
        Query select = em.createNativeQuery("select cast(m.need_id as varchar), cast(m.enterprise_id as varchar),"
                + ifShown + "e.name end, " + ifShown + "e.cluster_code end, " + ifShown + "e.district_code end,"
                + " cast(m.product_id as varchar), p.name, m.bank_id, m.rank, m.score,"
                + " m.first_matched_at, m.updated_at" + from + where
                + " order by m.updated_at desc, m.need_id, m.rank");
        params.forEach((k, v) -> {
            if (where.indexOf(":" + k) >= 0) { // the categories only when a bank filters by cluster or district
                count.setParameter(k, v);
            }
            select.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        select.setFirstResult(page.page * page.size).setMaxResults(page.size);
        List<MatchView> items = new ArrayList<>();
        for (Object row : select.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new MatchView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], ((Number) r[8]).intValue(), (BigDecimal) r[9],
                    StatsService.time(r[10]), StatsService.time(r[11])));
        }
        if (bank) {
            announceReads(items, filter.bankScope());
        }
        return new PageResponse<>(items, page.page, page.size, total);
    }

    /** One EnterpriseDataRead per enterprise whose data this page showed the bank. */
    private void announceReads(List<MatchView> items, String bankId) {
        Instant now = Instant.now();
        items.stream().filter(m -> m.enterpriseName() != null || m.clusterCode() != null || m.districtCode() != null)
                .map(MatchView::enterpriseId).distinct()
                .forEach(enterpriseId -> outbox.publish(MatchingService.TOPIC, enterpriseId, EnterpriseDataRead.TYPE,
                        new EnterpriseDataRead(UUID.fromString(enterpriseId), bankId, caller.subject(),
                                ENTERPRISE_CATEGORIES, RESOURCE, now)));
    }
}
