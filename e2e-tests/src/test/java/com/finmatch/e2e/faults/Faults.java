package com.finmatch.e2e.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.finmatch.devstack.Http;
import com.finmatch.devstack.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The faults, in turn, each once the load has reached its share of the planned writes: the Kafka broker killed
 * ({@code kill -9}) and restarted, matching-service killed ({@code kill -9}) and restarted, PostgreSQL (the one
 * server holding every service's database) shut down and started again; the next fault waits until the stack has
 * recovered from the one before. After each, a probe need is opened until
 * enterprise-service accepts it and then awaited in matching-service's recommendations: the time from the fault to
 * each of these is the time to recover.
 */
final class Faults {

    /**
     * What one fault did and how long the stack took to recover from it, in seconds from the fault: until the part
     * was back (restarted and answering), until a probe write was accepted again, until that probe need was in
     * matching-service's recommendations (every hop: enterprise-service, outbox relay, Kafka, matching-service).
     */
    record Recovery(String fault, double atProgress, double back, double writesAccepted, double endToEnd) {
    }

    private record Fault(String name, double atProgress, Runnable inject) {
    }

    /** How long a probe may take to be accepted and then recommended, counted from its first attempt. */
    private static final Duration RECOVERY = Duration.ofMinutes(5);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);

    private final Stack stack;
    private final Load load;
    private final List<Fault> faults;
    private final List<Recovery> recoveries = new ArrayList<>();
    private int probes;
    /** What the matching-service process that is killed had counted (its counter dies with it). */
    volatile long duplicatesBeforeKill = -1;

    Faults(Stack stack, Load load) {
        this.stack = stack;
        this.load = load;
        this.faults = List.of(
                new Fault("Kafka broker kill -9, down 8 s, restarted", 0.10, () -> {
                    stack.killKafka();
                    sleep(Duration.ofSeconds(8));
                    stack.restartKafka();
                }),
                new Fault("matching-service kill -9, down 3 s, restarted", 0.35, () -> {
                    duplicatesBeforeKill = StackState.duplicatesSkipped(Stack.MATCHING);
                    stack.kill(Stack.MATCHING);
                    sleep(Duration.ofSeconds(3));
                    stack.restart(Stack.MATCHING);
                }),
                new Fault("PostgreSQL shut down, down 4 s, started again", 0.60, () -> {
                    stack.stopPostgres();
                    sleep(Duration.ofSeconds(4));
                    stack.restartPostgres();
                }));
    }

    /**
     * Injects each fault when the load's progress reaches its mark and the stack has recovered from the one before
     * (so that each time to recover is that fault's own); returns after the last one has been recovered from.
     */
    void injectWhileLoading(DoubleSupplier progress) {
        for (Fault f : faults) {
            // no time limit: progress is 1.0 once the load has ended, whatever became of it
            poll("the load at " + Math.round(f.atProgress() * 100) + " %", Duration.ofMillis(100)).forever()
                    .until(() -> progress.getAsDouble() >= f.atProgress());
            double at = progress.getAsDouble();
            long t0 = System.nanoTime();
            System.out.printf("FAULT at %.0f %% of the load: %s%n", at * 100, f.name());
            f.inject().run();
            recoveries.add(probe(f.name(), at, t0, seconds(t0)));
        }
    }

    List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    /**
     * Opens probe needs until one is accepted, then reads the recommendations until it is there, both within
     * {@link #RECOVERY} from now; each time is taken, from the fault ({@code t0}), at the first success (NaN if none).
     */
    private Recovery probe(String fault, double at, long t0, double back) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        Ledger.Write w;
        try {
            w = poll(fault + ": a probe need accepted", PROBE_EVERY).atMost(RECOVERY)
                    .until(() -> load.probe(nextProbe()), Ledger.Write::accepted);
        } catch (ConditionTimeoutException e) {
            return new Recovery(fault, at, back, Double.NaN, Double.NaN);
        }
        double accepted = seconds(t0);
        try {
            poll(fault + ": the probe need recommended", PROBE_EVERY)
                    .atMost(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                    .until(() -> recommended(w.id()));
            return new Recovery(fault, at, back, accepted, seconds(t0));
        } catch (ConditionTimeoutException e) {
            return new Recovery(fault, at, back, accepted, Double.NaN);
        }
    }

    /** Evaluates at once, then every {@code every}; an exception of the condition fails the run, as any other. */
    private static ConditionFactory poll(String what, Duration every) {
        return await(what).dontCatchUncaughtExceptions().pollDelay(Duration.ZERO).pollInterval(every);
    }

    private synchronized int nextProbe() {
        return probes++;
    }

    private boolean recommended(String needId) {
        JsonNode recs = Http.get(Stack.MATCHING.url() + "/api/v1/recommendations/me",
                load.users.token(load.probeEnterprise())).json().path("recommendations");
        for (JsonNode r : recs) {
            if (needId.equals(r.path("needId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A deliberate wait (a part kept down for a while), not a poll. */
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
