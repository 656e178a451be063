package kr.hamkke.shared.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;

/**
 * Lets one of several app instances run a @Scheduled job: each instance's scheduler fires, the one
 * that takes the job's lease runs it, the others skip until the lease ends. The lease is held for
 * the job's whole period (not released when the job finishes), so an instance whose timer fires a
 * few seconds later does not run the job a second time. Times are the database's clock (one clock
 * for all instances). Each statement commits on its own: no transaction, so no lock is kept.
 */
@Singleton
public class JobLease {

    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    private final DataSource dataSource;
    private final String holder;

    JobLease(DataSource dataSource, @Value("${hamkke.instance-id:}") String instanceId) {
        // The raw pool: the lease must commit at once, whatever transaction the caller is in.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.holder = instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    }

    /** Who this instance is in the job_lease table (host and pid unless hamkke.instance-id is set). */
    public String holder() {
        return holder;
    }

    /** True when this instance took {@code job}'s lease for {@code period}; false when another holds it. */
    public boolean tryAcquire(String job, Duration period) {
        return tryAcquire(job, period, holder);
    }

    /** As {@link #tryAcquire(String, Duration)} on behalf of a named holder (tests simulate two instances). */
    public boolean tryAcquire(String job, Duration period, String who) {
        long micros = period.toNanos() / 1_000;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE job_lease SET holder = ?, taken_at = UTC_TIMESTAMP(6),
                      lease_until = DATE_ADD(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND)
                    WHERE job_name = ? AND lease_until <= UTC_TIMESTAMP(6)""")) {
                ps.setString(1, who);
                ps.setLong(2, micros);
                ps.setString(3, job);
                if (ps.executeUpdate() == 1) {
                    LOG.info("job lease {} taken by {}", job, who);
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO job_lease (job_name, holder, taken_at, lease_until)
                    VALUES (?, ?, UTC_TIMESTAMP(6), DATE_ADD(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND))""")) {
                ps.setString(1, job);
                ps.setString(2, who);
                ps.setLong(3, micros);
                ps.executeUpdate();
                LOG.info("job lease {} taken by {}", job, who);
                return true;
            } catch (SQLIntegrityConstraintViolationException e) {
                // The row exists and its lease has not ended: another instance holds it.
                LOG.info("job lease {} held by another instance; {} skips this run", job, who);
                return false;
            }
        } catch (SQLException e) {
            // Database unreachable: nobody can run the job safely now; the next tick tries again.
            LOG.warn("job lease {} not taken: {}", job, e.toString());
            return false;
        }
    }
}
