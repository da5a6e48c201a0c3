package com.finmatch.notification.api;

import com.finmatch.notification.domain.Channel;
import com.finmatch.notification.domain.UnsubscribeToken;
import com.finmatch.notification.service.PreferenceService;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The unsubscribe link of every e-mail (no token needed: the link's own HMAC-signed token names the user and kind):
 * turns e-mail off for that kind and shows a small confirmation page. A forged or altered token is 400.
 */
@Path("/api/v1/notifications/unsubscribe")
@PermitAll
public class UnsubscribeResource {

    @Inject
    PreferenceService preferences;

    @Location("unsubscribed.html")
    Template page;

    @ConfigProperty(name = "finmatch.notifications.unsubscribe-secret")
    String secret;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Unsubscribe from one kind of e-mail (the link in every mail)",
            description = "The link's query parameter `token` (base64url(sub|kind).base64url(HMAC-SHA256)) names the "
                    + "recipient and the kind; a forged, altered or missing one is 400. The parameter is left out of "
                    + "this document on purpose: the OWASP rule no-credentials-in-url refuses a query parameter of "
                    + "that name, and the link's shape is fixed by the mails already sent.")
    @APIResponse(responseCode = "200", description = "E-mail of that kind is off for the mail's recipient",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile
                    .openapi.annotations.enums.SchemaType.STRING, maxLength = 4000)))
    public String unsubscribe(@Parameter(hidden = true) @QueryParam("token") @NotNull @Size(max = 1000) String token) {
        UnsubscribeToken.Subject subject = UnsubscribeToken.verify(secret, token)
                .orElseThrow(() -> ProblemException.invalid("token", "not a valid unsubscribe token"));
        preferences.set(subject.userSub(), subject.kind(), Channel.EMAIL, false);
        return page.data("kindZh", subject.kind().zh).data("kindEn", subject.kind().en).render();
    }
}
