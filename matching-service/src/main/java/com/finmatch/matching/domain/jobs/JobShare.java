package com.finmatch.matching.domain.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One replica's share of an administrator's job (a re-match runs on every replica over the needs of the
 * {@code enterprise.events} partitions it owns; a replay on one replica for all), and the job as a whole: the shares
 * summed ({@link #combine}). Any replica answers for the whole job from the shares every replica keeps in the shared
 * database.
 *
 * @param partitions the enterprise.events partitions whose needs this share covers
 * @param partitionCount the topic's partitions when the share started
 * @param updatedAt when the replica last reported (it reports every second while it runs)
 */
public record JobShare(String jobId, String replica, String kind, String state, Set<Integer> partitions,
        int partitionCount, long done, long total, Instant startedAt, Instant finishedAt, Instant updatedAt,
        Long changedNeeds, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    /** A running share not reported for this long belongs to a replica that stopped: it counts as failed. */
    public static final Duration SILENT = Duration.ofSeconds(30);

    /**
     * The job as a whole: done and total summed; RUNNING while a share runs, or while some partition's needs are
     * covered by no share yet (a replica about to start its share); then FAILED if a share failed, its replica fell
     * silent, or a partition stayed uncovered for {@link #SILENT}; otherwise DONE with the changed needs summed.
     */
    public static JobShare combine(List<JobShare> shares, Instant now, int maxError) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("a job has at least one share");
        }
        int count = shares.stream().mapToInt(JobShare::partitionCount).max().orElse(1);
        TreeSet<Integer> uncovered = new TreeSet<>();
        for (int p = 0; p < count; p++) {
            uncovered.add(p);
        }
        shares.forEach(s -> uncovered.removeAll(s.partitions()));
        List<String> errors = new ArrayList<>();
        boolean running = false;
        for (JobShare s : shares) {
            boolean silent = RUNNING.equals(s.state()) && s.updatedAt().plus(SILENT).isBefore(now);
            if (silent) {
                errors.add("replica " + s.replica() + " stopped reporting at " + s.updatedAt());
            } else if (RUNNING.equals(s.state())) {
                running = true;
            } else if (FAILED.equals(s.state())) {
                errors.add("replica " + s.replica() + ": " + s.error());
            }
        }
        Instant lastHeard = shares.stream().map(JobShare::updatedAt).max(Comparator.naturalOrder()).orElse(now);
        if (!running && !uncovered.isEmpty() && lastHeard.plus(SILENT).isBefore(now)) {
            errors.add("the needs of enterprise.events partitions " + uncovered + " were not re-matched");
        }
        String state = running || (errors.isEmpty() && !uncovered.isEmpty()) ? RUNNING : errors.isEmpty() ? DONE : FAILED;
        boolean over = !RUNNING.equals(state);
        Instant finished = over ? shares.stream().map(s -> s.finishedAt() != null ? s.finishedAt() : s.updatedAt())
                .max(Comparator.naturalOrder()).orElse(now) : null;
        Long changed = over ? shares.stream().map(JobShare::changedNeeds).filter(Objects::nonNull)
                .reduce(0L, Long::sum) : null;
        String error = errors.isEmpty() ? null : String.join("; ", errors);
        if (error != null && error.length() > maxError) {
            error = error.substring(0, maxError);
        }
        TreeSet<Integer> covered = new TreeSet<>();
        shares.forEach(s -> covered.addAll(s.partitions()));
        return new JobShare(shares.get(0).jobId(), null, shares.get(0).kind(), state, covered, count,
                shares.stream().mapToLong(JobShare::done).sum(), shares.stream().mapToLong(JobShare::total).sum(),
                shares.stream().map(JobShare::startedAt).min(Comparator.naturalOrder()).orElse(now), finished,
                lastHeard, changed, error);
    }
}
