package com.finmatch.portal.admin;

import com.finmatch.portal.client.ClientJson;
import com.finmatch.portal.client.loan.api.PolicyToolResourceApi;
import com.finmatch.portal.client.loan.model.PageResponsePolicyToolView;
import com.finmatch.portal.client.loan.model.PolicyToolRequest;
import com.finmatch.portal.client.loan.model.PolicyToolView;
import com.finmatch.portal.web.EditForm;
import com.finmatch.portal.web.FormPost;
import com.finmatch.portal.web.Forms;
import com.finmatch.portal.web.Paged;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import com.finmatch.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** Policy tools (loan-service): the paged list, creating a tool with its kind's own fields, editing one. */
@Path("/admin/policy-tools")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.FINANCE_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class PolicyToolPages {
    static final int POLICY_TOOLS_PAGE = 50;
    /** The policy-tool form: every field an administrator writes (the kind's own: rate, pool, share, caps, usage). */
    static final EditForm POLICY_TOOL_FORM = new EditForm(Set.of("kind", "name", "description", "subsidyRate",
            "coverageShare", "poolSize", "exposureUsed", "perEnterpriseCap", "budget", "budgetUsed", "guaranteeFeeRate",
            "validFrom", "validTo", "active"));

    @Inject
    @RestClient
    PolicyToolResourceApi policyToolApi;

    @Inject
    @Location("admin/policy-tools.html")
    Template policyTools;

    @Inject
    @Location("admin/policy-tool-form.html")
    Template policyToolForm;

    @GET
    public TemplateInstance policyTools(@QueryParam("done") String done, @QueryParam("page") Integer page) {
        return policyToolsPage(Paged.number(page), Map.of(), Map.of(), done);
    }

    @POST
    public Object createPolicyTool(@BeanParam PolicyToolForm form) {
        Map<String, Object> body = form.body();
        return FormPost.submit(() -> policyToolApi.createPolicyTool(ClientJson.request(body, PolicyToolRequest.class)),
                "/admin/policy-tools?done=tool_created", p -> policyToolsPage(0, body, p.fieldErrors(), null));
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance editPolicyTool(@PathParam("id") String id) {
        Forms.requireUuid(id);
        PolicyToolView tool = policyToolApi.getPolicyTool(UUID.fromString(id));
        return policyToolForm.data("v", tool).data("active", PolicyToolForm.active(tool.getActive()))
                .data("errors", Map.of()).data("id", id).data("version", tool.getVersion());
    }

    @POST
    @Path("{id}")
    public Object savePolicyTool(@PathParam("id") String id, @RestForm String version, @BeanParam PolicyToolForm form) {
        Forms.requireUuid(id);
        Map<String, Object> body = form.body();
        UUID toolId = UUID.fromString(id);
        return FormPost.submit(() -> {
            PolicyToolView stored = policyToolApi.getPolicyTool(toolId);
            policyToolApi.updatePolicyTool(toolId, POLICY_TOOL_FORM.overlay(stored, body, PolicyToolRequest.class),
                    EditForm.ifMatch(version));
        }, "/admin/policy-tools?done=tool_saved", Set.of(412), p -> {
            Map<String, String> errors = new LinkedHashMap<>(p.fieldErrors());
            if (errors.isEmpty()) {
                errors.put("form", p.status() == 412 ? "stale_version" : String.valueOf(p.detail()));
            }
            return policyToolForm.data("v", body).data("active", PolicyToolForm.active(body.get("active")))
                    .data("errors", errors).data("id", id).data("version", version);
        });
    }

    private TemplateInstance policyToolsPage(int page, Map<String, Object> v, Map<String, String> errors, String done) {
        Paged<PolicyToolView> tools = Paged.of(policyToolApi.listPolicyTools(null, page, POLICY_TOOLS_PAGE),
                PageResponsePolicyToolView::getItems, PageResponsePolicyToolView::getTotal, page, POLICY_TOOLS_PAGE);
        return policyTools.data("tools", tools).data("v", v).data("active", PolicyToolForm.active(v.get("active")))
                .data("errors", errors).data("done", done);
    }
}
