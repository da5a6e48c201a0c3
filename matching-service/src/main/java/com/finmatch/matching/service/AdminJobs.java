package com.finmatch.matching.service;

import com.finmatch.matching.domain.Bounds;
import com.finmatch.matching.domain.jobs.JobShare;
import com.finmatch.matching.event.ApplicationEventsConsumer;
import com.finmatch.matching.event.EnterpriseEventsConsumer;
import com.finmatch.matching.event.LeadEventsConsumer;
import com.finmatch.matching.event.ProductEventsConsumer;
import com.finmatch.platform.events.EventInbox;
import com.finmatch.platform.events.IncomingEvent;
import com.finmatch.platform.events.KafkaClients;
import com.finmatch.platform.http.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Administrators' background jobs, one at a time per replica: a full re-match of every open need, and a replay that
 * rebuilds the read models from the beginning of the topics. Both hold the event lock while they run, so no event
 * interleaves. A re-match runs on every replica over the needs it owns; each replica records its share in the shared
 * database (every second while it runs, {@link JobShares}), and any replica answers for the whole job with the shares
 * summed ({@link JobShare#combine}).
 */
@ApplicationScoped
public class AdminJobs {

    private static final Logger LOG = Logger.getLogger(AdminJobs.class);
    private static final int KEEP = 50;
    /** The longest error text a failed job shows. */
    static final int MAX_ERROR = 2000;

    /** A job's progress: done of total steps, steps per second and the estimated seconds left. */
    public record JobView(@Size(max = Bounds.ID) String jobId,
            @Schema(enumeration = {"REMATCH", "REPLAY"}) String kind,
            @Schema(enumeration = {"RUNNING", "DONE", "FAILED"}) String state,
            @Min(0) @Max(Long.MAX_VALUE) long done, @Min(0) @Max(Long.MAX_VALUE) long total,
            @DecimalMin("0") BigDecimal ratePerSecond,
            @Schema(nullable = true, description = "null while the rate is unknown") @Min(0) @Max(Long.MAX_VALUE)
            Long etaSeconds,
            Instant startedAt, @Schema(nullable = true, maxLength = Bounds.INSTANT) Instant finishedAt,
            @Schema(nullable = true, description = "needs whose top list changed (a finished re-match or replay)")
            @Min(0) @Max(Long.MAX_VALUE) Long changedNeeds,
            @Schema(nullable = true, description = "why a FAILED job failed") @Size(max = MAX_ERROR) String error) {
    }

    /** This replica's share of a job, as it runs here. */
    private final class Job {
        final String id;
        final String kind;
        final Set<Integer> partitions;
        final int partitionCount;
        final Instant startedAt = Instant.now();
        volatile String state = JobShare.RUNNING;
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        volatile Instant finishedAt;
        volatile Long changed;
        volatile String error;

        /** @param partitions the enterprise.events partitions whose needs it covers */
        Job(String kind, String id, Set<Integer> partitions, int partitionCount) {
            this.kind = kind;
            this.id = id;
            this.partitions = Set.copyOf(partitions);
            this.partitionCount = partitionCount;
        }

        JobShare share() {
            return share(state);
        }

        JobShare share(String asState) {
            return new JobShare(id, sync.origin, kind, asState, partitions, partitionCount, done.get(), total.get(),
                    startedAt, finishedAt, Instant.now(), changed, error);
        }
    }

    private static JobView view(JobShare job) {
        Instant end = job.finishedAt() != null ? job.finishedAt() : Instant.now();
        double seconds = Math.max(0.001, Duration.between(job.startedAt(), end).toMillis() / 1000.0);
        long d = job.done();
        long t = job.total();
        double rate = d / seconds;
        boolean running = JobShare.RUNNING.equals(job.state());
        Long eta = running ? (rate > 0 ? (long) Math.ceil(Math.max(0, t - d) / rate) : null) : Long.valueOf(0);
        return new JobView(job.jobId(), job.kind(), job.state(), d, t,
                BigDecimal.valueOf(rate).setScale(2, RoundingMode.HALF_UP), eta, job.startedAt(), job.finishedAt(),
                job.changedNeeds(), job.error());
    }

    @Inject
    MatchingService matching;

    @Inject
    EventInbox inbox;

    @Inject
    ReadModelUpdater updater;

    @Inject
    EntityManager em;

    @Inject
    KafkaClients kafka;

    @Inject
    EngineSync sync;

    @Inject
    Ownership ownership;

    @Inject
    JobShares shares;

    @Inject
    Replicas replicas;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "admin-job");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Job> running = new AtomicReference<>();
    /** While a replay applies the topics' records into the build schema. */
    private volatile boolean replaying;
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    /**
     * Starts a full re-match of this replica's needs and has every other replica re-match its own under the same job
     * id (README "Replicas"); 409 while a job runs here. The job's progress is this replica's share.
     */
    public JobView startRematch() {
        JobView view = startShardRematch(UUID.randomUUID().toString());
        try {
            QuarkusTransaction.requiringNew().run(() -> sync.changed("rematch", view.jobId()));
        } catch (RuntimeException e) {
            LOG.warnf("re-match %s runs on this replica only, the others were not told: %s", view.jobId(), e.toString());
        }
        return view;
    }

    /**
     * Another replica started a re-match: this replica re-matches its own needs under that job's id. If a job runs
     * here, its share is recorded as failed, so the job shows that these needs were not re-matched.
     */
    void rematchShareOf(String jobId) {
        try {
            startShardRematch(jobId);
        } catch (ProblemException e) {
            LOG.infof("re-match %s of another replica skipped here: %s", jobId, e.getMessage());
            Job skipped = new Job("REMATCH", jobId, ownership.partitions(), ownership.partitionCount());
            skipped.error = e.getMessage();
            skipped.finishedAt = Instant.now();
            skipped.state = JobShare.FAILED;
            shares.save(skipped.share());
        }
    }

    /** Starts a full re-match of this replica's needs only (the nightly job: every replica runs its own); 409 while a job runs. */
    public JobView startShardRematch(String jobId) {
        return start(new Job("REMATCH", jobId, ownership.partitions(), ownership.partitionCount()), job -> {
            List<String> changed = matching.exclusively(() -> QuarkusTransaction.requiringNew().timeout(3600)
                    .call(() -> matching.rematchAll((d, t) -> {
                        job.total.set(t);
                        job.done.set(d);
                    })));
            job.changed = (long) changed.size();
        });
    }

    /**
     * Starts a replay of the four input topics from their beginning; 409 while a job runs, and 409 while other
     * replicas consume: the swap replaces the shared read models and inbox with what this replica rebuilt up to the
     * topics' ends it took at the start, so what another replica applied meanwhile would be lost.
     */
    public JobView startReplay() {
        int others = replicas.others();
        if (others > 0) {
            throw ProblemException.conflict("a replay rebuilds the shared read models: run it with matching-service"
                    + " alone (scale it to 1 replica first); " + others + " other replica(s) consume now");
        }
        int count = ownership.partitionCount(); // the replay rebuilds the read models of every partition
        Set<Integer> all = IntStream.range(0, count).boxed().collect(Collectors.toSet());
        return start(new Job("REPLAY", UUID.randomUUID().toString(), all, count), this::replay);
    }

    /** The whole job: every replica's share, this replica's as it is now, the others' as they last recorded it. */
    public JobView get(String jobId) {
        Job mine;
        synchronized (jobs) {
            mine = jobs.get(jobId);
        }
        List<JobShare> all = new ArrayList<>();
        try {
            all.addAll(shares.of(jobId));
        } catch (RuntimeException e) {
            LOG.debugf("other replicas' shares of job %s unreadable, showing this replica's: %s", jobId, e.toString());
        }
        if (mine != null) {
            all.removeIf(s -> sync.origin.equals(s.replica()));
            all.add(mine.share());
        }
        if (all.isEmpty()) {
            throw ProblemException.notFound("job");
        }
        return view(JobShare.combine(all, Instant.now(), MAX_ERROR));
    }

    /** While a job runs here, its share is recorded every second (a share silent for 30 s counts as failed). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void report() {
        Job job = running.get();
        if (job != null) {
            synchronized (job) { // never after the final share: a late RUNNING would overwrite it
                if (job.finishedAt == null) {
                    shares.save(job.share());
                }
            }
        }
    }

    private JobView start(Job job, Consumer<Job> work) {
        if (!running.compareAndSet(null, job)) {
            throw ProblemException.conflict("a job is already running: " + running.get().id);
        }
        synchronized (jobs) {
            jobs.put(job.id, job);
            if (jobs.size() > KEEP) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
        shares.forgetOld();
        shares.save(job.share());
        worker.execute(() -> {
            String outcome = "FAILED";
            try {
                work.accept(job);
                outcome = "DONE";
            } catch (RuntimeException e) {
                LOG.error("job " + job.kind + " failed", e);
                String message = String.valueOf(e.getMessage());
                job.error = message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
            } finally {
                synchronized (job) {
                    job.finishedAt = Instant.now();
                    // recorded before any replica can see the job over: nothing of it is written after that
                    shares.save(job.share(outcome));
                }
                running.set(null);
                // published last: whoever sees DONE or FAILED may start the next job at once, without a 409
                job.state = outcome;
            }
        });
        return view(job.share());
    }

    private static final List<String[]> INPUTS = List.of(
            new String[] {"enterprise.events", EnterpriseEventsConsumer.CHANNEL},
            new String[] {"product.events", ProductEventsConsumer.CHANNEL},
            new String[] {"application.events", ApplicationEventsConsumer.CHANNEL},
            new String[] {"lead.events", LeadEventsConsumer.CHANNEL});

    /** The read models a replay rebuilds (and the inbox rows of its four consumers). */
    private static final List<String> READ_MODELS = List.of("enterprise_rm", "need_rm", "product_rm",
            "training_offer_rm", "policy_tool_rm", "policy_tool_terms", "consent_rm", "application_rm");
    private static final String BUILD = "replay_build";

    /**
     * Rebuilds the read models from the topics without ever showing a half-built state: the records are applied,
     * through the inbox, into copies of the tables in schema {@value #BUILD} (each record's transaction puts that
     * schema first on its search_path); then one transaction replaces the tables' rows by the copies', re-matches
     * and publishes what changed. A failure anywhere leaves the live tables as they were, drops the copies and has
     * the engine rebuilt from the live tables. Live events wait on the engine lock meanwhile and are applied after.
     */
    private void replay(Job job) {
        matching.exclusively(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("drop schema if exists " + BUILD + " cascade").executeUpdate();
                    em.createNativeQuery("create schema " + BUILD).executeUpdate();
                    for (String table : tablesToBuild()) {
                        em.createNativeQuery("create table " + BUILD + "." + table + " (like public." + table
                                + " including all)").executeUpdate();
                    }
                });
                matching.beginBulkLoad();
                consumeAll(job);
                List<String> changed = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
                    for (String table : READ_MODELS) {
                        em.createNativeQuery("delete from public." + table).executeUpdate();
                        em.createNativeQuery("insert into public." + table + " select * from " + BUILD + "." + table)
                                .executeUpdate();
                    }
                    em.createNativeQuery("delete from public.inbox_event where consumer in (?1, ?2, ?3, ?4)")
                            .setParameter(1, EnterpriseEventsConsumer.CHANNEL).setParameter(2, ProductEventsConsumer.CHANNEL)
                            .setParameter(3, ApplicationEventsConsumer.CHANNEL).setParameter(4, LeadEventsConsumer.CHANNEL)
                            .executeUpdate();
                    em.createNativeQuery("insert into public.inbox_event select * from " + BUILD + ".inbox_event")
                            .executeUpdate();
                    sync.changed("reload", job.id); // every other replica rebuilds its engine from the new tables
                    return matching.rematchAll(null);
                });
                job.changed = (long) changed.size();
            } catch (RuntimeException e) {
                matching.invalidate(); // the bulk-loaded engine is not what the tables say
                throw e;
            } finally {
                dropBuild();
            }
            return null;
        });
    }

    private static List<String> tablesToBuild() {
        List<String> tables = new ArrayList<>(READ_MODELS);
        tables.add("inbox_event");
        return tables;
    }

    private void dropBuild() {
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery("drop schema if exists " + BUILD + " cascade").executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("replay could not drop schema %s: %s", BUILD, e.toString());
        }
    }

    /** True while a replay applies the topics' records into its build schema (they change no live table). */
    boolean replaying() {
        return replaying;
    }

    private void consumeAll(Job job) {
        replaying = true;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            Map<String, List<TopicPartition>> partitions = new LinkedHashMap<>();
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            for (String[] input : INPUTS) {
                List<TopicPartition> ps = new ArrayList<>();
                consumer.partitionsFor(input[0], Duration.ofSeconds(10))
                        .forEach(i -> ps.add(new TopicPartition(input[0], i.partition())));
                partitions.put(input[0], ps);
                ends.putAll(consumer.endOffsets(ps));
            }
            job.total.set(ends.values().stream().mapToLong(Long::longValue).sum());
            for (String[] input : INPUTS) {
                List<TopicPartition> ps = partitions.get(input[0]);
                consumer.assign(ps);
                consumer.seekToBeginning(ps);
                while (ps.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= ends.get(tp)) {
                            continue;
                        }
                        apply(input[1], record);
                        job.done.incrementAndGet();
                    }
                }
            }
        } finally {
            replaying = false;
        }
    }

    /** One record into the build schema, in a transaction of its own; a record that cannot be applied is skipped. */
    private void apply(String channel, ConsumerRecord<String, String> record) {
        Consumer<IncomingEvent> handler = switch (channel) {
            case EnterpriseEventsConsumer.CHANNEL -> updater::onEnterpriseEvent;
            case ProductEventsConsumer.CHANNEL -> updater::onProductEvent;
            case ApplicationEventsConsumer.CHANNEL -> updater::onApplicationEvent;
            default -> updater::onLeadEvent;
        };
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("select set_config('search_path', '" + BUILD + ", public', true)").getSingleResult();
                inbox.processOnce(channel, record, handler);
            });
        } catch (RuntimeException e) {
            LOG.debugf("replay skips a record of %s at offset %d: %s", record.topic(), record.offset(), e.getMessage());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return kafka.consumer(Map.of("max.poll.records", "1000"));
    }
}
