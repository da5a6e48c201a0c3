package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Document;
import com.finmatch.platform.contracts.MaterialKind;
import com.finmatch.enterprise.service.DocumentService;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An enterprise's documents (PDF, JPEG, PNG; 10 MiB a file; a quota per enterprise): its owner uploads, replaces and
 * deletes them; the owner and a bank under a live DOCUMENTS consent list and download them (a bank's reads are
 * logged). The server spools an upload to a file, never to memory, and the content goes in and out in chunks.
 */
@Path("/api/v1/enterprises/{id}/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private static final String NOT_FOUND = "No such enterprise or document, or not visible to the caller (the same "
            + "answer; a bank needs a live consent with DOCUMENTS)";
    private static final String FILE_DOC = "The file: PDF, JPEG or PNG by its content, at most 10 MiB";
    private static final String TOO_LARGE = "The file is larger than 10 MiB";
    private static final String NOT_MULTIPART = "The body is not multipart/form-data";
    private static final String OVER_QUOTA = "The enterprise's documents would exceed its quota";

    @Inject
    DocumentService documents;

    @POST
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "Stored",
            headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = ApiDocs.NOT_FOUND_ENTERPRISE,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = OVER_QUOTA, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = NOT_MULTIPART,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response uploadDocument(@PathParam("id") UUID id, @RestForm("kind") @NotNull @Schema(required = true) MaterialKind kind,
            @RestForm("file") @NotNull @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760,
                    description = FILE_DOC) FileUpload file) {
        DocumentView stored = documents.upload(id, upload(kind, file));
        return EntityTags.created("/api/v1/enterprises/" + id + "/documents/" + stored.id(), stored,
                stored.version());
    }

    @GET
    @RolesAllowed({Caller.ENTERPRISE, Caller.BANK})
    public PageResponse<DocumentView> listDocuments(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return documents.list(id, page);
    }

    @GET
    @Path("/{docId}")
    @RolesAllowed({Caller.ENTERPRISE, Caller.BANK})
    @APIResponse(responseCode = "200", description = "The document's metadata",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response getDocument(@PathParam("id") UUID id, @PathParam("docId") UUID docId) {
        DocumentView view = documents.get(id, docId);
        return EntityTags.ok(view, view.version());
    }

    @PUT
    @Path("/{docId}")
    @RolesAllowed(Caller.ENTERPRISE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "200", description = "Replaced (kind, name and content)",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = OVER_QUOTA, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", ref = "Problem412")
    @APIResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = NOT_MULTIPART,
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "428", ref = "Problem428")
    public Response replaceDocument(@PathParam("id") UUID id, @PathParam("docId") UUID docId,
            @Parameter(description = ApiDocs.IF_MATCH_DOC) @HeaderParam(HttpHeaders.IF_MATCH)
            @Size(max = ApiDocs.IF_MATCH_MAX) String ifMatch,
            @RestForm("kind") @NotNull @Schema(required = true) MaterialKind kind,
            @RestForm("file") @NotNull @Schema(type = SchemaType.STRING, format = "binary", maxLength = 10485760,
                    description = FILE_DOC) FileUpload file) {
        DocumentView replaced = documents.replace(id, docId, ifMatch, upload(kind, file));
        return EntityTags.ok(replaced, replaced.version());
    }

    @DELETE
    @Path("/{docId}")
    @RolesAllowed(Caller.ENTERPRISE)
    @APIResponse(responseCode = "204", description = "Deleted with its content")
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response deleteDocument(@PathParam("id") UUID id, @PathParam("docId") UUID docId) {
        documents.delete(id, docId);
        return Response.noContent().build();
    }

    /** The content, streamed a chunk at a time, with the type it was recognised as. */
    @GET
    @Path("/{docId}/content")
    @RolesAllowed({Caller.ENTERPRISE, Caller.BANK})
    @Produces({"application/pdf", "image/jpeg", "image/png", Problem.MEDIA_TYPE})
    @APIResponse(responseCode = "200", description = "The content, as an attachment",
            headers = {@Header(name = "Content-Disposition", description = "attachment with the file name",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 1000)),
                    @Header(name = "Content-Length", description = "Bytes",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1",
                                    maximum = "10485760"))},
            content = {
                    @Content(mediaType = "application/pdf", schema = @Schema(implementation = DocumentBytes.class)),
                    @Content(mediaType = "image/jpeg", schema = @Schema(implementation = DocumentBytes.class)),
                    @Content(mediaType = "image/png", schema = @Schema(implementation = DocumentBytes.class))})
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response downloadDocument(@PathParam("id") UUID id, @PathParam("docId") UUID docId) {
        DocumentService.Download download = documents.download(id, docId);
        StreamingOutput body = out -> {
            for (int seq = 0; seq < download.chunks(); seq++) {
                byte[] chunk = documents.chunk(download, seq);
                if (chunk == null) {
                    throw new IOException("document " + docId + " was replaced or deleted while it was sent");
                }
                out.write(chunk);
            }
        };
        DocumentView view = download.view();
        return Response.ok(body, view.contentType())
                .header(HttpHeaders.CONTENT_LENGTH, view.size())
                .header("Content-Disposition", contentDisposition(view.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static DocumentService.Upload upload(MaterialKind kind, FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "must not be null");
        }
        return new DocumentService.Upload(kind, Document.fileNameOf(file.fileName()), file.uploadedFile());
    }

    /** RFC 6266: an ASCII fallback and the exact name in UTF-8. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String utf8 = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }
}
