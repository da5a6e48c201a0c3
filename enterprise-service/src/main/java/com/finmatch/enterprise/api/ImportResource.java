package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Document;
import com.finmatch.enterprise.domain.imports.ImportKind;
import com.finmatch.enterprise.domain.imports.ImportTemplates;
import com.finmatch.enterprise.service.ListImportService;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.UUID;

/**
 * List imports (issue 16 §5): an administrator uploads the 专精特新 list or cluster membership (CSV or XLSX, the
 * columns of the template), gets the row-by-row report of what applying would do, then applies it — once.
 */
@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FILE_DOC = "The list: CSV (UTF-8 or GB18030) or XLSX (the first sheet), recognised by "
            + "its content; the header row as the template's; at most 2,000 rows and 5 MiB";
    private static final String NOT_FOUND = "No such import";

    @Inject
    ListImportService imports;

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "Validated, not applied: the report of what applying would do",
            headers = @Header(name = "Location", ref = "Location"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "413", description = "The file is larger than 5 MiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "The body is not multipart/form-data",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response uploadImport(@RestForm("kind") @NotNull @Size(max = 20)
            @Schema(required = true, enumeration = {"SRDI", "CLUSTER"}, maxLength = 20,
                    description = "SRDI: the 专精特新 and other recognitions (tags); CLUSTER: cluster membership")
            String kind,
            @RestForm("file") @NotNull @Schema(type = SchemaType.STRING, format = "binary", maxLength = 5242880,
                    description = FILE_DOC) FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "must not be null");
        }
        ImportView view = imports.preview(kindOf(kind), Document.fileNameOf(file.fileName()), file.uploadedFile());
        return Response.created(java.net.URI.create("/api/v1/imports/" + view.id())).entity(view).build();
    }

    /** The kind by its name; a part of another name is a 400 naming {@code kind}. */
    private static ImportKind kindOf(String kind) {
        try {
            return ImportKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "must be one of " + java.util.Arrays.toString(ImportKind.values()));
        }
    }

    @GET
    @Path("/{importId}")
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "200", description = "The import and its report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ImportView getImport(@PathParam("importId") UUID importId) {
        return imports.get(importId);
    }

    /** Idempotent: an import applied already answers what it did, and changes and publishes nothing. */
    @POST
    @Path("/{importId}/apply")
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @APIResponse(responseCode = "200", description = "Applied (now or before): the report of what it did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", ref = "Problem412")
    public ImportView applyImport(@PathParam("importId") UUID importId) {
        return imports.apply(importId);
    }

    /** The template of a list: its header row and an example row. */
    @GET
    @Path("/templates/{kind}")
    @RolesAllowed({Caller.ADMIN, Caller.INDUSTRY_BUREAU})
    @Produces({"text/csv", XLSX, Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The template, as an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment with the file name",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = {
                    @Content(mediaType = "text/csv", schema = @Schema(implementation = ImportTemplateCsv.class)),
                    @Content(mediaType = XLSX, schema = @Schema(implementation = ImportTemplateXlsx.class))})
    @APIResponse(responseCode = "404", description = "No such list", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response downloadImportTemplate(@PathParam("kind") @Size(max = 20)
            @Schema(enumeration = {"SRDI", "CLUSTER"}, maxLength = 20) String kindName,
            @Parameter(description = "csv (the default) or xlsx") @QueryParam("format") @Size(max = 4)
            @Pattern(regexp = "^(csv|xlsx)$", message = "must be csv or xlsx") String format) {
        ImportKind kind = java.util.Arrays.stream(ImportKind.values()).filter(k -> k.name().equals(kindName))
                .findFirst().orElseThrow(() -> ProblemException.notFound("list " + kindName));
        boolean xlsx = "xlsx".equals(format);
        String name = "finmatch-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-template."
                + (xlsx ? "xlsx" : "csv");
        return Response.ok(xlsx ? ImportTemplates.xlsx(kind) : ImportTemplates.csv(kind),
                        xlsx ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
