package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Application;
import com.finmatch.enterprise.domain.ApplicationStatus;
import com.finmatch.enterprise.domain.ApplicationStep;
import com.finmatch.platform.contracts.MaterialKind;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(requiredProperties = {"id", "enterpriseId", "financingNeedId", "productId", "productName", "bankId", "amount",
        "termMonths", "status", "submittedAt", "updatedAt", "history", "materialsRequested"})
public record ApplicationView(UUID id, UUID enterpriseId, UUID financingNeedId, UUID productId,
        @Schema(maxLength = 300, nullable = true) String productName,
        @Schema(maxLength = 64) String bankId, BigDecimal amount,
        @Schema(minimum = "1", maximum = "360") int termMonths, ApplicationStatus status, Instant submittedAt,
        Instant updatedAt,
        @Schema(maxItems = 20, description = "The steps from SUBMITTED on, oldest first (a 补件 round adds two)")
        List<Step> history,
        @Schema(maxItems = 10, description = "The material kinds of the bank's open 补件 request (the bank's message "
                + "is the note of the last step; GET /applications/{id}/materials-checklist says what is provided); "
                + "empty when none is open")
        List<MaterialKind> materialsRequested) {

    /** One timestamped step: reasonCode and note for a decline, amount for an approval or disbursement. */
    @Schema(name = "ApplicationStep", requiredProperties = {"status", "at", "reasonCode", "note", "amount"})
    public record Step(ApplicationStatus status, Instant at,
            @Schema(maxLength = 40, nullable = true) String reasonCode,
            @Schema(maxLength = 2000, nullable = true) String note,
            @Schema(nullable = true) BigDecimal amount) {
        static Step of(ApplicationStep s) {
            return new Step(s.status, s.at, s.reasonCode, s.note, s.amount);
        }
    }

    public static ApplicationView of(Application a) {
        return new ApplicationView(a.id, a.enterpriseId, a.financingNeedId, a.productId, a.productName, a.bankId,
                a.amount, a.termMonths, a.status, a.submittedAt, a.updatedAt,
                a.history.stream().map(Step::of).toList(),
                a.materialsRequested == null ? List.of()
                        : a.materialsRequested.stream().map(k -> MaterialKind.ofCode(k).orElse(MaterialKind.OTHER))
                                .toList());
    }
}
