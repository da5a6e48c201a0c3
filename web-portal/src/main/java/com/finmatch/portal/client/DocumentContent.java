package com.finmatch.portal.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * enterprise-service's document content ({@code downloadDocument}), which is not JSON: OpenAPI Generator types it as a
 * {@code File}, which the REST client would spool before the portal could pass it on; declared here with the
 * document's path so the portal relays the bytes with the type, length and file name enterprise-service sends. Every
 * JSON operation on documents is called through the generated {@code enterprise.api.DocumentResourceApi}.
 */
@RegisterRestClient(configKey = "enterprise")
@Path("/api/v1/enterprises/{id}/documents")
public interface DocumentContent {

    @GET
    @Path("/{docId}/content")
    @Produces({"application/pdf", "image/jpeg", "image/png", "application/problem+json"})
    RestResponse<InputStream> download(@PathParam("id") UUID id, @PathParam("docId") UUID docId);
}
