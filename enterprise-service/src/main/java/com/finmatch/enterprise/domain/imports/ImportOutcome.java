package com.finmatch.enterprise.domain.imports;

/** What a row of an import does (or did, once applied). */
public enum ImportOutcome {
    /** A USCC not registered yet: the row is kept as an invitation the enterprise claims when it registers. */
    ACCEPTED,
    /** A registered enterprise whose tags or cluster the row changes. */
    UPDATED,
    /** The enterprise (or the invitation) holds what the row says already. */
    UNCHANGED,
    /** The row is invalid (the reason says why) and is skipped. */
    REJECTED
}
