package com.finmatch.matching.service;

import com.finmatch.platform.http.ProblemException;
import com.finmatch.platform.time.PlatformClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Just after midnight in China the date that decides product validity and years in business changes: start the full
 * re-match job, which rebuilds the engine for the new day and publishes what differs (see
 * {@link MatchingService#engineForUpdate}). It is an ordinary {@link AdminJobs} job (progress, one at a time).
 */
@ApplicationScoped
public class NightlyRematch {

    private static final Logger LOG = Logger.getLogger(NightlyRematch.class);

    @Inject
    AdminJobs jobs;

    @Inject
    Clock clock;

    @Scheduled(identity = "nightly-rematch", cron = "0 1 0 * * ?", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void rematchForTheNewDay() {
        try {
            // each replica its own needs, all under one id for the day, so any replica shows the whole job
            String id = UUID.nameUUIDFromBytes(("nightly-rematch " + PlatformClock.today(clock))
                    .getBytes(StandardCharsets.UTF_8)).toString();
            AdminJobs.JobView job = jobs.startShardRematch(id);
            LOG.infof("nightly re-match for the new day started: job %s", job.jobId());
        } catch (ProblemException e) {
            if (e.problem().status() != 409) {
                throw e;
            }
            LOG.infof("nightly re-match skipped: %s (an event after midnight or the next job rebuilds the engine)",
                    e.getMessage());
        }
    }
}
