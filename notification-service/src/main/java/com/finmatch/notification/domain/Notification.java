package com.finmatch.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One notification for one audience (see {@link Audience}); read state is per user (notification_read). */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_event_id")
    public String sourceEventId;

    public String audience;

    @Enumerated(EnumType.STRING)
    public NotificationKind kind;

    public String title;

    public String body;

    public String link;

    @Column(name = "created_at")
    public Instant createdAt;
}
