package com.finmatch.enterprise.event;

import com.finmatch.enterprise.domain.Application;
import com.finmatch.enterprise.domain.CloseReason;
import com.finmatch.enterprise.domain.Consent;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.FinancingNeed;
import com.finmatch.enterprise.domain.FinancingPurpose;
import com.finmatch.enterprise.domain.GuaranteeType;
import com.finmatch.enterprise.domain.ListingIntention;
import com.finmatch.enterprise.domain.Project;
import com.finmatch.enterprise.domain.ProjectStage;
import com.finmatch.enterprise.domain.SizeClass;
import com.finmatch.enterprise.domain.TargetBoard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The events enterprise-service publishes (docs/EVENTS.md): topics, ce_types and v1 payloads. The JSON Schemas in
 * platform/src/main/resources/schemas describe the same payloads.
 */
public final class EnterpriseEvents {

    public static final String ENTERPRISE_TOPIC = "enterprise.events";
    public static final String APPLICATION_TOPIC = "application.events";

    public static final String ENTERPRISE_REGISTERED = "finmatch.enterprise.EnterpriseRegistered.v1";
    public static final String ENTERPRISE_UPDATED = "finmatch.enterprise.EnterpriseUpdated.v1";
    public static final String NEED_OPENED = "finmatch.enterprise.FinancingNeedOpened.v1";
    public static final String NEED_WITHDRAWN = "finmatch.enterprise.FinancingNeedWithdrawn.v1";
    public static final String NEED_FULFILLED = "finmatch.enterprise.FinancingNeedFulfilled.v1";
    public static final String CONSENT_GRANTED = "finmatch.enterprise.ConsentGranted.v1";
    public static final String CONSENT_REVOKED = "finmatch.enterprise.ConsentRevoked.v1";
    public static final String PROJECT_REGISTERED = "finmatch.enterprise.ProjectRegistered.v1";
    public static final String APPLICATION_SUBMITTED = "finmatch.application.ApplicationSubmitted.v1";
    public static final String APPLICATION_WITHDRAWN = "finmatch.application.ApplicationWithdrawn.v1";
    public static final String APPLICATION_CLOSED = "finmatch.application.ApplicationClosed.v1";
    /** Added by enterprise-service: the enterprise answered its bank's 补件 request (issue 15 §2). */
    public static final String MATERIALS_SUBMITTED = "finmatch.application.MaterialsSubmitted.v1";

    private EnterpriseEvents() {
    }

    /** EnterpriseRegistered / EnterpriseUpdated: the full profile (contact details stay in the service). */
    public record EnterpriseProfile(UUID enterpriseId, String ownerSub, String uscc, String name,
            String legalRepresentative, LocalDate foundedOn, BigDecimal registeredCapital, String districtCode,
            String industryCode, String clusterCode, SizeClass sizeClass, List<EnterpriseTag> tags, Integer employees,
            BigDecimal annualRevenue, BigDecimal revenueGrowth, BigDecimal netProfit, BigDecimal totalAssets,
            BigDecimal totalLiabilities, BigDecimal taxPaid, BigDecimal rdRatio, Integer patents, String creditRating,
            ListingIntention listingIntention, TargetBoard targetBoard, long version) {

        public static EnterpriseProfile of(Enterprise e) {
            return new EnterpriseProfile(e.id, e.ownerSub, e.uscc, e.name, e.legalRepresentative, e.foundedOn,
                    e.registeredCapital, e.districtCode, e.industryCode, e.clusterCode, e.sizeClass,
                    e.tags.stream().sorted().toList(), e.employees, e.annualRevenue, e.revenueGrowth, e.netProfit,
                    e.totalAssets, e.totalLiabilities, e.taxPaid, e.rdRatio, e.patents, e.creditRating,
                    e.listingIntention, e.targetBoard, e.version);
        }
    }

    public record FinancingNeedOpened(UUID enterpriseId, UUID needId, BigDecimal amount, int termMonths,
            FinancingPurpose purpose, List<GuaranteeType> guaranteeTypes, BigDecimal maxAnnualRate,
            LocalDate neededBy, UUID projectId, Instant openedAt) {

        public static FinancingNeedOpened of(FinancingNeed n) {
            return new FinancingNeedOpened(n.enterpriseId, n.id, n.amount, n.termMonths, n.purpose,
                    n.guaranteeTypes.stream().sorted().toList(), n.maxAnnualRate, n.neededBy, n.projectId,
                    n.openedAt);
        }
    }

    public record FinancingNeedWithdrawn(UUID enterpriseId, UUID needId, Instant at) {
    }

    /** An extension of the catalogue: a need met by a disbursed loan leaves matching. */
    public record FinancingNeedFulfilled(UUID enterpriseId, UUID needId, UUID applicationId, Instant at) {
    }

    public record ConsentGranted(UUID enterpriseId, UUID consentId, String bankId, List<DataCategory> categories,
            Instant expiresAt, Instant grantedAt) {

        public static ConsentGranted of(Consent c) {
            return new ConsentGranted(c.enterpriseId, c.id, c.bankId, c.categories.stream().sorted().toList(),
                    c.expiresAt, c.grantedAt);
        }
    }

    public record ConsentRevoked(UUID enterpriseId, UUID consentId, String bankId, Instant revokedAt) {
    }

    public record ProjectRegistered(UUID enterpriseId, UUID projectId, String name, BigDecimal investmentAmount,
            BigDecimal financingGap, ProjectStage stage, String districtCode, Integer termMonths) {

        public static ProjectRegistered of(Project p) {
            return new ProjectRegistered(p.enterpriseId, p.id, p.name, p.investmentAmount, p.financingGap, p.stage,
                    p.districtCode, p.termMonths);
        }
    }

    public record ApplicationSubmitted(UUID applicationId, UUID enterpriseId, UUID financingNeedId, UUID productId,
            String bankId, BigDecimal amount, int termMonths, Instant submittedAt) {

        public static ApplicationSubmitted of(Application a) {
            return new ApplicationSubmitted(a.id, a.enterpriseId, a.financingNeedId, a.productId, a.bankId, a.amount,
                    a.termMonths, a.submittedAt);
        }
    }

    public record ApplicationWithdrawn(UUID applicationId, UUID enterpriseId, UUID productId, String bankId,
            Instant at) {
    }

    /** An active application closed because its need was met by another application's loan or withdrawn. */
    public record ApplicationClosed(UUID applicationId, UUID enterpriseId, UUID financingNeedId, UUID productId,
            String bankId, CloseReason reasonCode, Instant at) {

        public static ApplicationClosed of(Application a, CloseReason reason, Instant at) {
            return new ApplicationClosed(a.id, a.enterpriseId, a.financingNeedId, a.productId, a.bankId, reason, at);
        }
    }

    /** The enterprise answered the bank's request for more materials (补件): {@code materials} are the kinds asked. */
    public record MaterialsSubmitted(UUID applicationId, UUID enterpriseId, UUID productId, String bankId,
            List<String> materials, Instant at) {
    }
}
