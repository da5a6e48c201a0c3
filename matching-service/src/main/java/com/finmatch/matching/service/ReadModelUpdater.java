package com.finmatch.matching.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.finmatch.matching.domain.EnterpriseProfile;
import com.finmatch.matching.domain.FinancingNeed;
import com.finmatch.matching.domain.LoanProduct;
import com.finmatch.matching.domain.PolicyTool;
import com.finmatch.matching.domain.TrainingOffer;
import com.finmatch.matching.domain.engine.MatchingEngine;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Applies consumed events to the read models and the engine, inside the inbox transaction (idempotent on ce_id).
 * Rows are upserts that tolerate any arrival order across topics; versioned aggregates (enterprises, products)
 * ignore older versions. Each change of a need's top list is published through {@link MatchingService#publish}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReadModelUpdater {

    private static final Logger LOG = Logger.getLogger(ReadModelUpdater.class);

    @Inject
    EntityManager em;

    @Inject
    MatchingService matching;

    @Inject
    KpiHistory history;

    @Inject
    Ownership ownership;

    @Inject
    EngineSync sync;

    @Inject
    ReadModelLoader loader;

    // ------------------------------------------------------------------------------------------------ enterprise.events

    public void onEnterpriseEvent(IncomingEvent event) {
        JsonNode data = event.data();
        switch (event.name()) {
            case "EnterpriseRegistered", "EnterpriseUpdated" -> enterprise(event, data);
            case "FinancingNeedOpened" -> needOpened(data, event);
            case "FinancingNeedWithdrawn" -> needClosed(uuid(data, "needId"), "WITHDRAWN", time(data, "at", event));
            case "FinancingNeedFulfilled" -> needClosed(uuid(data, "needId"), "FULFILLED", time(data, "at", event));
            case "ConsentGranted" -> sql("insert into consent_rm (id, enterprise_id, bank_id, categories, granted_at,"
                    + " expires_at) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (id) do update set"
                    + " enterprise_id = excluded.enterprise_id, bank_id = excluded.bank_id,"
                    + " categories = excluded.categories, granted_at = excluded.granted_at,"
                    + " expires_at = excluded.expires_at",
                    uuid(data, "consentId"), uuid(data, "enterpriseId"), text(data, "bankId", true),
                    categories(data), time(data, "grantedAt", event), optionalTime(data, "expiresAt"));
            case "ConsentRevoked" -> sql("insert into consent_rm (id, enterprise_id, bank_id, revoked_at)"
                    + " values (?1, ?2, ?3, ?4) on conflict (id) do update set revoked_at = excluded.revoked_at",
                    uuid(data, "consentId"), uuid(data, "enterpriseId"), text(data, "bankId", true),
                    time(data, "revokedAt", event));
            case "ProjectRegistered" -> project(data, event);
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void enterprise(IncomingEvent event, JsonNode data) {
        UUID id = uuid(data, "enterpriseId");
        EnterpriseProfile profile = Json.read(data, EnterpriseProfile.class);
        Number stored = (Number) single("select version from enterprise_rm where id = ?1", id);
        if (stored != null && profile.version() < stored.longValue()) {
            return;
        }
        sql("insert into enterprise_rm (id, owner_sub, name, district_code, cluster_code, size_class, version,"
                + " registered_at, payload) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (id) do update set"
                + " owner_sub = excluded.owner_sub, name = excluded.name, district_code = excluded.district_code,"
                + " cluster_code = excluded.cluster_code, size_class = excluded.size_class, version = excluded.version,"
                + " payload = excluded.payload",
                id, profile.ownerSub(), profile.name(), profile.districtCode(), profile.clusterCode(),
                profile.sizeClass(), profile.version(), event.time(), data.toString());
        if (!ownership.owns(id.toString())) {
            return; // another replica's (a record this replica still had when its partition moved)
        }
        MatchingEngine engine = matching.engineForUpdate();
        matching.publish(engine.upsertEnterprise(profile));
    }

    private void needOpened(JsonNode data, IncomingEvent event) {
        UUID id = uuid(data, "needId");
        uuid(data, "enterpriseId");
        FinancingNeed need = Json.read(data, FinancingNeed.class);
        if (need.amount() == null) {
            throw new InvalidEventException("FinancingNeedOpened without amount");
        }
        Object status = single("select status from need_rm where id = ?1", id);
        if (status != null && !"OPEN".equals(status)) {
            return;
        }
        storeNeed(id, need, "NEED", time(data, "openedAt", event));
        match(need);
    }

    private void project(JsonNode data, IncomingEvent event) {
        UUID id = uuid(data, "projectId");
        UUID enterprise = uuid(data, "enterpriseId");
        BigDecimal gap = data.path("financingGap").isNumber() ? data.path("financingGap").decimalValue() : null;
        if (gap == null || gap.signum() <= 0) {
            needClosed(id, "FULFILLED", event.time());
            return;
        }
        Integer term = data.path("termMonths").isInt() ? data.path("termMonths").intValue() : null;
        FinancingNeed need = new FinancingNeed(id.toString(), enterprise.toString(), gap, term, "PROJECT",
                MatchingEngine.GUARANTEE_TYPES, null, null, id.toString());
        storeNeed(id, need, "PROJECT", event.time());
        match(need);
    }

    /** An open need into the owner's engine, with the pairs already declined for it, and its list published. */
    private void match(FinancingNeed need) {
        if (!ownership.owns(need.enterpriseId())) {
            return;
        }
        MatchingEngine engine = matching.engineForUpdate();
        for (String product : loader.declinedProductsOf(need.needId())) {
            engine.declineProduct(need.needId(), product, true);
        }
        if (engine.upsertNeed(need)) {
            matching.publish(List.of(need.needId()));
        }
    }

    private void storeNeed(UUID id, FinancingNeed need, String kind, OffsetDateTime openedAt) {
        sql("insert into need_rm (id, enterprise_id, kind, amount, term_months, status, opened_at, payload)"
                + " values (?1, ?2, ?3, ?4, ?5, 'OPEN', ?6, ?7) on conflict (id) do update set"
                + " amount = excluded.amount, term_months = excluded.term_months, status = 'OPEN',"
                + " closed_at = null, payload = excluded.payload",
                id, UUID.fromString(need.enterpriseId()), kind, need.amount(), need.termMonths(), openedAt,
                Json.write(need));
    }

    private void needClosed(UUID id, String status, OffsetDateTime at) {
        int updated = sql("update need_rm set status = ?2, closed_at = ?3 where id = ?1", id, status, at);
        if (updated == 0) {
            return;
        }
        MatchingEngine engine = matching.engineForUpdate();
        if (engine.closeNeed(id.toString())) {
            matching.publish(List.of(id.toString()));
        }
    }

    // ------------------------------------------------------------------------------------------------ product.events

    public void onProductEvent(IncomingEvent event) {
        JsonNode data = event.data();
        if ("PolicyToolChanged".equals(event.name())) {
            history.policyToolChanged(event);
        }
        switch (event.name()) {
            case "ProductPublished", "ProductUpdated" -> product(data);
            case "ProductSuspended", "ProductWithdrawn" -> productStatus(data);
            case "TrainingOfferPublished" -> {
                UUID id = uuid(data, "offerId");
                TrainingOffer offer = Json.read(data, TrainingOffer.class);
                sql("insert into training_offer_rm (id, status, payload) values (?1, ?2, ?3) on conflict (id) do update"
                        + " set status = excluded.status, payload = excluded.payload",
                        id, offer.status() == null ? "OPEN" : offer.status(), data.toString());
                matching.engineForUpdate().upsertTrainingOffer(offer);
                sync.changed("offer", id);
            }
            case "TrainingOfferClosed" -> {
                UUID id = uuid(data, "offerId");
                Object payload = single("select payload from training_offer_rm where id = ?1", id);
                if (payload != null) {
                    ObjectNode node = (ObjectNode) Json.tree((String) payload);
                    node.put("status", "CLOSED");
                    sql("update training_offer_rm set status = 'CLOSED', payload = ?2 where id = ?1", id,
                            node.toString());
                    matching.engineForUpdate().closeTrainingOffer(id.toString());
                    sync.changed("offer", id);
                }
            }
            case "TrainingOfferSeatsChanged" -> {
                UUID id = uuid(data, "offerId");
                Integer seatsLeft = integer(data, "seatsLeft");
                if (seatsLeft == null) {
                    throw new InvalidEventException("TrainingOfferSeatsChanged without seatsLeft");
                }
                Object payload = single("select payload from training_offer_rm where id = ?1", id);
                if (payload != null) {
                    ObjectNode node = (ObjectNode) Json.tree((String) payload);
                    node.put("seatsLeft", seatsLeft);
                    sql("update training_offer_rm set payload = ?2 where id = ?1", id, node.toString());
                    matching.engineForUpdate().upsertTrainingOffer(Json.read(node, TrainingOffer.class));
                    sync.changed("offer", id);
                }
            }
            case "PolicyToolChanged" -> {
                UUID id = uuid(data, "policyToolId");
                PolicyTool tool = Json.read(data, PolicyTool.class);
                sql("insert into policy_tool_rm (id, kind, active, payload) values (?1, ?2, ?3, ?4) on conflict (id)"
                        + " do update set kind = excluded.kind, active = excluded.active, payload = excluded.payload",
                        id, text(data, "kind", true), tool.active(), data.toString());
                MatchingEngine engine = matching.engineForUpdate();
                matching.publish(engine.upsertPolicyTool(tool));
                sync.changed("tool", id);
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void product(JsonNode data) {
        UUID id = uuid(data, "productId");
        text(data, "bankId", true);
        LoanProduct product = Json.read(data, LoanProduct.class);
        Number stored = (Number) single("select version from product_rm where id = ?1", id);
        if (stored != null && product.version() < stored.longValue()) {
            return;
        }
        sql("insert into product_rm (id, bank_id, name, type, status, version, payload) values (?1, ?2, ?3, ?4, ?5, ?6,"
                + " ?7) on conflict (id) do update set bank_id = excluded.bank_id, name = excluded.name,"
                + " type = excluded.type, status = excluded.status, version = excluded.version,"
                + " payload = excluded.payload",
                id, product.bankId(), product.name(), product.type(), String.valueOf(product.status()),
                product.version(), data.toString());
        MatchingEngine engine = matching.engineForUpdate();
        matching.publish(engine.upsertProduct(product));
        sync.changed("product", id);
    }

    private void productStatus(JsonNode data) {
        UUID id = uuid(data, "productId");
        String status = text(data, "status", true);
        long version = data.path("version").asLong(0);
        Object[] row = first("select version, payload from product_rm where id = ?1", id);
        if (row == null || version < ((Number) row[0]).longValue()) {
            return;
        }
        ObjectNode payload = (ObjectNode) Json.tree((String) row[1]);
        payload.put("status", status);
        payload.put("version", version);
        sql("update product_rm set status = ?2, version = ?3, payload = ?4 where id = ?1", id, status, version,
                payload.toString());
        MatchingEngine engine = matching.engineForUpdate();
        matching.publish(engine.changeProductStatus(id.toString(), status, version));
        sync.changed("product", id);
    }

    // ------------------------------------------------------------------------------------------------ applications

    public void onApplicationEvent(IncomingEvent event) {
        JsonNode data = event.data();
        UUID id = uuid(data, "applicationId");
        switch (event.name()) {
            case "ApplicationSubmitted" -> sql("insert into application_rm (id, enterprise_id, need_id, product_id,"
                    + " bank_id, amount, term_months, status, submitted_at, status_at) values (?1, ?2, ?3, ?4, ?5, ?6,"
                    + " ?7, 'SUBMITTED', ?8, ?8) on conflict (id) do update set enterprise_id = excluded.enterprise_id,"
                    + " need_id = excluded.need_id, product_id = excluded.product_id, bank_id = excluded.bank_id,"
                    + " amount = excluded.amount, term_months = excluded.term_months,"
                    + " submitted_at = excluded.submitted_at, status = coalesce(application_rm.status, 'SUBMITTED')",
                    id, uuid(data, "enterpriseId"), optionalUuid(data, "financingNeedId"), uuid(data, "productId"),
                    text(data, "bankId", true), decimal(data, "amount"), integer(data, "termMonths"),
                    time(data, "submittedAt", event));
            case "ApplicationWithdrawn" -> sql("insert into application_rm (id, enterprise_id, product_id, bank_id,"
                    + " status, withdrawn_at, status_at) values (?1, ?2, ?3, ?4, 'WITHDRAWN', ?5, ?5) on conflict (id)"
                    + " do update set withdrawn_at = excluded.withdrawn_at, status = 'WITHDRAWN',"
                    + " status_at = excluded.status_at",
                    id, optionalUuid(data, "enterpriseId"), optionalUuid(data, "productId"), text(data, "bankId", false),
                    time(data, "at", event));
            // its need was met by another application's loan or withdrawn: final, and for the KPIs ended by the
            // enterprise side like a withdrawal (withdrawn_at), so a lead closed before the bank acted is no refusal
            case "ApplicationClosed" -> sql("insert into application_rm (id, enterprise_id, need_id, product_id,"
                    + " bank_id, status, withdrawn_at, status_at) values (?1, ?2, ?3, ?4, ?5, 'CLOSED', ?6, ?6)"
                    + " on conflict (id) do update set status = 'CLOSED', status_at = excluded.status_at,"
                    + " withdrawn_at = coalesce(application_rm.withdrawn_at, excluded.withdrawn_at)",
                    id, optionalUuid(data, "enterpriseId"), optionalUuid(data, "financingNeedId"),
                    optionalUuid(data, "productId"), text(data, "bankId", false), time(data, "at", event));
            default -> LOG.debugf("ignoring %s", event.type());
        }
        declines(id);
    }

    /**
     * Tells the engine whether the application's (need, product) pair is declined: the latest application of the pair
     * (by submission) was DECLINED. Runs after every application or lead event, as either may arrive first.
     */
    private void declines(UUID applicationId) {
        Object[] pair = first("select need_id, product_id from application_rm where id = ?1", applicationId);
        if (pair == null || pair[0] == null || pair[1] == null) {
            return;
        }
        String need = pair[0].toString();
        MatchingEngine engine = matching.engineForUpdate();
        if (engine.isOpen(need)) {
            matching.publish(engine.declineProduct(need, pair[1].toString(), loader.declined(pair[0], pair[1])));
        }
        sync.changed("declined", need, pair[1]); // the need's owner, if another replica, re-reads the pair
    }

    // ------------------------------------------------------------------------------------------------ lead.events

    public void onLeadEvent(IncomingEvent event) {
        JsonNode data = event.data();
        UUID id = uuid(data, "applicationId");
        switch (event.name()) {
            case "LeadStatusChanged" -> {
                lead(id, data, event);
                declines(id);
            }
            case "LeadOverdue" -> sql("insert into application_rm (id, enterprise_id, product_id, bank_id, due_at,"
                    + " overdue, overdue_at) values (?1, ?2, ?3, ?4, ?5, true, ?6) on conflict (id) do update set"
                    + " overdue = true, due_at = coalesce(excluded.due_at, application_rm.due_at),"
                    + " overdue_at = least(coalesce(application_rm.overdue_at, excluded.overdue_at), excluded.overdue_at)",
                    id, optionalUuid(data, "enterpriseId"), optionalUuid(data, "productId"), text(data, "bankId", false),
                    optionalTime(data, "dueAt"), time(data, "at", event));
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void lead(UUID id, JsonNode data, IncomingEvent event) {
        String status = text(data, "status", true);
        // MATERIALS_REQUESTED (补件): the bank acted and the lead is still open, under review while it waits
        if (!List.of("RECEIVED", "UNDER_REVIEW", "MATERIALS_REQUESTED", "APPROVED", "DECLINED", "DISBURSED")
                .contains(status)) {
            throw new InvalidEventException("unknown lead status " + status);
        }
        OffsetDateTime at = time(data, "at", event);
        boolean accepted = !status.equals("DECLINED");
        sql("insert into application_rm (id, enterprise_id, product_id, bank_id, submitted_at, due_at, status,"
                + " status_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (id) do update set"
                + " enterprise_id = coalesce(application_rm.enterprise_id, excluded.enterprise_id),"
                + " product_id = coalesce(application_rm.product_id, excluded.product_id),"
                + " bank_id = coalesce(application_rm.bank_id, excluded.bank_id),"
                + " submitted_at = coalesce(application_rm.submitted_at, excluded.submitted_at),"
                + " due_at = coalesce(excluded.due_at, application_rm.due_at),"
                + " status = case when application_rm.status_at is null or application_rm.status_at <= excluded.status_at"
                + " then excluded.status else application_rm.status end,"
                + " status_at = greatest(application_rm.status_at, excluded.status_at)",
                id, optionalUuid(data, "enterpriseId"), optionalUuid(data, "productId"), text(data, "bankId", false),
                optionalTime(data, "submittedAt"), optionalTime(data, "dueAt"), status, at);
        sql("update application_rm set first_action_at = least(coalesce(first_action_at, ?2), ?2) where id = ?1", id, at);
        BigDecimal responseHours = decimal(data, "responseWorkingHours");
        if (responseHours != null) {
            sql("update application_rm set response_working_hours = ?2 where id = ?1", id, responseHours);
        }
        if (accepted) {
            sql("update application_rm set accepted_at = least(coalesce(accepted_at, ?2), ?2) where id = ?1", id, at);
        }
        switch (status) {
            case "APPROVED" -> sql("update application_rm set approved_at = ?2, approved_amount = ?3,"
                    + " approved_rate = ?4 where id = ?1", id, at, decimal(data, "amount"), decimal(data, "rate"));
            case "DECLINED" -> sql("update application_rm set declined_at = ?2, reason_code = ?3 where id = ?1", id, at,
                    text(data, "reasonCode", false));
            case "DISBURSED" -> sql("update application_rm set disbursed_at = ?2, disbursed_amount = ?3,"
                    + " approved_at = coalesce(approved_at, ?2), approved_amount = coalesce(approved_amount, ?3)"
                    + " where id = ?1", id, at, decimal(data, "amount"));
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private int sql(String sql, Object... parameters) {
        Query q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return q.executeUpdate();
    }

    private Object single(String sql, Object parameter) {
        List<?> r = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return r.isEmpty() ? null : r.get(0);
    }

    private Object[] first(String sql, Object parameter) {
        List<?> r = em.createNativeQuery(sql).setParameter(1, parameter).getResultList();
        return r.isEmpty() ? null : (Object[]) r.get(0);
    }

    static UUID uuid(JsonNode data, String field) {
        String value = data.path(field).asText(null);
        if (value == null) {
            throw new InvalidEventException("missing " + field);
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(field + " is not a UUID: " + value);
        }
    }

    static UUID optionalUuid(JsonNode data, String field) {
        return data.hasNonNull(field) ? uuid(data, field) : null;
    }

    static String text(JsonNode data, String field, boolean required) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            if (required) {
                throw new InvalidEventException("missing " + field);
            }
            return null;
        }
        return node.asText();
    }

    static BigDecimal decimal(JsonNode data, String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new InvalidEventException(field + " is not a number");
        }
        return node.decimalValue();
    }

    static Integer integer(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || !node.canConvertToInt() ? null : node.intValue();
    }

    static OffsetDateTime time(JsonNode data, String field, IncomingEvent event) {
        OffsetDateTime t = optionalTime(data, field);
        return t != null ? t : event.time();
    }

    static OffsetDateTime optionalTime(JsonNode data, String field) {
        String value = data.path(field).asText(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidEventException(field + " is not an ISO-8601 time: " + value);
            }
        }
    }

    private static String categories(JsonNode data) {
        StringBuilder s = new StringBuilder();
        data.path("categories").forEach(c -> s.append(s.isEmpty() ? "" : ",").append(c.asText()));
        return s.toString();
    }
}
