package com.finmatch.platform.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainCheckTest {

    private static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            TreeMap<String, String> objects = new TreeMap<>();
            objects.put("id", UUID.randomUUID().toString());
            AuditEntry e = AuditEntry.chain(new AuditEntry.Draft(UUID.randomUUID(),
                    Instant.parse("2026-12-01T00:00:00.123456Z").plusSeconds(i), "sub-" + i, "user" + i, "bank",
                    "bank-zqrcb", "127.0.0.1", "POST", "/api/v1/leads/{id}/decisions", objects, 200), i, prev);
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    private static ChainCheck.Report check(List<AuditEntry> entries, long headSeq, String headHash) {
        ChainCheck check = new ChainCheck();
        for (AuditEntry e : entries) {
            if (!check.accept(e)) {
                break;
            }
        }
        return check.finish(headSeq, headHash);
    }

    private static AuditEntry withStatus(AuditEntry e, int status) {
        return new AuditEntry(e.seq(), e.id(), e.at(), e.subject(), e.userName(), e.roles(), e.clientId(),
                e.remoteAddress(), e.method(), e.route(), e.objects(), status, e.prevHash(), e.hash());
    }

    @Test
    void shouldReportAnUntouchedChainIntact() {
        List<AuditEntry> entries = chain(5);
        ChainCheck.Report report = check(entries, 5, entries.get(4).hash());
        assertTrue(report.intact());
        assertEquals(5, report.checked());
        assertNull(report.firstBroken());
    }

    @Test
    void shouldReportAnEmptyChainIntact() {
        assertTrue(check(List.of(), 0, AuditEntry.GENESIS).intact());
    }

    @Test
    void shouldNameTheEntryWhoseContentWasChanged() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        entries.set(2, withStatus(entries.get(2), 403));
        ChainCheck.Report report = check(entries, 5, entries.get(4).hash());
        assertFalse(report.intact());
        assertEquals(3, report.firstBroken().seq());
        assertEquals(entries.get(2).id().toString(), report.firstBroken().id());
        assertEquals(2, report.checked());
    }

    @Test
    void shouldNameTheNextEntryWhenAChangedEntryWasRehashed() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        AuditEntry changed = withStatus(entries.get(1), 201);
        entries.set(1, changed.withHash(changed.computeHash()));
        ChainCheck.Report report = check(entries, 5, entries.get(4).hash());
        assertEquals(3, report.firstBroken().seq());
    }

    @Test
    void shouldNameAMissingEntry() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        entries.remove(1);
        ChainCheck.Report report = check(entries, 5, entries.get(3).hash());
        assertEquals(2, report.firstBroken().seq());
        assertNull(report.firstBroken().id());
    }

    @Test
    void shouldNoticeEntriesRemovedFromTheEnd() {
        List<AuditEntry> entries = chain(5);
        ChainCheck.Report report = check(entries.subList(0, 3), 5, entries.get(4).hash());
        assertFalse(report.intact());
        assertEquals(4, report.firstBroken().seq());
    }

    @Test
    void shouldHashEveryFieldAndThePreviousHash() {
        AuditEntry e = chain(1).get(0);
        assertNotEquals(e.hash(), withStatus(e, 500).computeHash());
        AuditEntry otherPrev = new AuditEntry(e.seq(), e.id(), e.at(), e.subject(), e.userName(), e.roles(),
                e.clientId(), e.remoteAddress(), e.method(), e.route(), e.objects(), e.status(), "1".repeat(64), null);
        assertNotEquals(e.hash(), otherPrev.computeHash());
        assertEquals(64, e.hash().length());
    }
}
