package com.finmatch.matching.domain.kpi;

import com.finmatch.matching.domain.kpi.KpiFacts.ApplicationFact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Declined needs that went on (issue 15 §3: a decline is a route): a need is <b>re-routed</b> by the first application
 * for it submitted after its first decline, and its re-route is <b>approved</b> by the first approval among the
 * applications submitted after that decline. Each need counts at most once for each, in the period of that
 * application's submission and of that approval; applications whose event named no need count for neither.
 */
final class Reroutes {

    private static final Comparator<ApplicationFact> BY_SUBMISSION = Comparator
            .comparing(ApplicationFact::submittedAt).thenComparing(ApplicationFact::id);
    private static final Comparator<ApplicationFact> BY_APPROVAL = Comparator
            .comparing(ApplicationFact::approvedAt).thenComparing(ApplicationFact::id);

    private final Set<String> rerouting = new HashSet<>();
    private final Set<String> approving = new HashSet<>();

    Reroutes(Collection<ApplicationFact> applications) {
        Map<String, List<ApplicationFact>> byNeed = new HashMap<>();
        for (ApplicationFact a : applications) {
            if (a.needId() != null) {
                byNeed.computeIfAbsent(a.needId(), n -> new ArrayList<>()).add(a);
            }
        }
        byNeed.values().forEach(this::follow);
    }

    private void follow(List<ApplicationFact> ofNeed) {
        Instant firstDecline = ofNeed.stream().map(ApplicationFact::declinedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (firstDecline == null) {
            return;
        }
        List<ApplicationFact> after = ofNeed.stream()
                .filter(a -> a.submittedAt() != null && a.submittedAt().isAfter(firstDecline)).toList();
        after.stream().min(BY_SUBMISSION).ifPresent(a -> rerouting.add(a.id()));
        after.stream().filter(a -> a.approvedAt() != null).min(BY_APPROVAL).ifPresent(a -> approving.add(a.id()));
    }

    /** Whether this application re-routed its declined need. */
    boolean reroutes(ApplicationFact a) {
        return rerouting.contains(a.id());
    }

    /** Whether this application's approval is its re-routed need's first. */
    boolean approvesReroute(ApplicationFact a) {
        return approving.contains(a.id());
    }
}
