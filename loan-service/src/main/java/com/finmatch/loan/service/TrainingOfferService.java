package com.finmatch.loan.service;

import com.finmatch.loan.api.TrainingOfferRequest;
import com.finmatch.loan.domain.EnterpriseReplica;
import com.finmatch.loan.domain.EntryCriteria;
import com.finmatch.loan.domain.Rule;
import com.finmatch.loan.domain.TrainingEnrolment;
import com.finmatch.loan.domain.TrainingOffer;
import com.finmatch.loan.domain.TrainingOfferStatus;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.EntityTags;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * IPO-training offers: administrators publish, change and close them; enterprises that meet an offer's entry criteria
 * (its hard rules, tested against the enterprise's replicated profile) enrol. A seat is taken by one conditional
 * UPDATE (… WHERE seats_left > 0), so concurrent enrolments can never overbook an offer.
 */
@ApplicationScoped
public class TrainingOfferService {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Transactional
    public TrainingOffer publish(TrainingOfferRequest request) {
        check(request);
        TrainingOffer offer = new TrainingOffer();
        offer.id = UUID.randomUUID();
        offer.status = TrainingOfferStatus.OPEN;
        offer.createdAt = clock.instant();
        apply(offer, request);
        offer.seatsLeft = request.seats();
        offer.persist();
        TrainingOffer.flush();
        announce(offer);
        return offer;
    }

    @Transactional
    public TrainingOffer update(UUID id, String ifMatch, TrainingOfferRequest request) {
        TrainingOffer offer = get(id);
        EntityTags.ifMatch(ifMatch, offer.version);
        if (offer.status != TrainingOfferStatus.OPEN) {
            throw ProblemException.conflict("a closed training offer can no longer be changed");
        }
        check(request);
        long enrolled = TrainingEnrolment.count("offerId", id);
        if (request.seats() < enrolled) {
            throw ProblemException.invalid("seats", "must be at least the " + enrolled + " enrolled already");
        }
        apply(offer, request);
        offer.seatsLeft = (int) (request.seats() - enrolled);
        TrainingOffer.flush();
        announce(offer);
        return offer;
    }

    @Transactional
    public TrainingOffer close(UUID id) {
        TrainingOffer offer = get(id);
        if (offer.status != TrainingOfferStatus.OPEN) {
            throw ProblemException.conflict("the training offer is already closed");
        }
        offer.status = TrainingOfferStatus.CLOSED;
        offer.updatedAt = clock.instant();
        TrainingOffer.flush();
        outbox.publish(LoanEvents.PRODUCT_TOPIC, offer.id.toString(), LoanEvents.TRAINING_OFFER_CLOSED,
                new LoanEvents.TrainingOfferClosedPayload(offer.id, offer.status));
        return offer;
    }

    /**
     * Enrols the calling enterprise. The checks, in this order, and nothing is written unless all pass: 404 when the
     * offer does not exist; 409 when it is closed; 503 when the caller's enterprise profile has not reached the replica
     * yet (retry shortly); 422 when the profile fails hard rules of the offer (its entry criteria, see
     * {@link EntryCriteria}); 409 when the caller is enrolled already; 409 when no seat is left.
     */
    @Transactional
    public TrainingEnrolment enrol(UUID offerId) {
        TrainingOffer offer = get(offerId);
        if (offer.status != TrainingOfferStatus.OPEN) {
            throw ProblemException.conflict("the training offer is closed");
        }
        String sub = caller.subject();
        EnterpriseReplica enterprise = EnterpriseReplica.find("ownerSub", sub).firstResult();
        if (enterprise == null) {
            throw new ProfileNotReplicatedException();
        }
        List<Rule> failed = EntryCriteria.failedHardRules(offer.rules, enterprise.profile,
                PlatformClock.today(clock));
        if (!failed.isEmpty()) {
            throw new NotEligibleException(failed.stream().map(Rule::messageOrDefault).toList());
        }
        TrainingEnrolment enrolment = new TrainingEnrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.offerId = offerId;
        enrolment.enterpriseSub = sub;
        enrolment.enterpriseId = enterprise.enterpriseId;
        enrolment.enrolledAt = clock.instant();
        int inserted = em.createNativeQuery("insert into training_enrolment (id, offer_id, enterprise_sub,"
                + " enterprise_id, enrolled_at) values (?1, ?2, ?3, ?4, ?5) on conflict (offer_id, enterprise_sub) do nothing")
                .setParameter(1, enrolment.id).setParameter(2, offerId).setParameter(3, sub)
                .setParameter(4, enrolment.enterpriseId).setParameter(5, enrolment.enrolledAt)
                .executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("you are already enrolled in this training offer");
        }
        int seat = em.createNativeQuery("update training_offer set seats_left = seats_left - 1"
                + " where id = ?1 and status = 'OPEN' and seats_left > 0")
                .setParameter(1, offerId).executeUpdate();
        if (seat == 0) {
            throw ProblemException.conflict("the training offer is full"); // rolls the enrolment back too
        }
        em.refresh(offer);
        outbox.publish(LoanEvents.PRODUCT_TOPIC, offer.id.toString(), LoanEvents.TRAINING_OFFER_SEATS_CHANGED,
                LoanEvents.TrainingOfferSeatsChangedPayload.of(offer, enrolment.enrolledAt));
        return enrolment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingOffer get(UUID id) {
        TrainingOffer offer = TrainingOffer.findById(id);
        if (offer == null) {
            throw ProblemException.notFound("training offer");
        }
        return offer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<TrainingOffer> list(TrainingOfferStatus status, PageRequest page) {
        var sort = Sort.by("startsOn").and("title").and("id");
        var query = status == null ? TrainingOffer.<TrainingOffer>findAll(sort)
                : TrainingOffer.<TrainingOffer>find("status", sort, status);
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<TrainingEnrolment> enrolments(UUID offerId, PageRequest page) {
        get(offerId);
        var query = TrainingEnrolment.<TrainingEnrolment>find("offerId", Sort.by("enrolledAt").and("id"), offerId);
        return new PageResponse<>(query.page(page.page, page.size).list(), page.page, page.size, query.count());
    }

    private void announce(TrainingOffer offer) {
        outbox.publish(LoanEvents.PRODUCT_TOPIC, offer.id.toString(), LoanEvents.TRAINING_OFFER_PUBLISHED,
                LoanEvents.TrainingOfferPayload.of(offer));
    }

    private static void check(TrainingOfferRequest r) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (r.endsOn().isBefore(r.startsOn())) {
            violations.add(new Problem.Violation("endsOn", "must not be before startsOn"));
        }
        RuleChecks.validate(r.rules(), "rules", violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private void apply(TrainingOffer o, TrainingOfferRequest r) {
        o.organiser = r.organiser().trim();
        o.title = r.title().trim();
        o.format = r.format().trim();
        o.description = r.description();
        o.startsOn = r.startsOn();
        o.endsOn = r.endsOn();
        o.seats = r.seats();
        o.rules = RuleChecks.normalised(r.rules());
        o.updatedAt = clock.instant();
    }
}
