package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One published state of a product, kept as it was published: the product's version history. */
@Entity
@Table(name = "loan_product_version")
public class ProductVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "product_id") UUID productId, long version) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> snapshot;

    @Column(name = "created_at")
    public Instant createdAt;
}
