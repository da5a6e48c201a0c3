package com.finmatch.portal.admin;

import com.finmatch.portal.client.MatchingStreams;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.matching.api.StatsResourceApi;
import com.finmatch.portal.client.matching.model.Kpis;
import com.finmatch.portal.client.matching.model.Summary;
import com.finmatch.portal.web.CatalogueResource;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The administrator's KPI dashboard (matching-service's summary: charts and tables, filtered) and its CSV export. */
@Path("/admin")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    @Inject
    @RestClient
    StatsResourceApi stats;

    @Inject
    @RestClient
    MatchingStreams matchingText;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    @Location("admin/dashboard.html")
    Template dashboard;

    /** The filters of a dashboard request (query parameters). */
    public static class Query {
        @QueryParam("groupBy")
        public String groupBy;
        @QueryParam("from")
        public String from;
        @QueryParam("to")
        public String to;
        @QueryParam("cluster")
        public String cluster;
        @QueryParam("district")
        public String district;
        @QueryParam("bankId")
        public String bankId;

        StatsFilter filter() {
            return StatsFilter.of(groupBy, from, to, cluster, district, bankId);
        }
    }

    @GET
    public TemplateInstance dashboard(@BeanParam Query query) {
        StatsFilter f = query.filter();
        Summary summary = summary(f);
        // the summary's total as its own value: the generated Summary's fluent setter total(Kpis) hides getTotal() from
        // Qute's type check of {s.total.…}
        return dashboard.data("total", summary.getTotal() == null ? new Kpis() : summary.getTotal()).data("f", f).data("banks", CatalogueResource.banksOrNone(bankRegistry))
                .data("groups", summary.getGroups() == null ? List.of() : summary.getGroups());
    }

    /** The same summary as JSON for the charts (same origin, the session cookie; no token in the browser). */
    @GET
    @Path("stats.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Summary statsJson(@BeanParam Query query) {
        return summary(query.filter());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@BeanParam Query query) {
        StatsFilter f = query.filter();
        String csv = matchingText.export(f.groupBy(), f.from(), f.to(), f.cluster(), f.district(), f.bankId());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-kpis-" + f.groupBy() + ".csv\"").build();
    }

    private Summary summary(StatsFilter f) {
        return stats.statsSummary(f.bankId(), f.cluster(), f.district(), f.from(), f.groupBy(), f.to());
    }
}
