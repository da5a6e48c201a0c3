package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.EnterpriseClient;
import com.finmatch.portal.client.Json;
import com.finmatch.portal.client.loan.api.BankResourceApi;
import com.finmatch.portal.client.loan.api.ProductResourceApi;
import com.finmatch.portal.client.loan.api.TrainingOfferResourceApi;
import com.finmatch.portal.client.loan.model.PageResponseProductView;
import com.finmatch.portal.client.loan.model.PageResponseTrainingOfferView;
import com.finmatch.portal.client.loan.model.ProductView;
import com.finmatch.portal.client.loan.model.TrainingOfferView;
import com.finmatch.portal.client.MatchingClient;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.web.CatalogueResource;
import com.finmatch.portal.web.EditForm;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import com.finmatch.portal.web.Uscc;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The enterprise's pages: profile (register, edit), financing needs, recommendations with reasons and near misses,
 * one-click applications and their timeline, consents and the access log, major projects, IPO-training enrolment.
 */
@Path("/enterprise")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class EnterprisePages {
    /** The profile form: what it shows; everything else of the profile (contacts, revenue growth …) is kept. */
    static final EditForm PROFILE_FORM = new EditForm(Set.of("uscc", "name", "legalRepresentative", "foundedOn",
            "registeredCapital", "districtCode", "industryCode", "clusterCode", "sizeClass", "tags", "employees",
            "annualRevenue", "netProfit", "totalAssets", "totalLiabilities", "taxPaid", "rdRatio", "patents",
            "creditRating", "listingIntention", "targetBoard"));

    @Inject
    @RestClient
    EnterpriseClient enterprises;

    @Inject
    @RestClient
    MatchingClient matching;

    @Inject
    @RestClient
    TrainingOfferResourceApi trainingOffers;

    @Inject
    @RestClient
    ProductResourceApi catalog;

    @Inject
    @RestClient
    BankResourceApi bankRegistry;

    @Inject
    @Location("enterprise/home.html")
    Template home;

    @Inject
    @Location("enterprise/profile.html")
    Template profile;

    @Inject
    @Location("enterprise/need.html")
    Template needForm;

    @Inject
    @Location("enterprise/recommendations.html")
    Template recommendations;

    @Inject
    @Location("enterprise/applications.html")
    Template applications;

    @Inject
    @Location("enterprise/apply.html")
    Template applyConfirm;

    @Inject
    @Location("enterprise/consents.html")
    Template consents;

    @Inject
    @Location("enterprise/projects.html")
    Template projects;

    // ------------------------------------------------------------------------------------------------ home

    @GET
    public Response home(@QueryParam("done") String done) {
        Map<String, Object> me = mine();
        if (me == null) {
            return Response.seeOther(URI.create("/enterprise/profile")).build();
        }
        String id = Json.text(me, "id");
        List<Map<String, Object>> needs = Paged.all(n -> enterprises.needs(id, n, Paged.MAX));
        List<Map<String, Object>> apps = Paged.all(n -> enterprises.myApplications(n, Paged.MAX));
        return Response.ok(home.data("e", me).data("needs", needs).data("apps", apps).data("done", done)).build();
    }

    // ------------------------------------------------------------------------------------------------ profile

    @GET
    @Path("profile")
    public TemplateInstance profileForm() {
        RestResponse<Map<String, Object>> me = mineResponse();
        Map<String, Object> values = me == null ? Json.object() : new LinkedHashMap<>(me.getEntity());
        String version = me == null ? null : etag(me);
        return profile.data("v", values).data("errors", Map.of()).data("registered", me != null)
                .data("version", version).data("problem", null);
    }

    @POST
    @Path("profile")
    public Object saveProfile(@RestForm String id, @RestForm String version, @RestForm String uscc,
            @RestForm String name, @RestForm String legalRepresentative, @RestForm String foundedOn,
            @RestForm String registeredCapital, @RestForm String districtCode, @RestForm String industryCode,
            @RestForm String clusterCode, @RestForm String sizeClass, @RestForm List<String> tags,
            @RestForm String employees, @RestForm String annualRevenue, @RestForm String netProfit,
            @RestForm String totalAssets, @RestForm String totalLiabilities, @RestForm String taxPaid,
            @RestForm String rdRatio, @RestForm String patents, @RestForm String creditRating,
            @RestForm String listingIntention, @RestForm String targetBoard) {
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "uscc", Forms.text(uscc) == null ? null : Forms.text(uscc).toUpperCase());
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "legalRepresentative", Forms.text(legalRepresentative));
        Forms.put(body, "foundedOn", Forms.text(foundedOn));
        Forms.put(body, "registeredCapital", Forms.number(registeredCapital));
        Forms.put(body, "districtCode", Forms.text(districtCode));
        Forms.put(body, "industryCode", Forms.text(industryCode));
        Forms.put(body, "clusterCode", Forms.text(clusterCode));
        Forms.put(body, "sizeClass", Forms.text(sizeClass));
        body.put("tags", Forms.list(tags));
        Forms.put(body, "employees", Forms.number(employees));
        Forms.put(body, "annualRevenue", Forms.number(annualRevenue));
        Forms.put(body, "netProfit", Forms.number(netProfit));
        Forms.put(body, "totalAssets", Forms.number(totalAssets));
        Forms.put(body, "totalLiabilities", Forms.number(totalLiabilities));
        Forms.put(body, "taxPaid", Forms.number(taxPaid));
        Forms.put(body, "rdRatio", Forms.number(rdRatio));
        Forms.put(body, "patents", Forms.number(patents));
        Forms.put(body, "creditRating", Forms.text(creditRating));
        Forms.put(body, "listingIntention", Forms.text(listingIntention));
        Forms.put(body, "targetBoard", Forms.text(targetBoard));

        boolean registered = Forms.isUuid(id);
        Map<String, String> errors = new LinkedHashMap<>();
        String usccProblem = Uscc.problem((String) body.get("uscc"));
        if (usccProblem != null) {
            errors.put("uscc", usccProblem);
        }
        if (errors.isEmpty()) {
            try {
                if (registered) {
                    Map<String, Object> stored = enterprises.enterprise(id).getEntity();
                    enterprises.update(id, EditForm.ifMatch(version), PROFILE_FORM.overlay(stored, body,
                            com.finmatch.portal.client.enterprise.model.EnterpriseRequest.class));
                } else {
                    enterprises.register(body);
                }
                return Response.seeOther(URI.create("/enterprise?done=" + (registered ? "profile_saved" : "registered"))).build();
            } catch (WebApplicationException e) {
                Problem p = Problem.of(e);
                if (p.status() != 400 && p.status() != 409 && p.status() != 412 && p.status() != 428) {
                    throw e;
                }
                errors.putAll(p.fieldErrors());
                return rerender(body, id, version, registered, errors, p);
            }
        }
        return rerender(body, id, version, registered, errors, null);
    }

    private TemplateInstance rerender(Map<String, Object> body, String id, String version, boolean registered,
            Map<String, String> errors, Problem problem) {
        Map<String, Object> values = new LinkedHashMap<>(body);
        if (registered) {
            values.put("id", id);
        }
        return profile.data("v", values).data("errors", errors).data("registered", registered)
                .data("version", version).data("problem", problem);
    }

    // ------------------------------------------------------------------------------------------------ needs

    @GET
    @Path("needs/new")
    public TemplateInstance newNeed() {
        Map<String, Object> me = requireMine();
        return needForm.data("e", me).data("v", Map.of()).data("errors", Map.of()).data("problem", null)
                .data("projects", Paged.all(n -> enterprises.projects(Json.text(me, "id"), n, Paged.MAX)));
    }

    @POST
    @Path("needs")
    public Object openNeed(@RestForm String amount, @RestForm String termMonths, @RestForm String purpose,
            @RestForm List<String> guaranteeTypes, @RestForm String maxAnnualRate, @RestForm String neededBy,
            @RestForm String projectId) {
        Map<String, Object> me = requireMine();
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "amount", Forms.number(amount));
        Forms.put(body, "termMonths", Forms.number(termMonths));
        Forms.put(body, "purpose", Forms.text(purpose));
        body.put("guaranteeTypes", Forms.list(guaranteeTypes));
        Forms.put(body, "maxAnnualRate", Forms.number(maxAnnualRate));
        Forms.put(body, "neededBy", Forms.text(neededBy));
        Forms.put(body, "projectId", Forms.isUuid(projectId) ? projectId : null);
        try {
            enterprises.openNeed(Json.text(me, "id"), body);
            return Response.seeOther(URI.create("/enterprise/recommendations?done=need_opened")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid() && p.status() != 409) {
                throw e;
            }
            return needForm.data("e", me).data("v", body).data("errors", p.fieldErrors()).data("problem", p)
                    .data("projects", Paged.all(n -> enterprises.projects(Json.text(me, "id"), n, Paged.MAX)));
        }
    }

    @POST
    @Path("needs/{needId}/withdraw")
    public Response withdrawNeed(@PathParam("needId") String needId) {
        Map<String, Object> me = requireMine();
        Forms.requireUuid(needId);
        enterprises.withdrawNeed(Json.text(me, "id"), needId);
        return Response.seeOther(URI.create("/enterprise?done=need_withdrawn")).build();
    }

    // ------------------------------------------------------------------------------------------------ recommendations

    @GET
    @Path("recommendations")
    public TemplateInstance recommendations(@QueryParam("done") String done, @QueryParam("failed") String failed) {
        return recommendationsPage(requireMine(), done, failed, null);
    }

    /** The recommendations page; {@code enrolRefusal}: an enrolment refused for unmet entry criteria, or null. */
    private TemplateInstance recommendationsPage(Map<String, Object> me, String done, String failed,
            EnrolRefusal enrolRefusal) {
        List<Map<String, Object>> needs = Paged.all(n -> enterprises.needs(Json.text(me, "id"), n, Paged.MAX));
        Map<String, Map<String, Object>> needById = new LinkedHashMap<>();
        for (Map<String, Object> n : needs) {
            needById.put(Json.text(n, "id"), n);
        }
        Object answer = matching.myRecommendations();
        List<Map<String, Object>> recs = recommendationList(answer);
        Map<String, Map<String, Object>> projectById = new LinkedHashMap<>();
        if (recs.stream().anyMatch(r -> r.get("projectId") != null)) {
            for (Map<String, Object> p : Paged.all(n -> enterprises.projects(Json.text(me, "id"), n, Paged.MAX))) {
                projectById.put(Json.text(p, "id"), p);
            }
        }
        Map<String, String> productNames = new LinkedHashMap<>();
        try {
            for (ProductView p : Paged.all(n -> catalog.searchProducts(null, null, null, null, n, Paged.MAX, null, null, null),
                    PageResponseProductView::getItems, PageResponseProductView::getTotal)) {
                productNames.put(p.getId().toString(), p.getName());
            }
        } catch (RuntimeException e) {
            // names of near misses are a nicety: without them the page links the product id
        }
        Map<String, TrainingOfferView> offers = new LinkedHashMap<>();
        try {
            for (TrainingOfferView o : Paged.all(n -> trainingOffers.listTrainingOffers(n, Paged.MAX, null),
                    PageResponseTrainingOfferView::getItems, PageResponseTrainingOfferView::getTotal)) {
                offers.put(o.getId().toString(), o);
            }
        } catch (RuntimeException e) {
            // the offer titles are shown when loan-service answers
        }
        return recommendations.data("recs", recs).data("needs", needById).data("projects", projectById).data("openNeeds",
                needs.stream().filter(n -> "OPEN".equals(n.get("status"))).toList())
                .data("productNames", productNames).data("offers", offers).data("done", done).data("failed", failed)
                .data("enrolRefusal", enrolRefusal).data("listingOffers", listingReadinessOffers(answer))
                .data("bankNames", bankNames());
    }

    /** Why loan-service refused an enrolment (422): the offer and the entry criteria the enterprise does not meet. */
    @io.quarkus.qute.TemplateData
    public record EnrolRefusal(String offerId, List<com.finmatch.portal.client.loan.model.Message> failedRules) {
    }

    /** The training offers of the answer's listing-readiness section (no financing need required), or none. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> listingReadinessOffers(Object body) {
        if (body instanceof Map<?, ?> m && m.get("listingReadiness") instanceof Map<?, ?> readiness
                && readiness.get("trainingOffers") instanceof List<?> offers) {
            return (List<Map<String, Object>>) offers;
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> recommendationList(Object body) {
        if (body instanceof Map<?, ?> m && !m.containsKey("items")) {
            for (String key : List.of("recommendations", "needs")) {
                if (m.get(key) instanceof List<?>) {
                    return (List<Map<String, Object>>) m.get(key);
                }
            }
            return m.containsKey("products") ? List.of((Map<String, Object>) m) : List.of();
        }
        return Json.list(body);
    }

    /**
     * The apply step's confirm page: which categories the product's bank may see (PROFILE ticked; FINANCIALS,
     * CONTACTS), until when (90 days), a preview of exactly the fields and values it will see, and applying without
     * consent (an anonymous lead).
     */
    @GET
    @Path("apply")
    public TemplateInstance confirmApplication(@QueryParam("needId") String needId,
            @QueryParam("projectId") String projectId, @QueryParam("productId") String productId) {
        Map<String, Object> me = requireMine();
        Forms.requireUuid(productId);
        ProductView product = productOrId(productId);
        if (!Forms.isUuid(needId) && Forms.isUuid(projectId)) {
            Map<String, Object> project = enterprises.project(Json.text(me, "id"), projectId);
            return applyPage(me, null, product, List.of("PROFILE"), defaultApplyExpiry(), Map.of())
                    .data("project", project).data("gap", ProjectGapForm.defaults(project, product));
        }
        Forms.requireUuid(needId);
        return applyPage(me, needId, product, List.of("PROFILE"), defaultApplyExpiry(), Map.of());
    }

    /**
     * Applies: {@code share=consent} with the chosen consent, {@code share=anonymous} without one. Without
     * {@code share} (a recommendation's apply button) it sends the browser to the confirm page first. For a major
     * project's financing gap ({@code projectId} instead of {@code needId}) it applies against the project's need.
     */
    @POST
    @Path("applications")
    public Object apply(@RestForm String needId, @RestForm String productId, @RestForm String share,
            @RestForm List<String> categories, @RestForm String expiresOn, @BeanParam ProjectGapForm gap) {
        Map<String, Object> me = requireMine();
        Forms.requireUuid(productId);
        boolean forProject = !Forms.isUuid(needId) && gap.present();
        if (!forProject) {
            Forms.requireUuid(needId);
        }
        boolean withConsent = "consent".equals(share);
        if (!withConsent && !"anonymous".equals(share)) {
            String target = forProject ? "projectId=" + gap.projectId : "needId=" + needId;
            return Response.seeOther(URI.create("/enterprise/apply?" + target + "&productId=" + productId)).build();
        }
        Map<String, Object> project = forProject ? enterprises.project(Json.text(me, "id"), gap.projectId) : null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId);
        if (withConsent) {
            List<String> chosen = Forms.list(categories);
            if (chosen.isEmpty()) {
                return applyAgain(me, needId, productId, project, gap, chosen, expiresOn,
                        Map.of("categories", "choose_category"));
            }
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("categories", chosen);
            consent.put("expiresAt", expiresAt(expiresOn));
            body.put("consent", consent);
        }
        try {
            body.put("financingNeedId", forProject ? gap.needFor(enterprises, Json.text(me, "id"), project) : needId);
            enterprises.apply(body);
            return Response.seeOther(URI.create("/enterprise/applications?done="
                    + (withConsent ? "applied_with_consent" : "applied"))).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 409) {
                return Response.seeOther(URI.create("/enterprise/recommendations?failed=already_applied")).build();
            }
            if (status == 422) {
                return Response.seeOther(URI.create("/enterprise/recommendations?failed=not_published")).build();
            }
            Problem p = Problem.of(e);
            if ((withConsent || forProject) && p.invalid()) {
                Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
                if (errors.containsKey("expiresAt")) { // the API's expiresAt is the form's expiresOn
                    errors.put("expiresOn", errors.remove("expiresAt"));
                }
                return applyAgain(me, needId, productId, project, gap, Forms.list(categories), expiresOn, errors);
            }
            throw e;
        }
    }

    private TemplateInstance applyAgain(Map<String, Object> me, String needId, String productId,
            Map<String, Object> project, ProjectGapForm gap, List<String> checked, String expiresOn,
            Map<String, String> errors) {
        TemplateInstance page = applyPage(me, project == null ? needId : null, productOrId(productId), checked,
                expiresOn, errors);
        return project == null ? page : page.data("project", project).data("gap", gap.values());
    }

    /** The product applied for; one loan-service does not show (any more) is named by its id alone. */
    private ProductView productOrId(String productId) {
        Forms.requireUuid(productId);
        try {
            return catalog.getProduct(java.util.UUID.fromString(productId));
        } catch (WebApplicationException e) {
            return new ProductView().id(java.util.UUID.fromString(productId));
        }
    }

    private TemplateInstance applyPage(Map<String, Object> me, String needId, ProductView product,
            List<String> checked, String expiresOn, Map<String, String> errors) {
        return applyConfirm.data("needId", needId).data("productId", product.getId().toString()).data("product", product)
                .data("bankNames", bankNames())
                .data("preview", ConsentPreview.of(enterprises.dataCategories(), me, checked))
                .data("expiresOn", expiresOn).data("errors", errors).data("project", null).data("gap", Map.of());
    }

    private static String defaultApplyExpiry() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();
    }

    /** A form's expiry date as the API's {@code expiresAt} (start of that day, UTC); what was typed when not a date. */
    private static String expiresAt(String expiresOn) {
        if (expiresOn == null || expiresOn.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.of(LocalDate.parse(expiresOn.trim()).atStartOfDay(), ZoneOffset.UTC).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return expiresOn;
        }
    }

    @POST
    @Path("training/{offerId}/enrol")
    public Response enrol(@PathParam("offerId") String offerId) {
        Map<String, Object> me = requireMine();
        Forms.requireUuid(offerId);
        try {
            trainingOffers.enrolInTrainingOffer(java.util.UUID.fromString(offerId));
            return Response.seeOther(URI.create("/enterprise/recommendations?done=enrolled")).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 409) {
                return Response.seeOther(URI.create("/enterprise/recommendations?failed=enrol_refused")).build();
            }
            if (status == 422) { // not eligible: show the entry criteria the enterprise does not meet
                EnrolRefusal refusal = new EnrolRefusal(offerId, Problem.failedRules(e));
                return Response.status(422).entity(recommendationsPage(me, null, null, refusal)).build();
            }
            if (status == 503) { // the profile has not reached loan-service yet
                return Response.seeOther(URI.create("/enterprise/recommendations?failed=enrol_retry")).build();
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------------ applications

    @GET
    @Path("applications")
    public TemplateInstance applications(@QueryParam("done") String done) {
        requireMine();
        List<Map<String, Object>> apps = Paged.all(n -> enterprises.myApplications(n, Paged.MAX));
        return applications.data("apps", apps).data("done", done)
                .data("bankNames", bankNames());
    }

    @POST
    @Path("applications/{id}/withdraw")
    public Response withdrawApplication(@PathParam("id") String id) {
        Forms.requireUuid(id);
        enterprises.withdrawApplication(id);
        return Response.seeOther(URI.create("/enterprise/applications?done=application_withdrawn")).build();
    }

    // ------------------------------------------------------------------------------------------------ consents

    @GET
    @Path("consents")
    public TemplateInstance consents(@QueryParam("done") String done) {
        Map<String, Object> me = requireMine();
        String id = Json.text(me, "id");
        return consents.data("consents", Paged.all(n -> enterprises.consents(id, n, Paged.MAX)))
                .data("log", Paged.all(n -> enterprises.accessLog(id, n, Paged.MAX)))
                .data("banks", CatalogueResource.banks(bankRegistry)).data("done", done).data("errors", Map.of())
                .data("defaultExpiry", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
    }

    @POST
    @Path("consents")
    public Object grant(@RestForm String bankId, @RestForm List<String> categories, @RestForm String expiresOn) {
        Map<String, Object> me = requireMine();
        String id = Json.text(me, "id");
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "bankId", Forms.text(bankId));
        body.put("categories", Forms.list(categories));
        Forms.put(body, "expiresAt", expiresAt(expiresOn));
        try {
            enterprises.grantConsent(id, body);
            return Response.seeOther(URI.create("/enterprise/consents?done=consent_granted")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return consents.data("consents", Paged.all(n -> enterprises.consents(id, n, Paged.MAX)))
                    .data("log", Paged.all(n -> enterprises.accessLog(id, n, Paged.MAX)))
                    .data("banks", CatalogueResource.banks(bankRegistry)).data("done", null).data("errors", p.fieldErrors())
                    .data("defaultExpiry", expiresOn);
        }
    }

    @POST
    @Path("consents/{consentId}/revoke")
    public Response revoke(@PathParam("consentId") String consentId) {
        Map<String, Object> me = requireMine();
        Forms.requireUuid(consentId);
        enterprises.revokeConsent(Json.text(me, "id"), consentId);
        return Response.seeOther(URI.create("/enterprise/consents?done=consent_revoked")).build();
    }

    // ------------------------------------------------------------------------------------------------ projects

    @GET
    @Path("projects")
    public TemplateInstance projects(@QueryParam("done") String done) {
        Map<String, Object> me = requireMine();
        return projects.data("projects", Paged.all(n -> enterprises.projects(Json.text(me, "id"), n, Paged.MAX)))
                .data("done", done).data("v", Map.of()).data("errors", Map.of());
    }

    @POST
    @Path("projects")
    public Object registerProject(@RestForm String name, @RestForm String description,
            @RestForm String investmentAmount, @RestForm String financingGap, @RestForm String stage,
            @RestForm String termMonths) {
        Map<String, Object> me = requireMine();
        String id = Json.text(me, "id");
        Map<String, Object> body = new LinkedHashMap<>();
        Forms.put(body, "name", Forms.text(name));
        Forms.put(body, "description", Forms.text(description));
        Forms.put(body, "investmentAmount", Forms.number(investmentAmount));
        Forms.put(body, "financingGap", Forms.number(financingGap));
        Forms.put(body, "stage", Forms.text(stage));
        Forms.put(body, "termMonths", Forms.number(termMonths));
        try {
            enterprises.registerProject(id, body);
            return Response.seeOther(URI.create("/enterprise/projects?done=project_registered")).build();
        } catch (WebApplicationException e) {
            Problem p = Problem.of(e);
            if (!p.invalid()) {
                throw e;
            }
            return projects.data("projects", Paged.all(n -> enterprises.projects(id, n, Paged.MAX))).data("done", null)
                    .data("v", body).data("errors", p.fieldErrors());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The caller's enterprise, or null before registration (enterprise-service answers 404). */
    private Map<String, Object> mine() {
        RestResponse<Map<String, Object>> r = mineResponse();
        return r == null ? null : r.getEntity();
    }

    private RestResponse<Map<String, Object>> mineResponse() {
        try {
            return enterprises.mine();
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    private Map<String, Object> requireMine() {
        Map<String, Object> me = mine();
        if (me == null) {
            throw new WebApplicationException(Response.seeOther(URI.create("/enterprise/profile")).build());
        }
        return me;
    }

    /** The version an edit form is opened at: the body's {@code version} (the same value as the ETag). */
    private static String etag(RestResponse<?> r) {
        Object version = r.getEntity() instanceof Map<?, ?> m ? m.get("version") : null;
        return version == null ? null : version.toString();
    }

    /** Banks' names for labels; when loan-service does not answer, the pages show the bank ids instead. */
    private Map<String, String> bankNames() {
        try {
            return CatalogueResource.bankNames(CatalogueResource.banks(bankRegistry));
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
