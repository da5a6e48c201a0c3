package com.finmatch.matching.service;

import com.finmatch.matching.domain.jobs.JobShare;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The replicas' shares of the administrators' jobs, in the shared database (table {@code admin_job_share}). */
@ApplicationScoped
public class JobShares {

    private static final Logger LOG = Logger.getLogger(JobShares.class);

    @Inject
    EntityManager em;

    /**
     * Records this replica's share as it is now, in a transaction of its own; a failure is logged, not thrown. A share
     * once DONE or FAILED stays so (a report still in flight when the job ended cannot set it back to RUNNING).
     */
    void save(JobShare s) {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    insert into admin_job_share (job_id, replica, kind, state, partitions, partition_count, done, total,
                        started_at, finished_at, updated_at, changed_needs, error)
                    values (?1, ?2, ?3, ?4, cast(?5 as integer[]), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                    on conflict (job_id, replica) do update set state = excluded.state, partitions = excluded.partitions,
                        partition_count = excluded.partition_count, done = excluded.done, total = excluded.total,
                        finished_at = excluded.finished_at, updated_at = excluded.updated_at,
                        changed_needs = excluded.changed_needs, error = excluded.error
                    where admin_job_share.state = 'RUNNING'""")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, s.jobId()).setParameter(2, s.replica()).setParameter(3, s.kind())
                    .setParameter(4, s.state()).setParameter(5, array(s.partitions()))
                    .setParameter(6, s.partitionCount()).setParameter(7, s.done()).setParameter(8, s.total())
                    .setParameter(9, utc(s.startedAt()))
                    .setParameter(10, s.finishedAt() == null ? null : utc(s.finishedAt()), OffsetDateTime.class)
                    .setParameter(11, utc(s.updatedAt())).setParameter(12, s.changedNeeds(), Long.class)
                    .setParameter(13, s.error(), String.class).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("could not record this replica's share of job %s: %s", s.jobId(), e.toString());
        }
    }

    /** Deletes the shares of jobs started more than 30 days ago. */
    void forgetOld() {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from admin_job_share where started_at < now() - interval '30 days'").executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("could not delete old job shares: %s", e.toString());
        }
    }

    /** Every replica's share of the job, as last recorded. */
    List<JobShare> of(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<JobShare> shares = new ArrayList<>();
            for (Object row : em.createNativeQuery("""
                    select job_id, replica, kind, state, array_to_string(partitions, ','), partition_count, done, total,
                        started_at, finished_at, updated_at, changed_needs, error
                    from admin_job_share where job_id = ?1""").setParameter(1, jobId).getResultList()) {
                Object[] r = (Object[]) row;
                shares.add(new JobShare((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                        partitions((String) r[4]), ((Number) r[5]).intValue(), ((Number) r[6]).longValue(),
                        ((Number) r[7]).longValue(), instant(r[8]), instant(r[9]), instant(r[10]),
                        r[11] == null ? null : ((Number) r[11]).longValue(), (String) r[12]));
            }
            return shares;
        });
    }

    private static String array(Set<Integer> partitions) {
        return "{" + String.join(",", partitions.stream().map(String::valueOf).toList()) + "}";
    }

    private static Set<Integer> partitions(String list) {
        TreeSet<Integer> set = new TreeSet<>();
        if (list != null && !list.isBlank()) {
            Arrays.stream(list.split(",")).map(Integer::valueOf).forEach(set::add);
        }
        return set;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant i ? i : value instanceof Timestamp t ? t.toInstant()
                : ((OffsetDateTime) value).toInstant();
    }
}
