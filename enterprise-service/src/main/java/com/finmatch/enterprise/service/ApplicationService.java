package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.ApplicationRequest;
import com.finmatch.enterprise.api.ApplicationView;
import com.finmatch.enterprise.domain.Application;
import com.finmatch.enterprise.domain.ApplicationStatus;
import com.finmatch.enterprise.domain.ApplicationStep;
import com.finmatch.enterprise.domain.CloseReason;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.FinancingNeed;
import com.finmatch.enterprise.domain.MaterialsChecklist;
import com.finmatch.enterprise.domain.NeedStatus;
import com.finmatch.enterprise.domain.ProductSummary;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.enterprise.security.EnterpriseAccess;
import com.finmatch.platform.contracts.MaterialKind;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.PageRequest;
import com.finmatch.platform.http.PageResponse;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications: submitted and withdrawn by enterprises, moved along by the banks' lead events. */
@ApplicationScoped
public class ApplicationService {

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    EnterpriseAccess access;

    @Inject
    Outbox outbox;

    @Inject
    ConsentService consents;

    @Transactional
    public ApplicationView submit(ApplicationRequest request) {
        Optional<Enterprise> mine = Enterprise.ownedBy(caller.subject());
        // locked: a withdrawal of the need or a second submission for it waits for this one
        FinancingNeed need = FinancingNeed.findById(request.financingNeedId(), LockModeType.PESSIMISTIC_WRITE);
        if (mine.isEmpty() || need == null || !need.enterpriseId.equals(mine.get().id)) {
            throw ProblemException.notFound("financing need");
        }
        if (need.status != NeedStatus.OPEN) {
            throw ProblemException.conflict("the financing need is " + need.status + "; apply against an open need");
        }
        ProductSummary product = ProductSummary.findById(request.productId());
        if (product == null || !product.isPublished()) {
            throw ProblemException.unprocessable("product " + request.productId() + " is not a published product");
        }
        if (!product.isValidOn(PlatformClock.today(clock))) {
            throw ProblemException.unprocessable("product " + product.productId + " is " + product.validity()
                    + ", not today (" + PlatformClock.today(clock) + ")");
        }
        long active = Application.count("financingNeedId = ?1 and productId = ?2 and status in ?3", need.id,
                product.productId, Application.ACTIVE);
        if (active > 0) {
            throw ProblemException.conflict("an application for this need and product is in progress");
        }
        if (request.consent() != null) {
            consents.grantOnApplication(mine.get(), product.bankId, request.consent().categories(),
                    request.consent().expiresAt() == null ? null : request.consent().expiresAt().toInstant());
        }
        Instant now = PlatformClock.now(clock);
        Application a = new Application();
        a.id = UUID.randomUUID();
        a.enterpriseId = need.enterpriseId;
        a.financingNeedId = need.id;
        a.productId = product.productId;
        a.productName = product.name;
        a.bankId = product.bankId;
        a.amount = need.amount;
        a.termMonths = need.termMonths;
        a.submittedAt = now;
        a.record(new ApplicationStep(ApplicationStatus.SUBMITTED, now, null, null, null));
        Persistence.persistAndFlush(a);
        outbox.publish(EnterpriseEvents.APPLICATION_TOPIC, a.id.toString(), EnterpriseEvents.APPLICATION_SUBMITTED,
                EnterpriseEvents.ApplicationSubmitted.of(a));
        return ApplicationView.of(a);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ApplicationView> mine(PageRequest page) {
        Optional<Enterprise> mine = Enterprise.ownedBy(caller.subject());
        if (mine.isEmpty()) {
            return new PageResponse<>(List.of(), page.page, page.size, 0);
        }
        var query = Application.<Application>find("enterpriseId", Sort.descending("submittedAt").and("id"),
                mine.get().id);
        return Pages.of(query, page, ApplicationView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationView get(UUID id) {
        return ApplicationView.of(access.readableApplication(id));
    }

    @Transactional
    public ApplicationView withdraw(UUID id) {
        Application a = access.ownedApplication(id);
        if (a.status.isFinal()) {
            throw ProblemException.conflict("the application is " + a.status + " already");
        }
        Instant now = PlatformClock.now(clock);
        a.record(new ApplicationStep(ApplicationStatus.WITHDRAWN, now, null, null, null));
        Persistence.flush();
        outbox.publish(EnterpriseEvents.APPLICATION_TOPIC, a.id.toString(), EnterpriseEvents.APPLICATION_WITHDRAWN,
                new EnterpriseEvents.ApplicationWithdrawn(a.id, a.enterpriseId, a.productId, a.bankId, now));
        return ApplicationView.of(a);
    }

    /**
     * The owner answers the bank's 补件 request: every kind asked for has a document uploaded (or replaced) since the
     * request, else 409 naming the missing ones; the application is UNDER_REVIEW again and MaterialsSubmitted tells
     * loan-service, whose lead follows (its LeadStatusChanged back is then nothing new here).
     */
    @Transactional
    public ApplicationView submitMaterials(UUID id) {
        Application a = access.ownedApplication(id);
        if (a.status != ApplicationStatus.MATERIALS_REQUESTED) {
            throw ProblemException.conflict("the application is " + a.status + ", not waiting for materials");
        }
        List<String> asked = List.copyOf(a.materialsRequested);
        var missing = MaterialsChecklist.missing(MaterialsService.openRequestItems(a));
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("upload the materials asked for first; missing since the request: "
                    + missing);
        }
        Instant now = PlatformClock.now(clock);
        a.record(new ApplicationStep(ApplicationStatus.UNDER_REVIEW, now, null, "materials submitted", null));
        Persistence.flush();
        outbox.publish(EnterpriseEvents.APPLICATION_TOPIC, a.id.toString(), EnterpriseEvents.MATERIALS_SUBMITTED,
                new EnterpriseEvents.MaterialsSubmitted(a.id, a.enterpriseId, a.productId, a.bankId, asked, now));
        return ApplicationView.of(a);
    }

    /**
     * A LeadStatusChanged from loan-service: records the bank's step in the application's history. A status that is
     * not a legal next step, or was recorded already, is ignored; a record that is not a lead event of a known
     * application goes to the dead-letter topic.
     */
    @Transactional
    public void applyLeadEvent(IncomingEvent event) {
        if (!"LeadStatusChanged".equals(event.name())) {
            return;
        }
        JsonNode data = event.data();
        UUID applicationId = uuid(data, "applicationId");
        ApplicationStatus status;
        try {
            status = ApplicationStatus.valueOf(text(data, "status"));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("status " + data.path("status") + " is not an application status");
        }
        if (!status.isReportedByBank()) {
            throw new InvalidEventException("status " + status + " is not one a bank reports");
        }
        // locked, need first (the order a need's withdrawal locks them in), so that a withdrawal at the same moment
        // waits instead of deadlocking or failing this event into the DLQ
        lockNeedOf(applicationId);
        Application a = Application.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new InvalidEventException("no application " + applicationId);
        }
        if (data.hasNonNull("bankId") && !a.bankId.equals(data.get("bankId").asText())) {
            throw new InvalidEventException("application " + applicationId + " is not a lead of bank "
                    + data.get("bankId").asText());
        }
        if (a.status == status || !a.status.canAdvanceTo(status)) {
            LOG.infof("ignored %s of application %s: it is %s", status, a.id, a.status);
            return;
        }
        Instant at = data.hasNonNull("at") ? instant(data, "at") : event.time().toInstant();
        BigDecimal amount = null;
        if (data.hasNonNull("amount")) {
            if (!data.get("amount").isNumber()) {
                throw new InvalidEventException("amount is not a number");
            }
            amount = data.get("amount").decimalValue();
        }
        a.record(new ApplicationStep(status, at, textOrNull(data, "reasonCode"), textOrNull(data, "note"), amount));
        if (status == ApplicationStatus.MATERIALS_REQUESTED) {
            a.materialsRequested = materials(data);
        }
        if (status == ApplicationStatus.DISBURSED) {
            fulfil(a, at);
        }
    }

    /** The kinds of a MATERIALS_REQUESTED event (codes, 1 to 10); anything else is not a valid event. */
    private static List<String> materials(JsonNode data) {
        JsonNode v = data.get("materials");
        if (v == null || !v.isArray() || v.isEmpty() || v.size() > 10) {
            throw new InvalidEventException("MATERIALS_REQUESTED needs materials, 1 to 10 kinds");
        }
        List<String> kinds = new ArrayList<>();
        for (JsonNode k : v) {
            kinds.add(MaterialKind.ofCode(k.asText()).orElseThrow(() ->
                    new InvalidEventException("materials: " + k + " is not a material kind")).name());
        }
        return kinds.stream().distinct().toList();
    }

    private void fulfil(Application a, Instant at) {
        FinancingNeed need = FinancingNeed.findById(a.financingNeedId, LockModeType.PESSIMISTIC_WRITE);
        if (need != null && need.isOpen()) {
            need.status = NeedStatus.FULFILLED;
            need.closedAt = at;
            outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, need.enterpriseId.toString(),
                    EnterpriseEvents.NEED_FULFILLED,
                    new EnterpriseEvents.FinancingNeedFulfilled(need.enterpriseId, need.id, a.id, at));
        }
        closeActiveApplications(a.financingNeedId, a.id, CloseReason.NEED_FULFILLED, at);
    }

