package com.finmatch.platform.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Walks the entries of an audit chain in sequence order and finds the first that breaks it: a missing sequence number
 * (a deleted entry), a previous hash that is not the previous entry's hash (an entry removed, inserted or re-hashed
 * before it), or a hash that is not its content's (the entry was changed). Plain code: {@link AuditTrail} feeds it.
 */
public final class ChainCheck {

    /** The chain's state: intact so far, or the first broken entry and why. */
    @Schema(name = "AuditVerification", description = "The audit chain checked from its first entry to its head")
    public record Report(
            @Schema(description = "Every entry up to the head is there, unchanged and linked") boolean intact,
            @Schema(description = "Entries found intact before the first broken one (all, when intact)")
            @Min(0) @Max(Long.MAX_VALUE) long checked,
            @Schema(description = "The last intact entry's position (0: none)") @Min(0) @Max(Long.MAX_VALUE)
            long lastSeq,
            @Schema(description = "The last intact entry's hash") @Size(min = 64, max = 64) String lastHash,
            @Schema(description = "The first entry that breaks the chain; null when intact", nullable = true)
            Broken firstBroken) {
    }

    /** The first entry that breaks the chain: its sequence number, id (null when it is missing) and what is wrong. */
    @Schema(name = "AuditBrokenEntry")
    public record Broken(@Min(1) @Max(Long.MAX_VALUE) long seq,
            @Schema(description = "The entry's id; null when the entry is missing", nullable = true) @Size(max = 36)
            String id,
            @Schema(description = "What is wrong: missing, not linked to the previous entry, or changed")
            @Size(max = 200) String reason) {
    }

    private long expectedSeq = 1;
    private String previousHash = AuditEntry.GENESIS;
    private long checked;
    private Broken broken;

    /** Checks the next entry; false once the chain is broken (later entries are not looked at). */
    public boolean accept(AuditEntry entry) {
        if (broken != null) {
            return false;
        }
        if (entry.seq() != expectedSeq) {
            broken = new Broken(expectedSeq, null, "entry " + expectedSeq + " is missing (the next one is "
                    + entry.seq() + ")");
        } else if (!previousHash.equals(entry.prevHash())) {
            broken = new Broken(entry.seq(), entry.id().toString(), "its previous hash is not the hash of entry "
                    + (entry.seq() - 1));
        } else if (!entry.computeHash().equals(entry.hash())) {
            broken = new Broken(entry.seq(), entry.id().toString(), "its content does not match its hash");
        } else {
            checked++;
            expectedSeq++;
            previousHash = entry.hash();
            return true;
        }
        return false;
    }

    /**
     * The report once every entry up to the chain head ({@code headSeq}, {@code headHash}) was offered: entries removed
     * from the end of the chain show as the head's entry missing.
     */
    public Report finish(long headSeq, String headHash) {
        if (broken == null && expectedSeq - 1 < headSeq) {
            broken = new Broken(expectedSeq, null, "entry " + expectedSeq + " is missing (the chain's head is entry "
                    + headSeq + ")");
        } else if (broken == null && !previousHash.equals(headHash)) {
            broken = new Broken(headSeq, null, "the last entry's hash is not the one the chain's head recorded");
        }
        return new Report(broken == null, checked, expectedSeq - 1, previousHash, broken);
    }
}
