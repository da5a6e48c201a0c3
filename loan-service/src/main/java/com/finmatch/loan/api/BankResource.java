package com.finmatch.loan.api;

import com.finmatch.loan.domain.Bank;
import com.finmatch.loan.service.BankService;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The bank registry: who the banks are and how many working hours each promises for answering a lead. */
@Path("/api/v1/banks")
@Produces(MediaType.APPLICATION_JSON)
public class BankResource {

    @Inject
    BankService banks;

    @GET
    public PageResponse<BankView> listBanks(@BeanParam @Valid PageRequest page) {
        PageResponse<Bank> found = banks.list(page);
        return new PageResponse<>(found.items().stream().map(BankView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/{bankId}")
    @APIResponse(responseCode = "200", description = "The bank", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankView.class)))
    public Response getBank(@PathParam("bankId") @Size(max = 40) String bankId) {
        Bank bank = banks.get(bankId);
        return EntityTags.ok(BankView.of(bank), bank.version);
    }

    @PUT
    @Path("/{bankId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FINANCE_BUREAU})
    @APIResponse(responseCode = "200", description = "The bank as changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankView.class)))
    @APIResponse(responseCode = "412", ref = "Problem412")
    @APIResponse(responseCode = "428", ref = "Problem428")
    public Response updateBank(@PathParam("bankId") @Size(max = 40) String bankId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 40) String ifMatch,
            @NotNull @Valid BankRequest request) {
        Bank bank = banks.update(bankId, ifMatch, request);
        return EntityTags.ok(BankView.of(bank), bank.version);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.FINANCE_BUREAU})
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response registerBank(@NotNull @Valid BankRequest request) {
        Bank bank = banks.register(request);
        return EntityTags.created("/api/v1/banks/" + bank.bankId, BankView.of(bank));
    }

    public record BankView(@Size(max = 40) String bankId, @Size(max = 200) String name,
            @Min(1) @Max(2000) int responseHours) {
        static BankView of(Bank b) {
            return new BankView(b.bankId, b.name, b.responseHours);
        }
    }
}
