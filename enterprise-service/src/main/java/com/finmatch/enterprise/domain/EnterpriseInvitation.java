package com.finmatch.enterprise.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A USCC an applied list named before the enterprise registered: the tags and cluster it is given when it registers
 * with that USCC (then claimed).
 */
@Entity
@Table(name = "enterprise_invitation")
public class EnterpriseInvitation extends PanacheEntityBase {

    @Id
    public String uscc;

    /** The tags, comma-separated. */
    @Column(name = "tags")
    String tagList = "";

    @Column(name = "cluster_code")
    public String clusterCode;

    @Column(name = "import_id")
    public UUID importId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "enterprise_id")
    public UUID enterpriseId;

    public Set<EnterpriseTag> tags() {
        Set<EnterpriseTag> tags = EnumSet.noneOf(EnterpriseTag.class);
        Arrays.stream(tagList.split(",")).filter(t -> !t.isEmpty()).map(EnterpriseTag::valueOf).forEach(tags::add);
        return tags;
    }

    public void setTags(Set<EnterpriseTag> tags) {
        tagList = tags.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Optional<EnterpriseInvitation> unclaimed(String uscc) {
        return find("uscc = ?1 and claimedAt is null", uscc).firstResultOptional();
    }
}
