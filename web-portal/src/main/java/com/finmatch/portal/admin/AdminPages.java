package com.finmatch.portal.admin;

import com.finmatch.portal.client.CatalogClient;
import com.finmatch.portal.client.EnterpriseClient;
import com.finmatch.portal.client.Json;
import com.finmatch.portal.client.LoanClient;
import com.finmatch.portal.client.MatchingClient;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.ReferenceData;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The administrator's pages: the KPI dashboard (charts and tables, filtered), the live feed of matches, bank
 * scorecards, CSV export, training offers, policy tools, the bank registry, clusters and the major-project library.
 */
@Path("/admin")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {
    static final Set<String> GROUP_BY = Set.of("cluster", "district", "bank", "product");

    @Inject
    @RestClient
    MatchingClient matching;

    @Inject
    @RestClient
    LoanClient loans;

    @Inject
    @RestClient
    CatalogClient catalog;

    @Inject
    @RestClient
    EnterpriseClient enterprises;

    @Inject
    @Location("admin/dashboard.html")
    Template dashboard;

    @Inject
    @Location("admin/feed.html")
    Template feed;

    @Inject
    @Location("admin/scorecards.html")
    Template scorecards;

    @Inject
    @Location("admin/training.html")
    Template training;

    @Inject
    @Location("admin/policy-tools.html")
    Template policyTools;

    @Inject
    @Location("admin/banks.html")
    Template banks;

    @Inject
    @Location("admin/clusters.html")
    Template clusters;

    @Inject
    @Location("admin/projects.html")
    Template projects;

    /** The dashboard's filters, as the form shows them again and as the query string of the chart data and CSV. */
    @io.quarkus.qute.TemplateData
    public record StatsFilter(String groupBy, String from, String to, String cluster, String district, String bankId) {
        static StatsFilter of(String groupBy, String from, String to, String cluster, String district, String bankId) {
            return new StatsFilter(groupBy != null && GROUP_BY.contains(groupBy) ? groupBy : "cluster", date(from), date(to),
                    Forms.text(cluster), Forms.text(district), Forms.text(bankId));
        }

        private static String date(String s) {
            String t = Forms.text(s);
            return t != null && t.matches("\\d{4}-\\d{2}-\\d{2}") ? t : null;
        }

        public String query() {
            StringBuilder q = new StringBuilder("groupBy=").append(groupBy);
            for (String[] kv : new String[][] {{"from", from}, {"to", to}, {"cluster", cluster},
                    {"district", district}, {"bankId", bankId}}) {
                if (kv[1] != null) {
                    q.append('&').append(kv[0]).append('=')
                            .append(java.net.URLEncoder.encode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return q.toString();
        }
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cluster") String cluster,
            @QueryParam("district") String district, @QueryParam("bankId") String bankId) {
        StatsFilter f = StatsFilter.of(groupBy, from, to, cluster, district, bankId);
        Object summary = matching.summary(f.groupBy(), f.from(), f.to(), f.cluster(), f.district(), f.bankId());
        return dashboard.data("s", summary).data("f", f).data("banks", banksOrNone())
                .data("groups", summary instanceof Map<?, ?> m && m.get("groups") instanceof List<?> l ? l : List.of());
    }

    /** The same summary as JSON for the charts (same origin, the session cookie; no token in the browser). */
    @GET
    @Path("stats.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Object statsJson(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cluster") String cluster,
            @QueryParam("district") String district, @QueryParam("bankId") String bankId) {
        StatsFilter f = StatsFilter.of(groupBy, from, to, cluster, district, bankId);
        return matching.summary(f.groupBy(), f.from(), f.to(), f.cluster(), f.district(), f.bankId());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response export(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("cluster") String cluster,
            @QueryParam("district") String district, @QueryParam("bankId") String bankId) {
        StatsFilter f = StatsFilter.of(groupBy, from, to, cluster, district, bankId);
        String csv = matching.export(f.groupBy(), f.from(), f.to(), f.cluster(), f.district(), f.bankId());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-kpis-" + f.groupBy() + ".csv\"").build();
    }

    // ------------------------------------------------------------------------------------------------ live feed

    @GET
    @Path("feed")
    public TemplateInstance feed() {
        List<Map<String, Object>> recent = List.of();
        boolean down = false;
        try {
            recent = CatalogClient.list(matching.matches(null, null, null, null, null, 0, 20));
        } catch (RuntimeException e) {
            down = true;
        }
        return feed.data("recent", recent).data("down", down);
    }

    /** The matches as they happen: matching-service's SSE stream relayed with the administrator's token. */
    @GET
    @Path("feed/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<String> stream() {
        return matching.matchStream();
    }

    // ------------------------------------------------------------------------------------------------ scorecards

    @GET
    @Path("scorecards")
    public TemplateInstance scorecards() {
        List<Map<String, Object>> cards;
        try {
            cards = CatalogClient.list(matching.bankScorecards(0, 200)); // a city's banks fit one page
        } catch (WebApplicationException e) {
            if (e.getResponse() == null || e.getResponse().getStatus() != 404) {
                throw e;
            }
            cards = List.of(); // matching-service has no scorecards yet: the page says there is no data
        }
        return scorecards.data("cards", cards).data("banks", bankNames());
    }

    // ------------------------------------------------------------------------------------------------ training offers

    @GET
    @Path("training-offers")
    public TemplateInstance training(@QueryParam("done") String done) {
        return training.data("offers", CatalogClient.list(catalog.trainingOffers())).data("v", Map.of())
                .data("errors", Map.of()).data("done", done);
    }

    @POST
    @Path("training-offers")
    public Object publishOffer(@RestForm String organiser, @RestForm String title, @RestForm String format,
            @RestForm String startsOn, @RestForm String endsOn, @RestForm String seats) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "organiser", Forms.text(organiser));
        Forms.put(body, "title", Forms.text(title));
        Forms.put(body, "format", Forms.text(format));
        Forms.put(body, "startsOn", Forms.text(startsOn));
        Forms.put(body, "endsOn", Forms.text(endsOn));
        Forms.put(body, "seats", Forms.number(seats));
        body.put("rules", List.of());
        try {
            loans.publishTrainingOffer(body);
            return Response.seeOther(URI.create("/admin/training-offers?done=offer_published")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return training.data("offers", CatalogClient.list(catalog.trainingOffers())).data("v", body)
                    .data("errors", p.fieldErrors()).data("done", null);
        }
    }

    @POST
    @Path("training-offers/{id}/close")
    public Response closeOffer(@PathParam("id") String id) {
        Forms.requireUuid(id);
        loans.closeTrainingOffer(id);
        return Response.seeOther(URI.create("/admin/training-offers?done=offer_closed")).build();
    }

    // ------------------------------------------------------------------------------------------------ policy tools

    @GET
    @Path("policy-tools")
    public TemplateInstance policyTools(@QueryParam("done") String done) {
        return policyTools.data("tools", CatalogClient.list(catalog.policyTools())).data("v", Map.of())
                .data("errors", Map.of()).data("done", done);
    }

    @POST
    @Path("policy-tools")
    public Object createPolicyTool(@RestForm String name, @RestForm String type, @RestForm String description,
            @RestForm String validFrom, @RestForm String validTo) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "type", Forms.text(type));
        Forms.put(body, "description", Forms.text(description));
        Forms.put(body, "validFrom", Forms.text(validFrom));
        Forms.put(body, "validTo", Forms.text(validTo));
        try {
            loans.createPolicyTool(body);
            return Response.seeOther(URI.create("/admin/policy-tools?done=tool_created")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return policyTools.data("tools", CatalogClient.list(catalog.policyTools())).data("v", body)
                    .data("errors", p.fieldErrors()).data("done", null);
        }
    }

    // ------------------------------------------------------------------------------------------------ banks

    @GET
    @Path("banks")
    public TemplateInstance banks(@QueryParam("done") String done) {
        return banks.data("banks", CatalogClient.list(catalog.banks())).data("v", Map.of()).data("errors", Map.of())
                .data("done", done);
    }

    @POST
    @Path("banks")
    public Object registerBank(@RestForm String bankId, @RestForm String name, @RestForm String responseHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "bankId", Forms.text(bankId));
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "responseHours", Forms.number(responseHours));
        try {
            loans.registerBank(body);
            return Response.seeOther(URI.create("/admin/banks?done=bank_registered")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid() && p.status() != 409) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (p.status() == 409) {
                errors.put("bankId", "bank_exists");
            }
            return banks.data("banks", CatalogClient.list(catalog.banks())).data("v", body).data("errors", errors)
                    .data("done", null);
        }
    }

    // ------------------------------------------------------------------------------------------------ clusters, projects

    @GET
    @Path("clusters")
    public TemplateInstance clusters() {
        return clusters.data("codes", ReferenceData.CLUSTERS);
    }

    @GET
    @Path("projects")
    public TemplateInstance projects(@QueryParam("cluster") String cluster, @QueryParam("district") String district) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> e : Json.items(enterprises.search(Forms.text(district), Forms.text(cluster), 0, 50))) {
            try {
                for (Map<String, Object> p : CatalogClient.list(enterprises.projects(Json.text(e, "id")))) {
                    Map<String, Object> row = new LinkedHashMap<>(p);
                    row.put("enterpriseName", e.get("name"));
                    row.put("clusterCode", e.get("clusterCode"));
                    row.put("districtCode", p.getOrDefault("districtCode", e.get("districtCode")));
                    rows.add(row);
                }
            } catch (RuntimeException ex) {
                // an enterprise whose projects cannot be read is left out of the list
            }
        }
        return projects.data("rows", rows).data("cluster", Forms.text(cluster)).data("district", Forms.text(district));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<Map<String, Object>> banksOrNone() {
        try {
            return CatalogClient.list(catalog.banks());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Map<String, String> bankNames() {
        return CatalogueResource.bankNames(banksOrNone());
    }

}
