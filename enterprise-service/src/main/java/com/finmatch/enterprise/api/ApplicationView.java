package com.finmatch.enterprise.api;

import com.finmatch.enterprise.domain.Application;
import com.finmatch.enterprise.domain.ApplicationStatus;
import com.finmatch.enterprise.domain.ApplicationStep;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ApplicationView(UUID id, UUID enterpriseId, UUID financingNeedId, UUID productId, String productName,
        String bankId, BigDecimal amount, int termMonths, ApplicationStatus status, Instant submittedAt,
        Instant updatedAt, List<Step> history) {

    /** One timestamped step: reasonCode and note for a decline, amount for an approval or disbursement. */
    public record Step(ApplicationStatus status, Instant at, String reasonCode, String note, BigDecimal amount) {
        static Step of(ApplicationStep s) {
            return new Step(s.status, s.at, s.reasonCode, s.note, s.amount);
        }
    }

    public static ApplicationView of(Application a) {
        return new ApplicationView(a.id, a.enterpriseId, a.financingNeedId, a.productId, a.productName, a.bankId,
                a.amount, a.termMonths, a.status, a.submittedAt, a.updatedAt,
                a.history.stream().map(Step::of).toList());
    }
}
