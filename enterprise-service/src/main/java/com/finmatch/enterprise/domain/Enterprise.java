package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A registered enterprise (企业), owned by the subject of the user who registered it. */
@Entity
public class Enterprise extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "owner_sub")
    public String ownerSub;

    public String uscc;

    public String name;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "cluster_code")
    public String clusterCode;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
