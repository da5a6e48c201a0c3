package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Document;
import com.finmatch.platform.contracts.MaterialKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A document's metadata; the content is at {@code …/documents/{id}/content}. */
@Schema(requiredProperties = {"id", "enterpriseId", "kind", "fileName", "contentType", "size", "sha256", "uploadedAt",
        "version"})
public record DocumentView(UUID id, UUID enterpriseId, MaterialKind kind,
        @Schema(maxLength = Document.FILE_NAME_MAX, description = "The name the file was uploaded with, without any "
                + "directory") String fileName,
        @Schema(enumeration = {"application/pdf", "image/jpeg", "image/png"}, maxLength = 20,
                description = "The type the content was recognised as (not the name's or the client's)")
        String contentType,
        @Schema(minimum = "1", maximum = "10485760", description = "Bytes") long size,
        @Schema(pattern = "^[0-9a-f]{64}$", minLength = 64, maxLength = 64,
                description = "SHA-256 of the content, lower-case hex") String sha256,
        Instant uploadedAt, @Schema(minimum = "0", maximum = "9223372036854775807") long version) {

    public static DocumentView of(Document d) {
        return new DocumentView(d.id, d.enterpriseId, d.kind, d.fileName, d.contentType, d.size, d.sha256,
                d.uploadedAt, d.version);
    }
}
