package com.finmatch.matching.api;

import com.finmatch.matching.domain.kpi.GroupBy;
import com.finmatch.matching.domain.kpi.KpiFilter;
import com.finmatch.matching.service.StatsService;
import com.finmatch.platform.http.ProblemException;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

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

    /** The summary this query asks for over the period; a parameter that does not parse is a 400 naming it. */
    StatsService.Summary run(StatsService stats, Period period) {
        GroupBy dimension;
        try {
            dimension = GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("groupBy", "must be one of cluster, district, bank, product");
        }
        KpiFilter filter;
        try {
            filter = new KpiFilter(cluster, district, bankId);
        } catch (KpiFilter.InvalidFilterException e) {
            throw ProblemException.invalid(e.parameter(), e.getMessage());
        }
        return stats.summary(dimension, filter, period.start(), period.end());
    }
}
