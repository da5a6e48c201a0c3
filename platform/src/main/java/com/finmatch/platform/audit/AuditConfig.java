package com.finmatch.platform.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Set;

/** Whose requests the audit trail records (com.finmatch.platform.audit.AuditFilter). */
@ConfigMapping(prefix = "finmatch.audit")
public interface AuditConfig {

    /** Off: nothing is recorded (the audit endpoints still answer). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Roles whose state-changing requests (any method but GET, HEAD, OPTIONS) are recorded, whatever the answer: every
     * realm role but {@code enterprise} (an enterprise acting on its own data is not audited here).
     */
    @WithDefault("admin,bank,auditor,industry-bureau")
    Set<String> actorRoles();

    /** Roles whose reads of enterprise data (resource methods marked {@link AuditedRead}) are recorded. */
    @WithDefault("admin")
    Set<String> readerRoles();
}