    /**
     * One need, one loan: closes every active application of the need but {@code except} (CLOSED with the reason),
     * and announces each (ApplicationClosed) so that its bank's lead closes too. The caller holds the need's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeActiveApplications(UUID needId, UUID except, CloseReason reason, Instant at) {
        List<Application> active = Application.<Application>find("financingNeedId = ?1 and status in ?2",
                Sort.by("id"), needId, Application.ACTIVE).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Application other : active) {
            if (other.id.equals(except)) {
                continue;
            }
            other.record(new ApplicationStep(ApplicationStatus.CLOSED, at, reason.name(), null, null));
            outbox.publish(EnterpriseEvents.APPLICATION_TOPIC, other.id.toString(),
                    EnterpriseEvents.APPLICATION_CLOSED, EnterpriseEvents.ApplicationClosed.of(other, reason, at));
        }
    }

    private static void lockNeedOf(UUID applicationId) {
        List<UUID> need = Panache.getEntityManager()
                .createQuery("select a.financingNeedId from Application a where a.id = ?1", UUID.class)
                .setParameter(1, applicationId).getResultList();
        if (!need.isEmpty() && need.get(0) != null) {
            FinancingNeed.findById(need.get(0), LockModeType.PESSIMISTIC_WRITE);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidEventException(field + " is missing or not a string");
        }
        return v.asText();
    }

    private static String textOrNull(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText();
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static UUID uuid(JsonNode data, String field) {
        try {
            return UUID.fromString(text(data, field));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not a UUID");
        }
    }

    private static Instant instant(JsonNode data, String field) {
        try {
            return OffsetDateTime.parse(text(data, field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO-8601 time");
        }
    }
}
