package com.finmatch.loan.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The latest enterprise profile published on enterprise.events, shown to a bank on a lead under live consent. */
@Entity
@Table(name = "enterprise_replica")
public class EnterpriseReplica extends PanacheEntityBase {

    @Id
    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "owner_sub")
    public String ownerSub;

    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode profile;

    /** The profile's version in enterprise-service; an older one never overwrites a newer one. */
    public long version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
