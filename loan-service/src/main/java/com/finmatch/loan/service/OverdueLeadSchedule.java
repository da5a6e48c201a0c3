package com.finmatch.loan.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;

/** Runs the overdue check periodically ({@code finmatch.leads.overdue-check-every}; "off" in tests). */
@ApplicationScoped
public class OverdueLeadSchedule {

    @Inject
    OverdueLeadCheck check;

    @Inject
    Clock clock;

    @Scheduled(every = "${finmatch.leads.overdue-check-every:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        while (check.escalate(clock.instant()) == OverdueLeadCheck.BATCH) {
            // a full batch: more may be waiting (each batch is its own transaction)
        }
    }
}
