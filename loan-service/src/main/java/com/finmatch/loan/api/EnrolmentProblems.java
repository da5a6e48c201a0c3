package com.finmatch.loan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.service.NotEligibleException;
import com.finmatch.loan.service.ProfileNotReplicatedException;
import com.finmatch.platform.http.Problem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The problem+json answers of an enrolment refused before a seat is taken: 422 with the failed entry criteria, 503
 * with {@code Retry-After} while the caller's profile is not replicated yet.
 */
public class EnrolmentProblems {

    /** RFC 9457 problem with the extension member {@code failedRules: [{zh, en}]}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotEligibleProblem(@Size(max = 500) String type, @Size(max = 200) String title,
            @Min(100) @Max(599) int status, @Size(max = 2000) String detail,
            @Size(max = 50) List<Rule.Message> failedRules) {
    }

    @ServerExceptionMapper
    public Response notEligible(NotEligibleException e) {
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new NotEligibleProblem(
                "https://finmatch.example/problems/422", "Not eligible", 422, e.getMessage(), e.failedRules())).build();
    }

    @ServerExceptionMapper
    public Response notReplicated(ProfileNotReplicatedException e) {
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(ProfileNotReplicatedException.RETRY_AFTER_SECONDS))
                .entity(Problem.of(503, "Profile not available yet", e.getMessage())).build();
    }
}
