package com.finmatch.loan.api;

import com.finmatch.loan.domain.LeadMessage;
import com.finmatch.loan.service.LeadMessageService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.util.UUID;

/**
 * A lead's message thread between its bank and the enterprise that applied (both may read and post; the overseers
 * read). A caller who is neither side gets 404, as for a lead that does not exist.
 */
@Path("/api/v1/leads/{applicationId}/messages")
@Produces(MediaType.APPLICATION_JSON)
public class LeadMessageResource {

    @Inject
    LeadMessageService messages;

    @Inject
    Clock clock;

    /** The thread, oldest first. */
    @AuditedRead
    @GET
    @RolesAllowed({Caller.BANK, Caller.ENTERPRISE, Caller.ADMIN, Caller.FINANCE_BUREAU})
    public PageResponse<LeadMessageView> listLeadMessages(@PathParam("applicationId") UUID applicationId,
            @BeanParam @Valid PageRequest page) {
        PageResponse<LeadMessage> found = messages.list(applicationId, page);
        return new PageResponse<>(found.items().stream().map(LeadMessageView::of).toList(), found.page(),
                found.size(), found.total());
    }

    /** Posts as the caller's side of the lead; 409 once the thread is closed (30 days after a final status) or full. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.BANK, Caller.ENTERPRISE})
    @APIResponse(responseCode = "201", description = "Posted",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LeadMessageView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response postLeadMessage(@PathParam("applicationId") UUID applicationId,
            @NotNull @Valid LeadMessageRequest request) {
        LeadMessage message = messages.post(applicationId, request.body(), clock.instant());
        return EntityTags.created("/api/v1/leads/" + applicationId + "/messages",
                LeadMessageView.of(message));
    }
}
