package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.AccessLogView;
import com.finmatch.enterprise.api.EnterpriseRequest;
import com.finmatch.enterprise.api.EnterpriseView;
import com.finmatch.enterprise.domain.AccessLogEntry;
import com.finmatch.enterprise.domain.DataCategory;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.EnterpriseTag;
import com.finmatch.enterprise.domain.ListingIntention;
import com.finmatch.enterprise.domain.SizeClass;
import com.finmatch.enterprise.domain.Uscc;
import com.finmatch.enterprise.event.EnterpriseEvents.EnterpriseProfile;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Registering, reading, updating and searching enterprise profiles; the bank reads that go to the access log. */
@ApplicationScoped
public class EnterpriseService {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    EnterpriseAccess access;

    @Inject
    ReferenceDataService reference;

    @Inject
    Outbox outbox;

    @Inject
    AccessLogService accessLog;

    @Inject
    ListImportService imports;

    /** A profile as one caller may see it: all of it, or the categories a bank's consents cover. */
    public record ProfileRead(EnterpriseView view, Set<DataCategory> categories) {

        public boolean isComplete() {
            return categories.containsAll(EnumSet.allOf(DataCategory.class));
        }
    }

    @Transactional
    public EnterpriseView register(EnterpriseRequest request) {
        validate(request);
        if (Enterprise.ownedBy(caller.subject()).isPresent()) {
            throw ProblemException.conflict("you have registered an enterprise already");
        }
        if (Enterprise.usccTaken(request.uscc())) {
            throw ProblemException.conflict("an enterprise with USCC " + request.uscc() + " is registered already");
        }
        Enterprise e = new Enterprise();
        e.id = UUID.randomUUID();
        e.ownerSub = caller.subject();
        e.uscc = request.uscc();
        e.createdAt = PlatformClock.now(clock);
        apply(e, request, e.createdAt);
        imports.claimInvitation(e, e.createdAt);
        Persistence.persistAndFlush(e);
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.ENTERPRISE_REGISTERED,
                EnterpriseProfile.of(e));
        return EnterpriseView.of(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EnterpriseView mine() {
        return EnterpriseView.of(access.ownEnterprise());
    }

    /** One profile; a bank's read is written to the access log in the same transaction. */
    @Transactional
    public ProfileRead read(UUID id) {
        Instant now = PlatformClock.now(clock);
        EnterpriseAccess.ProfileAccess granted = access.profile(id, now);
        if (granted.isBankRead()) {
            accessLog.record(id, granted.readingBank().get(), caller.subject(), granted.categories(),
                    "GET /api/v1/enterprises/" + id, now);
        }
        return new ProfileRead(EnterpriseView.of(granted.enterprise()), granted.categories());
    }

    /**
     * Replaces the profile of the caller's enterprise if the version {@code ifMatch} names is still current (428
     * when it is missing, 412 when stale; a stale version with invalid data is a 400 first).
     */
    @Transactional
    public EnterpriseView update(UUID id, String ifMatch, EnterpriseRequest request) {
        Enterprise e = access.owned(id);
        long expectedVersion = EntityTags.required(ifMatch);
        validate(request);
        if (!e.uscc.equals(request.uscc())) {
            throw ProblemException.invalid("uscc", "cannot be changed; register the other enterprise instead");
        }
        EntityTags.check(expectedVersion, e.version);
        apply(e, request, PlatformClock.now(clock));
        // a concurrent update that committed first makes this flush fail: 412, and nothing is published
        Persistence.flush();
        outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.ENTERPRISE_UPDATED,
                EnterpriseProfile.of(e));
        return EnterpriseView.of(e);
    }

