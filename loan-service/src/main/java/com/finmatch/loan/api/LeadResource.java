package com.finmatch.loan.api;

import com.finmatch.loan.domain.DeclineReason;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.loan.service.LeadDetails;
import com.finmatch.loan.service.LeadService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Leads: applications to a bank's products, with their service level, and the bank's decisions on them. */
@Path("/api/v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    @Inject
    LeadService leads;

    @Inject
    Clock clock;

    /** A bank's own leads, earliest due first; the administrator and the finance bureau see all (filter bankId). */
    @AuditedRead
    @GET
    @RolesAllowed({Caller.BANK, Caller.ADMIN, Caller.FINANCE_BUREAU})
    public PageResponse<LeadView> listLeads(@QueryParam("bankId") @Size(max = 40) String bankId,
            @QueryParam("status") @Size(max = 40) String status,
            @QueryParam("overdue") @Size(max = 5) String overdue, @BeanParam @Valid PageRequest page) {
        Instant now = clock.instant();
        PageResponse<com.finmatch.loan.domain.Lead> found = leads.list(QueryParams.code(bankId, "bankId"),
                QueryParams.enumValue(status, LeadStatus.class, "status"), QueryParams.bool(overdue, "overdue"),
                page, now);
        return new PageResponse<>(found.items().stream().map(l -> LeadView.of(l, null, now)).toList(),
                found.page(), found.size(), found.total());
    }

    /** The published list of coded decline reasons. */
    @GET
    @Path("/decline-reasons")
    @APIResponse(responseCode = "200", description = "Every reason a bank may give for a decline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = DeclineReasonView.class, maxItems = 50)))
    public List<DeclineReasonView> declineReasons() {
        return Arrays.stream(DeclineReason.values())
                .map(r -> new DeclineReasonView(r.name(), r.zh, r.en, r.requiresNote())).toList();
    }

    @AuditedRead
    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.BANK, Caller.ADMIN, Caller.FINANCE_BUREAU})
    @APIResponse(responseCode = "200", description = "The lead",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    public Response getLead(@PathParam("id") UUID id) {
        return respond(leads.get(id, clock.instant()));
    }

    /** Only the bank that owns the lead decides on it: no administrator or bureau decides on a bank's behalf (403). */
    @POST
    @Path("/{id}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.BANK)
    @APIResponse(responseCode = "200", description = "The lead after the decision",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response decideOnLead(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest decision) {
        return respond(leads.decide(id, decision, clock.instant()));
    }

    private Response respond(LeadDetails details) {
        return EntityTags.ok(LeadView.of(details.lead(), details.enterprise(), clock.instant()), details.lead().version);
    }

    public record DeclineReasonView(@Size(max = 40) String code, @Size(max = 200) String zh, @Size(max = 200) String en,
            boolean noteRequired) {
    }
}
