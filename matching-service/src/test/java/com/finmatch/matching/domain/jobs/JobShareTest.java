package com.finmatch.matching.domain.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A job over replicas: the shares summed, and its state from theirs and from the partitions they cover. */
class JobShareTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static JobShare share(String replica, String state, Set<Integer> partitions, long done, long total,
            Instant updated, Long changed, String error) {
        return new JobShare("job", replica, "REMATCH", state, partitions, 3, done, total, T0,
                JobShare.RUNNING.equals(state) ? null : updated, updated, changed, error);
    }

    @Test
    void shouldSumTheSharesAndBeDoneWhenEveryPartitionIsCoveredAndDone() {
        JobShare job = JobShare.combine(List.of(
                share("a", JobShare.DONE, Set.of(0, 2), 40, 40, T0.plusSeconds(4), 3L, null),
                share("b", JobShare.DONE, Set.of(1), 25, 25, T0.plusSeconds(6), 2L, null)), T0.plusSeconds(7), 100);
        assertEquals(JobShare.DONE, job.state());
        assertEquals(65, job.done());
        assertEquals(65, job.total());
        assertEquals(5L, job.changedNeeds());
        assertEquals(T0.plusSeconds(6), job.finishedAt());
        assertEquals(Set.of(0, 1, 2), job.partitions());
        assertNull(job.error());
    }

    @Test
    void shouldRunWhileAShareRunsEvenIfAnotherFailed() {
        JobShare job = JobShare.combine(List.of(
                share("a", JobShare.RUNNING, Set.of(0, 2), 10, 40, T0.plusSeconds(5), null, null),
                share("b", JobShare.FAILED, Set.of(1), 3, 25, T0.plusSeconds(2), null, "a job is already running")),
                T0.plusSeconds(6), 100);
        assertEquals(JobShare.RUNNING, job.state());
        assertEquals(13, job.done());
        assertEquals(65, job.total());
        assertNull(job.finishedAt());
        assertNull(job.changedNeeds());
    }

    @Test
    void shouldFailWhenAShareFailedAndNoneRuns() {
        JobShare job = JobShare.combine(List.of(
                share("a", JobShare.DONE, Set.of(0, 2), 40, 40, T0.plusSeconds(5), 1L, null),
                share("b", JobShare.FAILED, Set.of(1), 3, 25, T0.plusSeconds(2), null, "a job is already running")),
                T0.plusSeconds(6), 100);
        assertEquals(JobShare.FAILED, job.state());
        assertEquals("replica b: a job is already running", job.error());
    }

    @Test
    void shouldWaitForAPartitionNoShareCoversYetAndFailWhenItStaysUncovered() {
        List<JobShare> one = List.of(share("a", JobShare.DONE, Set.of(0, 2), 40, 40, T0.plusSeconds(5), 1L, null));
        assertEquals(JobShare.RUNNING, JobShare.combine(one, T0.plusSeconds(6), 100).state(),
                "partition 1's replica has not reported yet");
        JobShare late = JobShare.combine(one, T0.plusSeconds(5).plus(JobShare.SILENT).plusSeconds(1), 100);
        assertEquals(JobShare.FAILED, late.state());
        assertTrue(late.error().contains("partitions [1]"), late.error());
    }

    @Test
    void shouldCountAReplicaThatStoppedReportingAsFailed() {
        JobShare job = JobShare.combine(List.of(
                share("a", JobShare.DONE, Set.of(0), 10, 10, T0.plusSeconds(5), 1L, null),
                share("b", JobShare.RUNNING, Set.of(1, 2), 3, 25, T0.plusSeconds(2), null, null)),
                T0.plusSeconds(2).plus(JobShare.SILENT).plusSeconds(1), 100);
        assertEquals(JobShare.FAILED, job.state());
        assertTrue(job.error().startsWith("replica b stopped reporting"), job.error());
    }

    @Test
    void shouldCutALongErrorToTheDocumentedBound() {
        String reason = "x".repeat(500);
        JobShare job = JobShare.combine(List.of(share("a", JobShare.FAILED, Set.of(0, 1, 2), 0, 1, T0, null, reason)),
                T0.plusSeconds(1), 100);
        assertEquals(100, job.error().length());
    }
}
