package com.finmatch.loan.service;

import com.finmatch.loan.domain.AuthorRole;
import com.finmatch.loan.domain.GuaranteeType;
import com.finmatch.loan.domain.Lead;
import com.finmatch.loan.domain.LeadMessage;
import com.finmatch.loan.domain.LeadStatus;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.MessageThreadRules;
import com.finmatch.loan.domain.PolicyTool;
import com.finmatch.loan.domain.PolicyToolKind;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductType;
import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.TrainingOffer;
import com.finmatch.loan.domain.TrainingOfferStatus;
import com.finmatch.loan.domain.WorkingHoursCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The topics, types and v1 payloads loan-service publishes (docs/EVENTS.md; schemas in platform/…/schemas). */
public final class LoanEvents {

    public static final String PRODUCT_TOPIC = "product.events";
    public static final String LEAD_TOPIC = "lead.events";

    public static final String PRODUCT_PUBLISHED = "finmatch.product.ProductPublished.v1";
    public static final String PRODUCT_UPDATED = "finmatch.product.ProductUpdated.v1";
    public static final String PRODUCT_SUSPENDED = "finmatch.product.ProductSuspended.v1";
    public static final String PRODUCT_WITHDRAWN = "finmatch.product.ProductWithdrawn.v1";
    public static final String TRAINING_OFFER_PUBLISHED = "finmatch.product.TrainingOfferPublished.v1";
    public static final String TRAINING_OFFER_CLOSED = "finmatch.product.TrainingOfferClosed.v1";
    public static final String POLICY_TOOL_CHANGED = "finmatch.product.PolicyToolChanged.v1";
    /** Added by loan-service: an enrolment took a seat of a training offer (so that matching knows the seats left). */
    public static final String TRAINING_OFFER_SEATS_CHANGED = "finmatch.product.TrainingOfferSeatsChanged.v1";
    public static final String LEAD_STATUS_CHANGED = "finmatch.lead.LeadStatusChanged.v1";
    public static final String LEAD_OVERDUE = "finmatch.lead.LeadOverdue.v1";
    /** Added to the catalogue by loan-service: a bank was shown an enterprise's data on a lead (for its access log). */
    public static final String ENTERPRISE_PROFILE_READ = "finmatch.lead.EnterpriseProfileRead.v1";
    /** Added by loan-service: a message was posted on a lead's thread (so that the other side is notified). */
    public static final String LEAD_MESSAGE_POSTED = "finmatch.lead.LeadMessagePosted.v1";

    private LoanEvents() {
    }

    /** ProductPublished / ProductUpdated: the full product. */
    public record ProductPayload(UUID productId, String bankId, String name, ProductType type, BigDecimal minAmount,
            BigDecimal maxAmount, int minTermMonths, int maxTermMonths, BigDecimal minAnnualRate,
            BigDecimal maxAnnualRate, Integer lprSpreadBps, List<GuaranteeType> guaranteeTypes, List<Rule> rules,
            List<UUID> policyToolIds, LocalDate validFrom, LocalDate validTo, ProductStatus status, long version,
            String description, List<String> materialsRequired) {

        public static ProductPayload of(LoanProduct p) {
            return new ProductPayload(p.id, p.bankId, p.name, p.type, p.minAmount, p.maxAmount, p.minTermMonths,
                    p.maxTermMonths, p.minAnnualRate, p.maxAnnualRate, p.lprSpreadBps, p.guaranteeTypes, p.rules,
                    p.policyToolIds, p.validFrom, p.validTo, p.status, p.version, p.description, p.materialsRequired);
        }
    }

    /** ProductSuspended / ProductWithdrawn. */
    public record ProductStatusPayload(UUID productId, String bankId, ProductStatus status, long version) {

        public static ProductStatusPayload of(LoanProduct p) {
            return new ProductStatusPayload(p.id, p.bankId, p.status, p.version);
        }
    }

    public record TrainingOfferPayload(UUID offerId, String organiser, String title, String format,
            LocalDate startsOn, LocalDate endsOn, int seats, int seatsLeft, List<Rule> rules,
            TrainingOfferStatus status) {

        public static TrainingOfferPayload of(TrainingOffer o) {
            return new TrainingOfferPayload(o.id, o.organiser, o.title, o.format, o.startsOn, o.endsOn, o.seats,
                    o.seatsLeft, o.rules, o.status);
        }
    }

