package com.finmatch.portal.admin;

import com.finmatch.portal.client.Problem;
import com.finmatch.portal.client.enterprise.api.ImportResourceApi;
import com.finmatch.portal.client.enterprise.model.ImportView;
import com.finmatch.portal.security.CurrentUser;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * List imports (issue 16 §5) for administrators: upload the 专精特新 list or cluster membership, read the row-by-row
 * report enterprise-service answers, apply it, download the templates.
 */
@Path("/admin/imports")
@RolesAllowed({CurrentUser.ADMIN, CurrentUser.INDUSTRY_BUREAU})
@Produces(MediaType.TEXT_HTML)
public class ImportPages {

    static final List<String> KINDS = List.of("SRDI", "CLUSTER");

    @Inject
    @RestClient
    ImportResourceApi imports;

    @Inject
    @Location("admin/imports.html")
    Template page;

    @Inject
    @Location("admin/import.html")
    Template report;

    @GET
    public TemplateInstance form() {
        return page.data("kinds", KINDS).data("kind", null).data("problem", null);
    }

    /** Sends the file to enterprise-service (a dry run) and shows its report; a refused file is shown on the form. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("kind") String kind, @RestForm("file") FileUpload file) {
        if (!KINDS.contains(kind) || file == null || file.uploadedFile() == null) {
            return refused(kind, new Problem(400, null, java.util.Map.of(KINDS.contains(kind) ? "file" : "kind",
                    "-")));
        }
        java.nio.file.Path named = null;
        try {
            // the part is sent under the file's own name: the report shows the name the administrator chose
            named = Uploads.named(file, "list");
            ImportView view = imports.uploadImport(kind, named.toFile());
            return Response.seeOther(URI.create("/admin/imports/" + view.getId())).build();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status == 400 || status == 413) {
                return refused(kind, Problem.of(e));
            }
            throw e;
        } finally {
            Uploads.delete(named);
        }
    }

    private Response refused(String kind, Problem problem) {
        return Response.status(400).entity(page.data("kinds", KINDS).data("kind", kind).data("problem", problem))
                .type(MediaType.TEXT_HTML).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        return report.data("i", imports.getImport(uuid(id))).data("done", done).data("failed", null);
    }

    /** Applies the import; applying one applied already changes nothing (enterprise-service answers its report). */
    @POST
    @Path("{id}/apply")
    public Response apply(@PathParam("id") String id) {
        UUID importId = uuid(id);
        imports.applyImport(importId);
        return Response.seeOther(URI.create("/admin/imports/" + importId + "?done=import_applied")).build();
    }

    @GET
    @Path("templates/{kind}")
    @Produces("text/csv")
    public Response template(@PathParam("kind") String kind) {
        if (!KINDS.contains(kind)) {
            throw new NotFoundException();
        }
        return Response.ok(imports.downloadImportTemplate(kind, "csv"), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-" + kind.toLowerCase(java.util.Locale.ROOT)
                        + "-template.csv\"")
                .build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
