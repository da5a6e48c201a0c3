package com.finmatch.enterprise.service;

import com.finmatch.enterprise.api.ImportView;
import com.finmatch.enterprise.domain.Enterprise;
import com.finmatch.enterprise.domain.EnterpriseInvitation;
import com.finmatch.enterprise.domain.ListImport;
import com.finmatch.enterprise.domain.imports.BadImportFile;
import com.finmatch.enterprise.domain.imports.ImportKind;
import com.finmatch.enterprise.domain.imports.ImportPlan;
import com.finmatch.enterprise.domain.imports.ImportPlan.Holding;
import com.finmatch.enterprise.domain.imports.ImportRows;
import com.finmatch.enterprise.domain.imports.ImportTable;
import com.finmatch.enterprise.domain.imports.ListRow;
import com.finmatch.enterprise.event.EnterpriseEvents;
import com.finmatch.enterprise.event.EnterpriseEvents.EnterpriseProfile;
import com.finmatch.platform.events.Outbox;
import com.finmatch.platform.http.Problem;
import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.security.Caller;
import com.finmatch.platform.time.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * List imports (issue 16 §5): an upload is validated and planned against today's data and stored with its report
 * (the dry run); applying it — once, under a lock on the import — changes the enterprises' tags or cluster, publishes
 * EnterpriseUpdated for each changed enterprise through the outbox, and keeps the rows of unregistered USCCs as
 * invitations that registration claims.
 */
@ApplicationScoped
public class ListImportService {

    public static final int MAX_ROWS = 2000;
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    ReferenceDataService reference;

    @Inject
    Outbox outbox;

    @Transactional
    public ImportView preview(ImportKind kind, String fileName, Path file) {
        byte[] content = read(file);
        List<ListRow> parsed;
        try {
            parsed = ImportRows.parse(kind, ImportTable.read(content, MAX_ROWS), MAX_ROWS, reference::isCluster);
        } catch (BadImportFile e) {
            throw ProblemException.invalid(e.problems.stream().map(p -> new Problem.Violation("file", p)).toList());
        }
        Current current = current(parsed);
        ImportPlan plan = ImportPlan.of(kind, parsed, current.holdings);
        ListImport i = new ListImport();
        i.id = UUID.randomUUID();
        i.kind = kind;
        i.fileName = fileName;
        i.status = ListImport.Status.PREVIEWED;
        i.uploadedBy = caller.subject();
        i.uploadedAt = PlatformClock.now(clock);
        plan.rows.forEach(r -> i.rows.add(ListImport.Row.of(r)));
        Persistence.persistAndFlush(i);
        return ImportView.of(i);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportView get(UUID id) {
        ListImport i = ListImport.findById(id);
        if (i == null) {
            throw ProblemException.notFound("import " + id);
        }
        return ImportView.of(i);
    }

    /** Applies the import once; a second call (or one waiting on the first) answers what the first did. */
    @Transactional
    public ImportView apply(UUID id) {
        ListImport i = ListImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (i == null) {
            throw ProblemException.notFound("import " + id);
        }
        if (i.status == ListImport.Status.APPLIED) {
            return ImportView.of(i);
        }
        Instant now = PlatformClock.now(clock);
        List<ListRow> parsed = i.rows.stream().map(ListImport.Row::toListRow)
                .map(r -> r.isRejected() ? r : r.with(null, null)).toList();
        Current current = current(parsed);
        ImportPlan plan = ImportPlan.of(i.kind, parsed, current.holdings);
        List<Enterprise> updated = new ArrayList<>();
        plan.changed.forEach((uscc, holding) -> {
            Enterprise e = current.enterprises.get(uscc);
            if (e != null) {
                e.tags.clear();
                e.tags.addAll(holding.tags());
                e.clusterCode = holding.clusterCode();
                e.updatedAt = now;
                updated.add(e);
            } else {
                invite(uscc, holding, i.id, now);
            }
        });
        // a profile update that committed meanwhile makes this flush fail (412), and nothing is published
        Persistence.flush();
        for (Enterprise e : updated) {
            outbox.publish(EnterpriseEvents.ENTERPRISE_TOPIC, e.id.toString(), EnterpriseEvents.ENTERPRISE_UPDATED,
                    EnterpriseProfile.of(e));
        }
        i.rows.clear();
        plan.rows.forEach(r -> i.rows.add(ListImport.Row.of(r)));
        i.status = ListImport.Status.APPLIED;
        i.appliedBy = caller.subject();
        i.appliedAt = now;
        Persistence.flush();
        return ImportView.of(i);
    }

    /**
     * Gives a newly registered enterprise what the lists said of its USCC (tags added, the cluster where it chose
     * none) and marks the invitation claimed; called in the registration's transaction, before its event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claimInvitation(Enterprise e, Instant now) {
        EnterpriseInvitation.unclaimed(e.uscc).ifPresent(invitation -> {
            e.tags.addAll(invitation.tags());
            if (e.clusterCode == null) {
                e.clusterCode = invitation.clusterCode;
            }
            invitation.claimedAt = now;
            invitation.enterpriseId = e.id;
        });
    }

    private static void invite(String uscc, Holding holding, UUID importId, Instant now) {
        EnterpriseInvitation invitation = EnterpriseInvitation.unclaimed(uscc).orElse(null);
        boolean created = invitation == null;
        if (created) {
            invitation = new EnterpriseInvitation();
            invitation.uscc = uscc;
            invitation.createdAt = now;
        }
        invitation.setTags(holding.tags());
        invitation.clusterCode = holding.clusterCode();
        invitation.importId = importId;
        invitation.updatedAt = now;
        if (created) {
            // complete before persist: Hibernate inserts the state it has at persist
            invitation.persist();
        }
    }

    private record Current(Map<String, Holding> holdings, Map<String, Enterprise> enterprises) {
    }

    /** What the valid rows' USCCs hold now: registered enterprises, else open invitations. */
    private static Current current(List<ListRow> rows) {
        Set<String> usccs = rows.stream().filter(r -> !r.isRejected()).map(ListRow::uscc).collect(Collectors.toSet());
        Map<String, Holding> holdings = new HashMap<>();
        Map<String, Enterprise> enterprises = new HashMap<>();
        if (usccs.isEmpty()) {
            return new Current(holdings, enterprises);
        }
        for (EnterpriseInvitation invitation : EnterpriseInvitation.<EnterpriseInvitation>list(
                "uscc in ?1 and claimedAt is null", usccs)) {
            holdings.put(invitation.uscc, new Holding(false, invitation.tags(), invitation.clusterCode));
        }
        for (Enterprise e : Enterprise.<Enterprise>list("uscc in ?1", usccs)) {
            enterprises.put(e.uscc, e);
            holdings.put(e.uscc, new Holding(true, e.tags.isEmpty() ? EnumSet.noneOf(
                    com.finmatch.enterprise.domain.EnterpriseTag.class) : EnumSet.copyOf(e.tags), e.clusterCode));
        }
        return new Current(holdings, enterprises);
    }

    private static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ProblemException(Problem.of(413, "Payload Too Large",
                        "the file has " + size + " bytes, more than the limit of " + MAX_BYTES + " bytes an import"));
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