    public record TrainingOfferClosedPayload(UUID offerId, TrainingOfferStatus status) {
    }

    /** TrainingOfferSeatsChanged: the offer's seats and seats left after an enrolment. */
    public record TrainingOfferSeatsChangedPayload(UUID offerId, int seats, int seatsLeft, Instant at) {

        public static TrainingOfferSeatsChangedPayload of(TrainingOffer o, Instant at) {
            return new TrainingOfferSeatsChangedPayload(o.id, o.seats, o.seatsLeft, at);
        }
    }

    public record PolicyToolPayload(UUID policyToolId, PolicyToolKind kind, String name, BigDecimal subsidyRate,
            BigDecimal coverageShare, BigDecimal poolSize, BigDecimal exposureUsed, BigDecimal perEnterpriseCap,
            boolean active, LocalDate validFrom, LocalDate validTo, BigDecimal budget, BigDecimal budgetUsed) {

        public static PolicyToolPayload of(PolicyTool t) {
            return new PolicyToolPayload(t.id, t.kind, t.name, t.subsidyRate, t.coverageShare, t.poolSize,
                    t.exposureUsed, t.perEnterpriseCap, t.active, t.validFrom, t.validTo, t.budget, t.budgetUsed);
        }
    }

    /**
     * {@code responseWorkingHours}: submission → the bank's first action in working hours on the service-level
     * calendar (2 decimals), on every event once the bank has acted; {@code null} before.
     */
    public record LeadStatusChangedPayload(UUID applicationId, UUID productId, String bankId, UUID enterpriseId,
            LeadStatus status, LeadStatus previousStatus, Instant at, String reasonCode, String note,
            BigDecimal amount, BigDecimal rate, Instant dueAt, Instant submittedAt, BigDecimal responseWorkingHours,
            List<String> materials) {

        /** {@code materials}: the kinds a 补件 request asks for, on MATERIALS_REQUESTED only (else null). */
        public static LeadStatusChangedPayload of(Lead lead, LeadStatus previous, Instant at, String reasonCode,
                String note, BigDecimal amount, BigDecimal rate) {
            return new LeadStatusChangedPayload(lead.id, lead.productId, lead.bankId, lead.enterpriseId, lead.status,
                    previous, at, reasonCode, note, amount, rate, lead.dueAt, lead.submittedAt, null,
                    lead.status == LeadStatus.MATERIALS_REQUESTED ? List.copyOf(lead.materialsRequested) : null);
        }

        /** This payload with the lead's response time in working hours on {@code calendar} (null while unanswered). */
        public LeadStatusChangedPayload withResponseTime(Lead lead, WorkingHoursCalendar calendar) {
            BigDecimal hours = lead.submittedAt == null || lead.answeredAt == null ? null
                    : BigDecimal.valueOf(calendar.workingTimeBetween(lead.submittedAt, lead.answeredAt).toSeconds())
                            .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
            return new LeadStatusChangedPayload(applicationId, productId, bankId, enterpriseId, status, previousStatus,
                    at, reasonCode, note, amount, rate, dueAt, submittedAt, hours, materials);
        }
    }

    public record EnterpriseProfileReadPayload(UUID applicationId, UUID enterpriseId, String bankId, String readBy,
            List<String> categories, Instant at) {
    }

    public record LeadOverduePayload(UUID applicationId, UUID productId, String bankId, UUID enterpriseId,
            Instant dueAt, Instant at) {

        public static LeadOverduePayload of(Lead lead, Instant at) {
            return new LeadOverduePayload(lead.id, lead.productId, lead.bankId, lead.enterpriseId, lead.dueAt, at);
        }
    }

    /** LeadMessagePosted: who wrote on which lead, with the first 140 characters of the message (not the whole). */
    public record LeadMessagePostedPayload(UUID applicationId, String bankId, UUID enterpriseId, UUID messageId,
            AuthorRole authorRole, String excerpt, Instant postedAt) {

        public static LeadMessagePostedPayload of(Lead lead, LeadMessage message) {
            return new LeadMessagePostedPayload(lead.id, lead.bankId, lead.enterpriseId, message.id,
                    message.authorRole, MessageThreadRules.excerpt(message.body), message.postedAt);
        }
    }
}
