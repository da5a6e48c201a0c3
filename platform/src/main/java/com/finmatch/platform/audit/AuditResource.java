package com.finmatch.platform.audit;

import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Every service's audit trail (auditor and admin): search it, export it as CSV, verify its hash chain. Provided by the
 * platform, so each service has it over its own database.
 */
@Path("/api/v1/audit")
@RolesAllowed({Caller.AUDITOR, Caller.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** Newest first, a page at a time; every filter is optional. */
    @GET
    public PageResponse<AuditEntryView> searchAudit(@BeanParam @Valid AuditQuery query,
            @BeanParam @Valid PageRequest page) {
        PageResponse<AuditEntry> found = trail.search(query, page);
        return new PageResponse<>(found.items().stream().map(AuditEntryView::of).toList(), found.page(), found.size(),
                found.total());
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @APIResponse(responseCode = "200", description = "The matching entries as CSV (RFC 4180, UTF-8, CRLF), oldest "
            + "first, with their hashes (a copy anyone can check: each hash is the SHA-256 of the entry's canonical "
            + "content, platform's AuditEntry); sent as an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"finmatch-audit.csv\"",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = @Content(mediaType = "text/csv", schema = @Schema(implementation = AuditCsvDocument.class)))
    public Response exportAudit(@BeanParam @Valid AuditQuery query) {
        query.fromInstant(); // a bad bound is a 400 before the answer starts
        query.toInstant();
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(AuditCsv.HEADER + "\r\n");
            trail.forEach(query, entry -> {
                try {
                    writer.write(AuditCsv.line(entry));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"finmatch-audit.csv\"").build();
    }

    /** The chain intact from its first entry to its head, or its first broken entry and why. */
    @GET
    @Path("/verify")
    public ChainCheck.Report verifyAudit() {
        return trail.verify();
    }
}
