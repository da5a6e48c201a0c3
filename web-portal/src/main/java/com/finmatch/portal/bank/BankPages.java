package com.finmatch.portal.bank;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.loan.api.LeadResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.model.DecisionRequest;
import com.finmatch.portal.client.loan.model.LeadStatus;
import com.finmatch.portal.client.loan.model.LeadView;
import com.finmatch.portal.client.loan.model.PageResponseLeadView;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import com.finmatch.portal.client.loan.model.ProductRequest;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.client.matching.api.ScorecardResourceApi;
import com.finmatch.portal.security.CurrentUser;
import com.finmatch.portal.web.EditForm;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The bank's pages: leads inbox by due time, decisions with reason codes, products and their rules, scorecard. */
@Path("/bank")
@RolesAllowed("bank")
@Produces(MediaType.TEXT_HTML)
public class BankPages {
    static final Set<String> TRANSITIONS = Set.of("publish", "suspend", "withdraw");
    static final int EMPTY_RULE_ROWS = 3;
    /** The product form: what it shows; everything else of a product (policy tools, LPR spread, materials …) is kept. */
    static final EditForm PRODUCT_FORM = new EditForm(Set.of("name", "type", "description", "minAmount", "maxAmount",
            "minTermMonths", "maxTermMonths", "minAnnualRate", "maxAnnualRate", "guaranteeTypes", "validFrom", "validTo",
            "rules"));

    @Inject
    @RestClient
    ProductResourceApi products;

    @Inject
    @RestClient
    LeadResourceApi leads;

    @Inject
    @RestClient
    ScorecardResourceApi scorecards;

    @Inject
    CurrentUser user;

    @Inject
    @Location("bank/leads.html")
    Template leadsPage;

    @Inject
    @Location("bank/lead.html")
    Template leadPage;

    @Inject
    @Location("bank/products.html")
    Template productsPage;

    @Inject
    @Location("bank/product-form.html")
    Template productForm;

    @Inject
    @Location("bank/scorecard.html")
    Template scorecardPage;

    // ------------------------------------------------------------------------------------------------ leads

    static final int LEADS_PAGE = 100;

    /** The inbox a page at a time, as loan-service orders it (earliest due first); the pager says where it is. */
    @GET
    public TemplateInstance leads(@QueryParam("done") String done, @QueryParam("page") Integer page) {
        int n = Paged.number(page);
        Paged<LeadView> found = Paged.of(leads.listLeads(null, null, n, LEADS_PAGE, null),
                PageResponseLeadView::getItems, PageResponseLeadView::getTotal, n, LEADS_PAGE);
        return leadsPage.data("leads", sortedByDue(found.items())).data("pages", found).data("done", done);
    }

