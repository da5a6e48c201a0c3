package com.finmatch.portal.admin;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.EnterpriseClient;
import com.finmatch.portal.client.Json;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.PolicyToolResourceApi;
import com.finmatch.portal.client.loan.api.TrainingOfferResourceApi;
import com.finmatch.portal.client.loan.model.BankRequest;
import com.finmatch.portal.client.loan.model.PageResponsePolicyToolView;
import com.finmatch.portal.client.loan.model.PageResponseTrainingOfferView;
import com.finmatch.portal.client.loan.model.PolicyToolRequest;
import com.finmatch.portal.client.loan.model.PolicyToolView;
import com.finmatch.portal.client.loan.model.TrainingOfferRequest;
import com.finmatch.portal.client.loan.model.TrainingOfferView;
import com.finmatch.portal.client.MatchingClient;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.EditForm;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import com.finmatch.portal.web.ReferenceData;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    TrainingOfferResourceApi trainingOffers;

    @Inject
    @RestClient
    PolicyToolResourceApi policyToolApi;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

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
    @Location("admin/policy-tool-form.html")
    Template policyToolForm;

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
        return dashboard.data("s", summary).data("f", f).data("banks", CatalogueResource.banksOrNone(bankRegistry))
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
            recent = Json.list(matching.matches(null, null, null, null, null, 0, 20));
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
            cards = Json.list(matching.bankScorecards(0, 200)); // a city's banks fit one page
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
        return training.data("offers", allOffers()).data("v", Map.of())
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
            trainingOffers.publishTrainingOffer(ClientJson.request(body, TrainingOfferRequest.class));
            return Response.seeOther(URI.create("/admin/training-offers?done=offer_published")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return training.data("offers", allOffers()).data("v", body)
                    .data("errors", p.fieldErrors()).data("done", null);
        }
    }

    @POST
    @Path("training-offers/{id}/close")
    public Response closeOffer(@PathParam("id") String id) {
        Forms.requireUuid(id);
        trainingOffers.closeTrainingOffer(java.util.UUID.fromString(id));
        return Response.seeOther(URI.create("/admin/training-offers?done=offer_closed")).build();
    }

    // ------------------------------------------------------------------------------------------------ policy tools

    static final int POLICY_TOOLS_PAGE = 50;
    /** The policy-tool form: every field an administrator writes (the kind's own: rate, pool, share, caps, usage). */
    static final EditForm POLICY_TOOL_FORM = new EditForm(Set.of("kind", "name", "description", "subsidyRate",
            "coverageShare", "poolSize", "exposureUsed", "perEnterpriseCap", "budget", "budgetUsed", "guaranteeFeeRate",
            "validFrom", "validTo", "active"));

    @GET
    @Path("policy-tools")
    public TemplateInstance policyTools(@QueryParam("done") String done, @QueryParam("page") Integer page) {
        return policyToolsPage(Paged.number(page), Map.of(), Map.of(), done);
    }

    @POST
    @Path("policy-tools")
    public Object createPolicyTool(@BeanParam PolicyToolForm form) {
        Map<String, Object> body = form.body();
        try {
            policyToolApi.createPolicyTool(ClientJson.request(body, PolicyToolRequest.class));
            return Response.seeOther(URI.create("/admin/policy-tools?done=tool_created")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return policyToolsPage(0, body, p.fieldErrors(), null);
        }
    }

    @GET
    @Path("policy-tools/{id}/edit")
    public TemplateInstance editPolicyTool(@PathParam("id") String id) {
        Forms.requireUuid(id);
        PolicyToolView tool = policyToolApi.getPolicyTool(java.util.UUID.fromString(id));
        return policyToolForm.data("v", tool).data("active", PolicyToolForm.active(tool.getActive()))
                .data("errors", Map.of()).data("id", id).data("version", tool.getVersion());
    }

    @POST
    @Path("policy-tools/{id}")
    public Object savePolicyTool(@PathParam("id") String id, @RestForm String version, @BeanParam PolicyToolForm form) {
        Forms.requireUuid(id);
        Map<String, Object> body = form.body();
        try {
            java.util.UUID toolId = java.util.UUID.fromString(id);
            PolicyToolView stored = policyToolApi.getPolicyTool(toolId);
            policyToolApi.updatePolicyTool(toolId, POLICY_TOOL_FORM.overlay(stored, body, PolicyToolRequest.class),
                    EditForm.ifMatch(version));
            return Response.seeOther(URI.create("/admin/policy-tools?done=tool_saved")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid() && p.status() != 412) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) {
                errors.put("form", p.status() == 412 ? "stale_version" : String.valueOf(p.detail()));
            }
            return policyToolForm.data("v", body).data("active", PolicyToolForm.active(body.get("active")))
                    .data("errors", errors)
                    .data("id", id).data("version", version);
        }
    }

    private TemplateInstance policyToolsPage(int page, Map<String, Object> v, Map<String, String> errors, String done) {
        Paged<PolicyToolView> tools = Paged.of(policyToolApi.listPolicyTools(null, page, POLICY_TOOLS_PAGE),
                PageResponsePolicyToolView::getItems, PageResponsePolicyToolView::getTotal, page, POLICY_TOOLS_PAGE);
        return policyTools.data("tools", tools).data("v", v).data("active", PolicyToolForm.active(v.get("active"))).data("errors", errors).data("done", done);
    }

    // ------------------------------------------------------------------------------------------------ banks

    @GET
    @Path("banks")
    public TemplateInstance banks(@QueryParam("done") String done) {
        return banks.data("banks", CatalogueResource.banks(bankRegistry)).data("v", Map.of()).data("errors", Map.of())
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
            bankRegistry.registerBank(ClientJson.request(body, BankRequest.class));
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
            return banks.data("banks", CatalogueResource.banks(bankRegistry)).data("v", body).data("errors", errors)
                    .data("done", null);
        }
    }

    // ------------------------------------------------------------------------------------------------ clusters, projects

    @GET
    @Path("clusters")
    public TemplateInstance clusters() {
        return clusters.data("codes", ReferenceData.CLUSTERS);
    }

    static final int PROJECTS_PAGE = 50;

    /**
     * The major-project library as enterprise-service pages it, with each project's enterprise named; a failure of
     * either call is the error page, never a shorter list.
     */
    @GET
    @Path("projects")
    public TemplateInstance projects(@QueryParam("cluster") String cluster, @QueryParam("district") String district,
            @QueryParam("page") Integer page) {
        int n = Paged.number(page);
        Paged<Map<String, Object>> found = Paged.of(enterprises.projectLibrary(Forms.text(district), Forms.text(cluster), n, PROJECTS_PAGE),
                n, PROJECTS_PAGE);
        Map<String, String> names = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> p : found.items()) {
            String enterpriseId = Json.text(p, "enterpriseId");
            Map<String, Object> row = new LinkedHashMap<>(p);
            if (Forms.isUuid(enterpriseId)) {
                row.put("enterpriseName", names.computeIfAbsent(enterpriseId,
                        id -> Json.text(enterprises.enterprise(id).getEntity(), "name")));
            }
            rows.add(row);
        }
        StringBuilder base = new StringBuilder("/admin/projects?");
        for (String[] kv : new String[][] {{"cluster", Forms.text(cluster)}, {"district", Forms.text(district)}}) {
            if (kv[1] != null) {
                base.append(kv[0]).append('=').append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8)).append('&');
            }
        }
        return projects.data("rows", rows).data("pages", new Paged(rows, n, PROJECTS_PAGE, found.total()))
                .data("base", base.toString()).data("cluster", Forms.text(cluster)).data("district", Forms.text(district));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private List<TrainingOfferView> allOffers() {
        return Paged.all(n -> trainingOffers.listTrainingOffers(n, Paged.MAX, null), PageResponseTrainingOfferView::getItems,
                PageResponseTrainingOfferView::getTotal);
    }

    private Map<String, String> bankNames() {
        return CatalogueResource.bankNames(CatalogueResource.banksOrNone(bankRegistry));
    }

}
