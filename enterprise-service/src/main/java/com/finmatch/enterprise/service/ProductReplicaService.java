package com.finmatch.enterprise.service;

import com.finmatch.enterprise.domain.ProductSummary;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.InvalidEventException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The local replica of loan-service's products ({productId, bankId, name, status, minAmount, maxAmount, validFrom,
 * validTo}), all that
 * submitting an application needs. An event older than the replica (by product version) changes nothing.
 */
@ApplicationScoped
public class ProductReplicaService {

    private static final Set<String> FULL = Set.of("ProductPublished", "ProductUpdated");
    private static final Set<String> STATUS_ONLY = Set.of("ProductSuspended", "ProductWithdrawn");

    @Transactional
    public void apply(IncomingEvent event) {
        String name = event.name();
        if (!FULL.contains(name) && !STATUS_ONLY.contains(name)) {
            return; // training offers and policy tools are not this service's business
        }
        JsonNode data = event.data();
        UUID productId;
        try {
            productId = UUID.fromString(required(data, "productId").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("productId is not a UUID");
        }
        String bankId = required(data, "bankId").asText();
        String status = required(data, "status").asText();
        Long version = data.hasNonNull("version") ? data.get("version").asLong() : null;
        ProductSummary p = ProductSummary.findById(productId);
        if (p != null && version != null && p.productVersion != null && version < p.productVersion) {
            return;
        }
        boolean known = p != null;
        if (!known) {
            p = new ProductSummary();
            p.productId = productId;
        }
        p.bankId = bankId;
        p.status = status;
        p.productVersion = version;
        p.updatedAt = event.time().toInstant();
        if (FULL.contains(name)) {
            p.name = data.hasNonNull("name") ? data.get("name").asText() : null;
            p.minAmount = decimal(data, "minAmount");
            p.maxAmount = decimal(data, "maxAmount");
            p.validFrom = date(data, "validFrom");
            p.validTo = date(data, "validTo");
            p.materialsRequired = materials(data);
        }
        if (!known) {
            p.persist(); // after every column is set: the insert carries the state at persist time
        }
    }

    /** materialsRequired: at most 30 items of at most 200 characters (as loan-service bounds them); null if absent. */
    private static List<String> materials(JsonNode data) {
        JsonNode v = data.get("materialsRequired");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray() || v.size() > 30) {
            throw new InvalidEventException("materialsRequired is not a list of at most 30 items");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > 200) {
                throw new InvalidEventException("materialsRequired has an item that is not a text of 1 to 200 characters");
            }
            items.add(item.asText().strip());
        }
        return items;
    }

    private static JsonNode required(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new InvalidEventException(field + " is missing");
        }
        return v;
    }

    private static LocalDate date(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field + " is not an ISO date");
        }
    }

    private static BigDecimal decimal(JsonNode data, String field) {
        JsonNode v = data.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new InvalidEventException(field + " is not a number");
        }
        return v.decimalValue();
    }
}
