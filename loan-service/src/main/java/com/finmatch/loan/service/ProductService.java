package com.finmatch.loan.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.finmatch.loan.api.ProductRequest;
import com.finmatch.loan.domain.LoanProduct;
import com.finmatch.loan.domain.PolicyTool;
import com.finmatch.loan.domain.ProductLifecycle.Move;
import com.finmatch.loan.domain.ProductLifecycle;
import com.finmatch.loan.domain.ProductStatus;
import com.finmatch.loan.domain.ProductVersion;
import com.finmatch.loan.security.LoanAccess;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loan products written by their banks: create (DRAFT), update (a published product gets a new version and a
 * ProductUpdated event), and the lifecycle moves with their events. Every published state is kept as a version.
 */
@ApplicationScoped
public class ProductService {

    @Inject
    LoanAccess access;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    @Transactional
    public LoanProduct create(ProductRequest request) {
        String bankId = access.callerBankId();
        check(request);
        LoanProduct product = new LoanProduct();
        product.id = UUID.randomUUID();
        product.bankId = bankId;
        product.status = ProductStatus.DRAFT;
        product.createdAt = clock.instant();
        apply(product, request);
        product.persist();
        return product;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoanProduct get(UUID id) {
        return access.readable(LoanProduct.findById(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ProductVersion> versions(UUID id, PageRequest page) {
        LoanProduct product = access.readable(LoanProduct.findById(id));
        var query = ProductVersion.<ProductVersion>find("key.productId", Sort.by("key.version"), product.id);
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    @Transactional
    public LoanProduct update(UUID id, String ifMatch, ProductRequest request) {
        LoanProduct product = access.changeable(LoanProduct.findById(id));
        if (!ProductLifecycle.editable(product.status)) {
            throw ProblemException.conflict("a " + product.status + " product can no longer be changed");
        }
        EntityTags.ifMatch(ifMatch, product.version);
        check(request);
        apply(product, request);
        LoanProduct.flush(); // the new version number
        if (product.status == ProductStatus.PUBLISHED) {
            keepVersion(product);
            outbox.publish(LoanEvents.PRODUCT_TOPIC, product.id.toString(), LoanEvents.PRODUCT_UPDATED,
                    LoanEvents.ProductPayload.of(product));
        }
        return product;
    }

    @Transactional
    public LoanProduct move(UUID id, Move move) {
        LoanProduct found = LoanProduct.findById(id);
        LoanProduct product = move == Move.SUSPEND ? access.suspendable(found) : access.changeable(found);
        ProductStatus previous = product.status;
        if (!ProductLifecycle.allows(previous, move)) {
            throw ProblemException.conflict("cannot " + move.name().toLowerCase() + " a " + previous
                    + " product; it must be " + move.from);
        }
        Instant now = clock.instant();
        product.status = move.target;
        product.updatedAt = now;
        if (move == Move.PUBLISH) {
            product.publishedAt = now;
        }
        LoanProduct.flush();
        String key = product.id.toString();
        switch (move) {
            case PUBLISH -> {
                keepVersion(product);
                outbox.publish(LoanEvents.PRODUCT_TOPIC, key, LoanEvents.PRODUCT_PUBLISHED,
                        LoanEvents.ProductPayload.of(product));
            }
            case SUSPEND -> outbox.publish(LoanEvents.PRODUCT_TOPIC, key, LoanEvents.PRODUCT_SUSPENDED,
                    LoanEvents.ProductStatusPayload.of(product));
            case WITHDRAW -> {
                if (previous != ProductStatus.DRAFT) { // a draft was never announced
                    outbox.publish(LoanEvents.PRODUCT_TOPIC, key, LoanEvents.PRODUCT_WITHDRAWN,
                            LoanEvents.ProductStatusPayload.of(product));
                }
            }
        }
        return product;
    }

    private void keepVersion(LoanProduct product) {
        ProductVersion v = new ProductVersion();
        v.key = new ProductVersion.Key(product.id, product.version);
        v.snapshot = json.convertValue(LoanEvents.ProductPayload.of(product), new TypeReference<Map<String, Object>>() {
        });
        v.createdAt = clock.instant();
        v.persist();
    }

    private void apply(LoanProduct p, ProductRequest r) {
        p.name = r.name().trim();
        p.type = r.type();
        p.description = r.description();
        p.minAmount = Amounts.money(r.minAmount());
        p.maxAmount = Amounts.money(r.maxAmount());
        p.minTermMonths = r.minTermMonths();
        p.maxTermMonths = r.maxTermMonths();
        p.minAnnualRate = Amounts.rate(r.minAnnualRate());
        p.maxAnnualRate = Amounts.rate(r.maxAnnualRate());
        p.lprSpreadBps = r.lprSpreadBps();
        p.guaranteeTypes = new ArrayList<>(new java.util.LinkedHashSet<>(r.guaranteeTypes()));
        p.setRules(RuleChecks.normalised(r.rules()));
        p.policyToolIds = r.policyToolIds() == null ? new ArrayList<>()
                : new ArrayList<>(new java.util.LinkedHashSet<>(r.policyToolIds()));
        p.materialsRequired = r.materialsRequired() == null ? new ArrayList<>()
                : r.materialsRequired().stream().map(String::trim).toList();
        p.validFrom = r.validFrom() != null ? r.validFrom() : PlatformClock.today(clock);
        p.validTo = r.validTo();
        p.updatedAt = clock.instant();
    }

    /** What Bean Validation cannot see: ranges in order, rules, and policy tools that exist (400 naming fields). */
    private static void check(ProductRequest r) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (r.minAmount().compareTo(r.maxAmount()) > 0) {
            violations.add(new Problem.Violation("maxAmount", "must not be less than minAmount"));
        }
        if (r.minTermMonths() > r.maxTermMonths()) {
            violations.add(new Problem.Violation("maxTermMonths", "must not be less than minTermMonths"));
        }
        if (r.minAnnualRate().compareTo(r.maxAnnualRate()) > 0) {
            violations.add(new Problem.Violation("maxAnnualRate", "must not be less than minAnnualRate"));
        }
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            violations.add(new Problem.Violation("validTo", "must not be before validFrom"));
        }
        RuleChecks.validate(r.rules(), "rules", violations);
        if (r.policyToolIds() != null && !r.policyToolIds().isEmpty()) {
            Set<UUID> known = new HashSet<>(PolicyTool.<PolicyTool>list("id in ?1", r.policyToolIds()).stream()
                    .map(t -> t.id).toList());
            for (int i = 0; i < r.policyToolIds().size(); i++) {
                if (!known.contains(r.policyToolIds().get(i))) {
                    violations.add(new Problem.Violation("policyToolIds[" + i + "]", "no such policy tool"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
