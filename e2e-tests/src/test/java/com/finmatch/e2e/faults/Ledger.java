package com.finmatch.e2e.faults;

import com.finmatch.devstack.Http;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/** Every write the load sent and what it got back: what must be stored (2xx) and what must not (the rest). */
final class Ledger {

    enum Kind { NEED, APPLICATION, PROBE }

    /**
     * One write. {@code key} names what it would store (a need's amount within its enterprise, or the need and
     * product of an application), so that a refused write can be looked for among what the service holds.
     */
    record Write(Kind kind, int enterprise, String key, int status, String id, String contentType, String retryAfter,
                 String brief) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** A refusal the client can act on: 503 or 429, problem+json, with Retry-After. */
        boolean clearRefusal() {
            return (status == 503 || status == 429) && contentType != null
                    && contentType.startsWith("application/problem+json") && retryAfter != null;
        }
    }

    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();

    Write record(Kind kind, int enterprise, String key, Http.Response r) {
        String id = r.ok() ? r.json().path("id").asText(null) : null;
        Write w = new Write(kind, enterprise, key, r.status(), id, r.header("Content-Type"), r.header("Retry-After"),
                r.ok() ? "" : r.brief());
        writes.add(w);
        return w;
    }

    List<Write> all() {
        return List.copyOf(writes);
    }

    List<Write> accepted(Kind kind) {
        return writes.stream().filter(w -> w.kind() == kind && w.accepted()).toList();
    }

    List<Write> refused() {
        return writes.stream().filter(w -> !w.accepted()).toList();
    }

    long count() {
        return writes.stream().filter(w -> w.kind() != Kind.PROBE).count();
    }

    /** status → count of the refused writes. */
    Map<Integer, Long> refusedByStatus() {
        return refused().stream().collect(Collectors.groupingBy(Write::status, TreeMap::new, Collectors.counting()));
    }
}
