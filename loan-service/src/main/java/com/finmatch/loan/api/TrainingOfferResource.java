package com.finmatch.loan.api;

import com.finmatch.loan.domain.TrainingEnrolment;
import com.finmatch.loan.domain.TrainingOffer;
import com.finmatch.loan.domain.TrainingOfferStatus;
import com.finmatch.loan.service.TrainingOfferService;
import com.finmatch.platform.audit.AuditedRead;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.UUID;

/** IPO-training offers (上市培育): administrators publish, change and close; anyone reads; enterprises enrol. */
@Path("/api/v1/training-offers")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingOfferResource {

    @Inject
    TrainingOfferService offers;

    @GET
    public PageResponse<TrainingOfferView> listTrainingOffers(@QueryParam("status") @Size(max = 40) String status,
            @BeanParam @Valid PageRequest page) {
        PageResponse<TrainingOffer> found = offers.list(
                QueryParams.enumValue(status, TrainingOfferStatus.class, "status"), page);
        return new PageResponse<>(found.items().stream().map(TrainingOfferView::of).toList(), found.page(),
                found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The training offer", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingOfferView.class)))
    public Response getTrainingOffer(@PathParam("id") UUID id) {
        return respond(offers.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "201", description = "Published",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingOfferView.class)))
    public Response publishTrainingOffer(@NotNull @Valid TrainingOfferRequest request) {
        TrainingOffer offer = offers.publish(request);
        return EntityTags.created("/api/v1/training-offers/" + offer.id, TrainingOfferView.of(offer), offer.version);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "200", description = "The training offer as changed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingOfferView.class)))
    @APIResponse(responseCode = "412", ref = "Problem412")
    @APIResponse(responseCode = "428", ref = "Problem428")
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response updateTrainingOffer(@PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = 40) String ifMatch,
            @NotNull @Valid TrainingOfferRequest request) {
        return respond(offers.update(id, ifMatch, request));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "200", description = "The training offer, closed", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrainingOfferView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    public Response closeTrainingOffer(@PathParam("id") UUID id) {
        return respond(offers.close(id));
    }

    @POST
    @Path("/{id}/enrolments")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "201", description = "Enrolled",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnrolmentView.class)))
    @APIResponse(responseCode = "409", ref = "Problem409")
    @APIResponse(responseCode = "422", description = "The caller's enterprise fails the offer's entry criteria, "
            + "named in failedRules", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = EnrolmentProblems.NotEligibleProblem.class)))
    @APIResponse(responseCode = "503", ref = "Problem503")
    public Response enrolInTrainingOffer(@PathParam("id") UUID id) {
        TrainingEnrolment e = offers.enrol(id);
        return EntityTags.created("/api/v1/training-offers/" + id + "/enrolments/" + e.id, EnrolmentView.of(e));
    }

    @AuditedRead
    @GET
    @Path("/{id}/enrolments")
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    public PageResponse<EnrolmentView> listEnrolments(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        PageResponse<TrainingEnrolment> found = offers.enrolments(id, page);
        return new PageResponse<>(found.items().stream().map(EnrolmentView::of).toList(), found.page(), found.size(),
                found.total());
    }

    private static Response respond(TrainingOffer offer) {
        return EntityTags.ok(TrainingOfferView.of(offer), offer.version);
    }

    public record EnrolmentView(UUID id, UUID offerId, @Size(max = 255) String enterpriseSub, UUID enterpriseId,
            Instant enrolledAt) {
        static EnrolmentView of(TrainingEnrolment e) {
            return new EnrolmentView(e.id, e.offerId, e.enterpriseSub, e.enterpriseId, e.enrolledAt);
        }
    }
}
