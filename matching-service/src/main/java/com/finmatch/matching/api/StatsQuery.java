package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiFilter;
import com.finmatch.matching.domain.kpi.KpiSeries;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.http.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The grouping and filter parameters of a KPI summary, shared by its JSON and CSV forms; use with {@code @BeanParam @Valid}.
 * An empty value ({@code ?cluster=}) is absent, as for every other parameter.
 */
public class StatsQuery {

    private static final String CODE_LENGTH = "must be at most " + KpiFilter.MAX_LENGTH + " characters";

    @QueryParam("groupBy")
    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"cluster", "district", "bank", "product"}))
    public String groupBy;

    @QueryParam("cluster")
    @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH)
    public String cluster;

    @QueryParam("district")
    @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH)
    public String district;

    @QueryParam("bankId")
    @Size(max = KpiFilter.MAX_LENGTH, message = CODE_LENGTH)
    public String bankId;

    /**
     * Confines the query to a district caller's own district ({@code scope}, when present): no {@code district} asks
     * for it, another district's is a 404 (its KPIs do not exist for this caller). Returns this query.
     */
    StatsQuery confinedTo(Optional<String> scope) {
        scope.ifPresent(own -> {
            if (district == null || district.isBlank()) {
                district = own;
            } else if (!district.trim().equals(own)) {
                throw ProblemException.notFound("district");
            }
        });
        return this;
    }

    /** The summary this query asks for over the period; a parameter that does not parse is a 400 naming it. */
    StatsService.Summary run(StatsService stats, Period period) {
        return stats.summary(groupBy(), filter(), period.start(), period.end());
    }

    /** The summary of every grouping this query asks for: its {@code groupBy}'s, or all four when absent. */
    List<GroupBy> groupings() {
        GroupBy dimension = groupBy();
        return dimension == null ? List.of(GroupBy.values()) : List.of(dimension);
    }

    /** The series this query asks for, of months or weeks ({@code period}) over the period's buckets. */
    StatsService.Series series(StatsService stats, Period period, String step) {
        KpiSeries.Step parsed = step(step);
        return stats.series(parsed, groupBy(), filter(), buckets(stats, parsed, period.start(), period.end()));
    }

    /** The periods of a series from {@code from} to {@code to}; 400 naming {@code from} when too many. */
    static List<KpiSeries.Bucket> buckets(StatsService stats, KpiSeries.Step step, Instant from, Instant to) {
        try {
            return stats.buckets(step, from, to);
        } catch (KpiSeries.TooLongException e) {
            throw ProblemException.invalid("from", e.getMessage());
        }
    }

    static KpiSeries.Step step(String step) {
        try {
            return KpiSeries.Step.parse(step);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", "must be one of MONTH, WEEK");
        }
    }

    GroupBy groupBy() {
        try {
            return GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be one of cluster, district, bank, product");
        }
    }

    KpiFilter filter() {
        try {
            return new KpiFilter(cluster, district, bankId);
        } catch (KpiFilter.InvalidFilterException e) {
            throw ProblemException.invalid(e.parameter(), e.getMessage());
        }
    }
}
