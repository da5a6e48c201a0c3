package com.finmatch.platform.events;

import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Every service's dead letters (admin): list them with their reason, re-drive one or all through the inbox.
 * Provided by the platform, so each service has it with its own channels.
 */
@Path("/api/v1/admin/dead-letters")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    Caller caller;

    @GET
    public List<DeadLetters.DeadLetter> listDeadLetters(@QueryParam("includeRedriven") @DefaultValue("false") boolean all) {
        return deadLetters.list(all);
    }

    @POST
    @Path("/{id}/redrive")
    public DeadLetters.DeadLetter redriveDeadLetter(@PathParam("id") @Size(max = 300) String id) {
        return deadLetters.redrive(id, caller.subject());
    }

    @POST
    @Path("/redrive-all")
    public DeadLetters.Redriven redriveAllDeadLetters() {
        return deadLetters.redriveAll(caller.subject());
    }
}
