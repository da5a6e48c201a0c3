package com.finmatch.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Whose an enterprise is and its name, as enterprise.events told it (EnterpriseRegistered). */
@Entity
@Table(name = "enterprise_owner")
public class EnterpriseOwner extends PanacheEntityBase {

    @Id
    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    @Column(name = "owner_sub")
    public String ownerSub;

    public String name;
}
