package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The local replica of a loan product, kept from loan-service's product.events: what applications need. */
@Entity
@Table(name = "product_summary")
public class ProductSummary extends PanacheEntityBase {

    public static final String PUBLISHED = "PUBLISHED";

    @Id
    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "bank_id")
    public String bankId;

    public String name;

    public String status;

    @Column(name = "min_amount")
    public BigDecimal minAmount;

    @Column(name = "max_amount")
    public BigDecimal maxAmount;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "product_version")
    public Long productVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The product's materialsRequired as published (MaterialKind codes or free text); null when the replica predates
     * it (known again with the product's next ProductUpdated).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "materials_required")
    public List<String> materialsRequired;

    public boolean isPublished() {
        return PUBLISHED.equals(status);
    }

    /** Valid on {@code day}: not before validFrom, not after validTo (a missing bound does not restrict). */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** The validity in words, for error messages: "valid from 2027-01-01 until 2027-12-31". */
    public String validity() {
        return "valid from " + (validFrom == null ? "any day" : validFrom)
                + (validTo == null ? " without end" : " until " + validTo);
    }
}
