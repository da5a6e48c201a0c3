package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.ListImport;
import com.finmatch.enterprise.domain.imports.ImportKind;
import com.finmatch.enterprise.domain.imports.ImportOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import and its row-by-row report: after the upload (PREVIEWED) what applying would do; once APPLIED what it did.
 */
@Schema(requiredProperties = {"id", "kind", "fileName", "status", "uploadedBy", "uploadedAt", "appliedBy", "appliedAt",
        "counts", "rows"})
public record ImportView(UUID id, ImportKind kind,
        @Schema(maxLength = 255) String fileName,
        ListImport.Status status,
        @Schema(maxLength = 200, description = "The subject of the administrator who uploaded it") String uploadedBy,
        Instant uploadedAt,
        @Schema(maxLength = 200, nullable = true) String appliedBy,
        @Schema(nullable = true) Instant appliedAt,
        Counts counts,
        @Schema(maxItems = 2000, description = "Every non-blank data row, in the file's order") List<Row> rows) {

    @Schema(name = "ImportCounts", requiredProperties = {"accepted", "updated", "unchanged", "rejected"})
    public record Counts(@Schema(minimum = "0", maximum = "2000") int accepted,
            @Schema(minimum = "0", maximum = "2000") int updated,
            @Schema(minimum = "0", maximum = "2000") int unchanged,
            @Schema(minimum = "0", maximum = "2000") int rejected) {
    }

    @Schema(name = "ImportRow", requiredProperties = {"row", "uscc", "name", "value", "outcome", "reason"})
    public record Row(@Schema(minimum = "2", maximum = "20001", description = "The row as a spreadsheet numbers it "
                    + "(the header is row 1)") int row,
            @Schema(maxLength = 200) String uscc,
            @Schema(maxLength = 200) String name,
            @Schema(maxLength = 200, nullable = true, description = "The tag or cluster code (normalised)") String value,
            ImportOutcome outcome,
            @Schema(maxLength = 1000, nullable = true, description = "Why the row was rejected, or what it changes")
            String reason) {
    }

    public static ImportView of(ListImport i) {
        List<Row> rows = i.rows.stream().map(r -> new Row(r.rowNo, r.uscc, r.name, r.value, r.outcome, r.reason))
                .toList();
        Counts counts = new Counts(count(rows, ImportOutcome.ACCEPTED), count(rows, ImportOutcome.UPDATED),
                count(rows, ImportOutcome.UNCHANGED), count(rows, ImportOutcome.REJECTED));
        return new ImportView(i.id, i.kind, i.fileName, i.status, i.uploadedBy, i.uploadedAt, i.appliedBy,
                i.appliedAt, counts, rows);
    }

    private static int count(List<Row> rows, ImportOutcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