    /** Within a page: overdue first, then by due time (the soonest first); answered leads last. */
    static List<LeadView> sortedByDue(List<LeadView> leads) {
        List<LeadView> sorted = new ArrayList<>(leads);
        sorted.sort(Comparator.<LeadView, Integer>comparing(l -> open(l) ? 0 : 1)
                .thenComparing(l -> Boolean.TRUE.equals(l.getOverdue()) ? 0 : 1)
                .thenComparing(LeadView::getDueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return sorted;
    }

    static boolean open(LeadView lead) {
        LeadStatus s = lead.getStatus();
        return s == LeadStatus.SUBMITTED || s == LeadStatus.RECEIVED || s == LeadStatus.UNDER_REVIEW
                || s == LeadStatus.MATERIALS_REQUESTED;
    }

    @GET
    @Path("leads/{id}")
    public TemplateInstance lead(@PathParam("id") String id, @QueryParam("failed") String failed) {
        Forms.requireUuid(id);
        LeadView lead = leads.getLead(UUID.fromString(id));
        Map<String, Object> v = new LinkedHashMap<>();
        Forms.put(v, "amount", lead.getAmount());
        return leadPage.data("l", lead).data("errors", Map.of()).data("v", v).data("failed", failed);
    }

    @POST
    @Path("leads/{id}/decisions")
    public Object decide(@PathParam("id") String id, @RestForm String action, @RestForm String amount,
            @RestForm String rate, @RestForm String reasonCode, @RestForm String note,
            @RestForm List<String> materials) {
        Forms.requireUuid(id);
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "action", Forms.text(action));
        Forms.put(body, "amount", Forms.number(amount));
        Forms.put(body, "rate", Forms.number(rate));
        Forms.put(body, "reasonCode", Forms.text(reasonCode));
        Forms.put(body, "note", Forms.text(note));
        List<String> kinds = Forms.list(materials);
        if (!kinds.isEmpty()) {
            body.put("materials", kinds);
        }
        try {
            leads.decideOnLead(UUID.fromString(id), ClientJson.request(body, DecisionRequest.class));
            return Response.seeOther(URI.create("/bank?done=decided")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (p.status() == 409) {
                return Response.seeOther(URI.create("/bank/leads/" + id + "?failed=illegal_transition")).build();
            }
            if (!p.invalid()) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) {
                errors.put("action", p.detail() == null ? "invalid" : p.detail());
            }
            return leadPage.data("l", leads.getLead(UUID.fromString(id))).data("errors", errors).data("v", body).data("failed", null);
        }
    }

    // ------------------------------------------------------------------------------------------------ products

    @GET
    @Path("products")
    public TemplateInstance products(@QueryParam("done") String done, @QueryParam("failed") String failed) {
        Map<UUID, ProductView> byId = new LinkedHashMap<>();
        for (String status : List.of("DRAFT", "PUBLISHED", "SUSPENDED")) {
            for (ProductView p : Paged.all(n -> products.searchProducts(null, user.bankId(), null, null, n, Paged.MAX,
                    status, null, null), PageResponseProductView::getItems, PageResponseProductView::getTotal)) {
                if (user.bankId() == null || user.bankId().equals(p.getBankId())) {
                    byId.put(p.getId(), p);
                }
            }
        }
        return productsPage.data("products", new ArrayList<>(byId.values())).data("done", done).data("failed", failed);
    }

    @GET
    @Path("products/new")
    public TemplateInstance newProduct() {
        return productForm.data("v", Map.of()).data("rules", RuleRow.withEmptyRows(List.of(), EMPTY_RULE_ROWS))
                .data("errors", Map.of())
                .data("id", null).data("version", null);
    }

    @GET
    @Path("products/{id}/edit")
    public TemplateInstance editProduct(@PathParam("id") String id) {
        Forms.requireUuid(id);
        ProductView p = products.getProduct(UUID.fromString(id));
        return productForm.data("v", p).data("rules", RuleRow.withEmptyRows(RuleRow.of(p.getRules()), EMPTY_RULE_ROWS))
                .data("errors", Map.of()).data("id", id).data("version", p.getVersion());
    }

    @POST
    @Path("products")
    public Object saveProduct(@RestForm String id, @RestForm String version, @RestForm String name,
            @RestForm String type, @RestForm String description, @RestForm String minAmount,
            @RestForm String maxAmount, @RestForm String minTermMonths, @RestForm String maxTermMonths,
            @RestForm String minAnnualRate, @RestForm String maxAnnualRate, @RestForm List<String> guaranteeTypes,
            @RestForm String validFrom, @RestForm String validTo, @RestForm("ruleField") List<String> ruleField,
            @RestForm("ruleOperator") List<String> ruleOperator, @RestForm("ruleValue") List<String> ruleValue,
            @RestForm("ruleHard") List<String> ruleHard, @RestForm("ruleWeight") List<String> ruleWeight,
            @RestForm("ruleZh") List<String> ruleZh, @RestForm("ruleEn") List<String> ruleEn) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "type", Forms.text(type));
        Forms.put(body, "description", Forms.text(description));
        Forms.put(body, "minAmount", Forms.number(minAmount));
        Forms.put(body, "maxAmount", Forms.number(maxAmount));
        Forms.put(body, "minTermMonths", Forms.number(minTermMonths));
        Forms.put(body, "maxTermMonths", Forms.number(maxTermMonths));
        Forms.put(body, "minAnnualRate", Forms.number(minAnnualRate));
        Forms.put(body, "maxAnnualRate", Forms.number(maxAnnualRate));
        body.put("guaranteeTypes", Forms.list(guaranteeTypes));
        Forms.put(body, "validFrom", Forms.text(validFrom));
        Forms.put(body, "validTo", Forms.text(validTo));
        List<Map<String, Object>> rules = ProductRules.fromForm(ruleField, ruleOperator, ruleValue, ruleHard,
                ruleWeight, ruleZh, ruleEn);
        body.put("rules", rules);
        boolean existing = Forms.isUuid(id);
        try {
            if (existing) {
                UUID productId = UUID.fromString(id);
                ProductView stored = products.getProduct(productId);
                products.updateProduct(productId, PRODUCT_FORM.overlay(stored, body, ProductRequest.class),
                        EditForm.ifMatch(version));
            } else {
                products.createProduct(ClientJson.request(body, ProductRequest.class));
            }
            return Response.seeOther(URI.create("/bank/products?done=product_saved")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid() && p.status() != 412 && p.status() != 409) {
                throw e;
            }
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) {
                errors.put("form", p.status() == 412 ? "stale_version" : String.valueOf(p.detail()));
            }
            return productForm.data("v", body).data("rules", RuleRow.withEmptyRows(RuleRow.ofForm(rules), EMPTY_RULE_ROWS))
                    .data("errors", errors)
                    .data("id", existing ? id : null).data("version", version);
        }
    }

    @POST
    @Path("products/{id}/{transition}")
    public Response transition(@PathParam("id") String id, @PathParam("transition") String transition) {
        Forms.requireUuid(id);
        if (!TRANSITIONS.contains(transition)) {
            throw new NotFoundException();
        }
        try {
            UUID productId = UUID.fromString(id);
            switch (transition) {
                case "publish" -> products.publishProduct(productId);
                case "suspend" -> products.suspendProduct(productId);
                default -> products.withdrawProduct(productId);
            }
            return Response.seeOther(URI.create("/bank/products?done=product_" + transition)).build();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 409) {
                return Response.seeOther(URI.create("/bank/products?failed=illegal_transition")).build();
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------------ scorecard

    /** The bank's own scorecard as matching-service computes it for every bank (no second computation here). */
    @GET
    @Path("scorecard")
    public TemplateInstance scorecard() {
        return scorecardPage.data("s", scorecards.myBankScorecard(null, null));
    }
}
