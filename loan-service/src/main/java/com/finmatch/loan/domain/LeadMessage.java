package com.finmatch.loan.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message of a lead's thread between its bank and the enterprise that applied. */
@Entity
@Table(name = "lead_message")
public class LeadMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "lead_id")
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_role")
    public AuthorRole authorRole;

    /** The token subject of the author: kept for the audit, never shown. */
    @Column(name = "author_sub")
    public String authorSub;

    @Column(name = "author_name")
    public String authorName;

    public String body;

    @Column(name = "posted_at")
    public Instant postedAt;
}
