package com.finmatch.enterprise.domain.imports;

import com.finmatch.enterprise.domain.EnterpriseTag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the valid rows of an import do to what enterprises (and invitations) hold today: each row's outcome, and the
 * holdings that change. The same plan makes the dry run's report and the apply, so applying twice finds everything
 * UNCHANGED the second time.
 */
public final class ImportPlan {

    /** What one USCC holds: a registered enterprise's tags and cluster, or an invitation's (or nothing yet). */
    public record Holding(boolean registered, Set<EnterpriseTag> tags, String clusterCode) {

        public static Holding none() {
            return new Holding(false, EnumSet.noneOf(EnterpriseTag.class), null);
        }

        Holding withTag(EnterpriseTag tag) {
            Set<EnterpriseTag> more = tags.isEmpty() ? EnumSet.noneOf(EnterpriseTag.class) : EnumSet.copyOf(tags);
            more.add(tag);
            return new Holding(registered, more, clusterCode);
        }

        Holding withCluster(String code) {
            return new Holding(registered, tags, code);
        }
    }

    public final List<ListRow> rows;
    /** The holdings the import changes, by USCC, in the order of their first row. */
    public final Map<String, Holding> changed;

    private ImportPlan(List<ListRow> rows, Map<String, Holding> changed) {
        this.rows = rows;
        this.changed = changed;
    }

    /** @param current what each USCC of the rows holds now (absent: neither registered nor invited) */
    public static ImportPlan of(ImportKind kind, List<ListRow> parsed, Map<String, Holding> current) {
        Map<String, Holding> state = new HashMap<>(current);
        Map<String, Holding> changed = new LinkedHashMap<>();
        List<ListRow> rows = new ArrayList<>();
        for (ListRow row : parsed) {
            if (row.isRejected()) {
                rows.add(row);
                continue;
            }
            Holding before = state.getOrDefault(row.uscc(), Holding.none());
            Holding after = switch (kind) {
                case SRDI -> before.withTag(EnterpriseTag.valueOf(row.value()));
                case CLUSTER -> before.withCluster(row.value());
            };
            if (same(before, after)) {
                rows.add(row.with(ImportOutcome.UNCHANGED, before.registered()
                        ? "the enterprise holds it already" : "the invitation holds it already"));
            } else {
                state.put(row.uscc(), after);
                changed.put(row.uscc(), after);
                rows.add(before.registered()
                        ? row.with(ImportOutcome.UPDATED, kind == ImportKind.SRDI ? "tag added"
                                : before.clusterCode() == null ? "cluster set"
                                : "cluster changed from " + before.clusterCode())
                        : row.with(ImportOutcome.ACCEPTED,
                                "not registered yet: an invitation, claimed when the enterprise registers"));
            }
        }
        return new ImportPlan(List.copyOf(rows), changed);
    }

    private static boolean same(Holding a, Holding b) {
        return a.tags().equals(b.tags()) && Objects.equals(a.clusterCode(), b.clusterCode());
    }

    public long count(ImportOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
