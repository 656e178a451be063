package kr.hamkke.proposals;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import kr.hamkke.shared.jobs.JobLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Closes support windows and forums whose time is up, and reconciles counters nightly. Overdue answers are computed at query time. */
@Singleton
@Requires(property = "hamkke.proposals.scheduler.enabled", notEquals = "false")
class ClosingJob {

    private static final Logger LOG = LoggerFactory.getLogger(ClosingJob.class);

    private final ProposalService proposals;
    private final ForumService forums;
    private final ThemeService themes;
    private final JobLease lease;

    ClosingJob(ProposalService proposals, ForumService forums, ThemeService themes, JobLease lease) {
        this.proposals = proposals;
        this.forums = forums;
        this.themes = themes;
        this.lease = lease;
    }

    @Scheduled(cron = "0 30 3 * * *", zoneId = "Asia/Seoul")
    void reconcile() {
        // With several instances on one database, only the one that takes the lease runs the job.
        if (!lease.tryAcquire("proposals.reconcile", Duration.ofHours(1))) {
            return;
        }
        try {
            var mismatched = proposals.reconcileCounts();
            if (!mismatched.isEmpty()) {
                LOG.error("ALERT support counters did not match their rows and were corrected: proposals {}", mismatched);
            }
        } catch (RuntimeException e) {
            LOG.warn("counter reconciliation failed", e);
        }
    }

    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void run() {
        if (!lease.tryAcquire("proposals.closing", Duration.ofMinutes(4).plusSeconds(30))) {
            return;
        }
        try {
            int closed = proposals.closeExpired();
            int forumsClosed = forums.closeDue();
            int themesClosed = themes.closeDue();
            if (closed + forumsClosed + themesClosed > 0) {
                LOG.info("closed {} proposals, {} forums and {} theme votes", closed, forumsClosed, themesClosed);
            }
        } catch (RuntimeException e) {
            LOG.warn("closing job failed", e);
        }
    }
}