    /** Administrators' search by district, cluster, tag and size class, by name, and paging. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<EnterpriseView> search(String district, String cluster, String tag, String sizeClass,
            String name, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Violations invalid = new Violations().text("district", district, 20).text("cluster", cluster, 40)
                .text("name", name, 200);
        if (district != null && !district.isBlank()) {
            where.add("districtCode = :district");
            params.and("district", district);
        }
        access.districtScope().ifPresent(own -> {
            where.add("districtCode = :ownDistrict");
            params.and("ownDistrict", own);
        });
        if (cluster != null && !cluster.isBlank()) {
            where.add("clusterCode = :cluster");
            params.and("cluster", cluster);
        }
        if (tag != null && !tag.isBlank()) {
            EnterpriseTag t = invalid.enumValue(EnterpriseTag.class, "tag", tag);
            where.add(":tag member of tags");
            params.and("tag", t);
        }
        if (sizeClass != null && !sizeClass.isBlank()) {
            SizeClass s = invalid.enumValue(SizeClass.class, "sizeClass", sizeClass);
            where.add("sizeClass = :sizeClass");
            params.and("sizeClass", s);
        }
        if (name != null && !name.isBlank()) {
            where.add("lower(name) like :name");
            params.and("name", "%" + name.toLowerCase(Locale.ROOT).replace("%", "") + "%");
        }
        invalid.throwIfAny();
        var query = where.isEmpty()
                ? Enterprise.<Enterprise>findAll(Sort.by("name").and("id"))
                : Enterprise.<Enterprise>find(String.join(" and ", where), Sort.by("name").and("id"), params);
        return Pages.of(query, page, EnterpriseView::of);
    }

    /** Who read the enterprise's data, newest first: for its owner and administrators. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AccessLogView> accessLog(UUID id, PageRequest page) {
        Enterprise e = access.ownedOrAdministered(id);
        var query = AccessLogEntry.<AccessLogEntry>find("enterpriseId", Sort.descending("at").and("id"), e.id);
        return Pages.of(query, page, AccessLogView::of);
    }

    private void validate(EnterpriseRequest r) {
        Violations invalid = new Violations();
        Uscc.problem(r.uscc()).ifPresent(p -> invalid.add("uscc", p));
        invalid.check(reference.isDistrict(r.districtCode()), "districtCode",
                "is not a district of GET /api/v1/reference/districts");
        invalid.check(reference.isIndustry(r.industryCode()), "industryCode",
                "is not a GB/T 4754 code under a division of GET /api/v1/reference/industries");
        invalid.check(r.clusterCode() == null || reference.isCluster(r.clusterCode()), "clusterCode",
                "is not a cluster of GET /api/v1/reference/clusters");
        ListingIntention intention = r.listingIntention() == null ? ListingIntention.NONE : r.listingIntention();
        invalid.check(intention != ListingIntention.NONE || r.targetBoard() == null, "targetBoard",
                "must be empty when listingIntention is NONE");
        invalid.check(r.totalAssets() == null || r.totalLiabilities() == null
                || r.totalLiabilities().compareTo(r.totalAssets().multiply(java.math.BigDecimal.TEN)) <= 0,
                "totalLiabilities", "must not exceed ten times totalAssets");
        invalid.throwIfAny();
    }

    private static void apply(Enterprise e, EnterpriseRequest r, Instant now) {
        e.name = r.name().strip();
        e.legalRepresentative = r.legalRepresentative().strip();
        e.foundedOn = r.foundedOn();
        e.registeredCapital = r.registeredCapital();
        e.districtCode = r.districtCode();
        e.industryCode = r.industryCode();
        e.clusterCode = r.clusterCode();
        e.sizeClass = r.sizeClass();
        Set<EnterpriseTag> tags = r.tags() == null || r.tags().isEmpty() ? EnumSet.noneOf(EnterpriseTag.class)
                : EnumSet.copyOf(r.tags());
        if (!tags.equals(e.tags)) {
            e.tags.clear();
            e.tags.addAll(tags);
        }
        e.employees = r.employees();
        e.annualRevenue = r.annualRevenue();
        e.revenueGrowth = r.revenueGrowth();
        e.netProfit = r.netProfit();
        e.totalAssets = r.totalAssets();
        e.totalLiabilities = r.totalLiabilities();
        e.taxPaid = r.taxPaid();
        e.rdRatio = r.rdRatio();
        e.patents = r.patents();
        e.creditRating = r.creditRating();
        e.listingIntention = r.listingIntention() == null ? ListingIntention.NONE : r.listingIntention();
        e.targetBoard = r.targetBoard();
        e.contactName = r.contactName();
        e.contactPhone = r.contactPhone();
        e.contactEmail = r.contactEmail();
        e.updatedAt = now;
    }
}
