package com.finmatch.portal.enterprise;

import com.finmatch.portal.client.DocumentContent;
import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.enterprise.api.DocumentResourceApi;
import com.finmatch.portal.client.enterprise.model.DocumentView;
import com.finmatch.portal.client.enterprise.model.EnterpriseView;
import com.finmatch.portal.client.enterprise.model.MaterialKind;
import com.finmatch.portal.client.enterprise.model.PageResponseDocumentView;
import com.finmatch.portal.web.Paged;
import com.finmatch.portal.web.Uploads;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The enterprise's documents (申请材料): the list, upload (a kind and a PDF, JPEG or PNG of at most 10 MiB, checked by
 * enterprise-service), download and delete. Every call names the caller's own enterprise; enterprise-service answers
 * 404 for a document that is not its.
 */
@Path("/enterprise/documents")
@RolesAllowed("enterprise")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    static final List<String> KINDS = Arrays.stream(MaterialKind.values()).map(MaterialKind::toString).toList();
    /** What enterprise-service answers for a file it refuses: bad input, over quota, too large, not a PDF/JPEG/PNG. */
    static final Set<Integer> REFUSALS = Set.of(400, 409, 413, 415, 422);

    @Inject
    MyEnterprise my;

    @Inject
    @RestClient
    DocumentResourceApi documents;

    @Inject
    @RestClient
    DocumentContent content;

    @Inject
    @Location("enterprise/documents.html")
    Template page;

    @GET
    public TemplateInstance list(@QueryParam("done") String done, @QueryParam("kind") String kind) {
        return page(my.require(), KINDS.contains(kind) ? kind : null, null).data("done", done);
    }

    /** Sends the file to enterprise-service from disk; a file it refuses is shown on the page with its reasons. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("kind") String kind, @RestForm("file") FileUpload file) {
        EnterpriseView me = my.require();
        if (!KINDS.contains(kind) || file == null || file.uploadedFile() == null || file.size() == 0) {
            return refused(me, kind, new Problem(400, null, Map.of(KINDS.contains(kind) ? "file" : "kind",
                    KINDS.contains(kind) ? "document_file_missing" : "document_kind_missing")));
        }
        java.nio.file.Path named = null;
        try {
            named = Uploads.named(file, "document");
            documents.uploadDocument(me.getId(), named.toFile(), MaterialKind.fromValue(kind));
            return Response.seeOther(URI.create("/enterprise/documents?done=document_uploaded")).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (REFUSALS.contains(status)) {
                return refused(me, kind, Problem.of(e));
            }
            throw e;
        } finally {
            Uploads.delete(named);
        }
    }

    /** The content as enterprise-service sends it: type, length and the file name as an attachment. */
    @GET
    @Path("{docId}/content")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("docId") String docId) {
        EnterpriseView me = my.require();
        RestResponse<InputStream> r = content.download(me.getId(), uuid(docId));
        Response.ResponseBuilder out = Response.ok(r.getEntity(), r.getMediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", r.getHeaderString("Content-Disposition"));
        String length = r.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return (length == null ? out : out.header(HttpHeaders.CONTENT_LENGTH, length)).build();
    }

    @POST
    @Path("{docId}/delete")
    public Response delete(@PathParam("docId") String docId) {
        EnterpriseView me = my.require();
        documents.deleteDocument(uuid(docId), me.getId());
        return Response.seeOther(URI.create("/enterprise/documents?done=document_deleted")).build();
    }

    private TemplateInstance page(EnterpriseView me, String kind, Problem problem) {
        List<DocumentView> items = Paged.all(n -> documents.listDocuments(me.getId(), n, Paged.MAX),
                PageResponseDocumentView::getItems, PageResponseDocumentView::getTotal);
        return page.data("documents", items).data("kinds", KINDS).data("kind", kind).data("problem", problem)
                .data("done", null);
    }

    private Response refused(EnterpriseView me, String kind, Problem problem) {
        int status = problem.status() >= 400 && problem.status() < 500 ? problem.status() : 400;
        return Response.status(status).entity(page(me, kind, problem)).type(MediaType.TEXT_HTML).build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
