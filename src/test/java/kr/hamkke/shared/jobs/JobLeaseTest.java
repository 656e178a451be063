package kr.hamkke.shared.jobs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two (or many) instances racing for one scheduled job: exactly one runs it per lease period. */
@MicronautTest(transactional = false)
class JobLeaseTest {

    @Inject
    JobLease lease;

    @Test
    void twoInstancesAskingAtOnceGiveOneWinnerAndTheLoserSkipsUntilTheLeaseEnds() throws Exception {
        for (int round = 0; round < 10; round++) {
            String job = "test.job." + UUID.randomUUID();
            List<Boolean> wins = race(job, Duration.ofMinutes(5), "instance-a", "instance-b");
            assertEquals(1, wins.stream().filter(w -> w).count(), "round " + round + ": " + wins);
            assertFalse(lease.tryAcquire(job, Duration.ofMinutes(5), "instance-a"), "the lease is held for the period");
            assertFalse(lease.tryAcquire(job, Duration.ofMinutes(5), "instance-b"));
        }
    }

    @Test
    void manyInstancesRacingForAnExpiredLeaseGiveOneWinner() throws Exception {
        String job = "test.expired." + UUID.randomUUID();
        assertTrue(lease.tryAcquire(job, Duration.ofMillis(1), "first"));
        Thread.sleep(20);
        List<Boolean> wins = race(job, Duration.ofMinutes(5), "a", "b", "c", "d", "e", "f", "g", "h");
        assertEquals(1, wins.stream().filter(w -> w).count(), wins.toString());
        String holder = TestDatabase.queryString("SELECT holder FROM job_lease WHERE job_name = ?", job);
        assertTrue(List.of("a", "b", "c", "d", "e", "f", "g", "h").contains(holder), holder);
    }

    @Test
    void anEndedLeaseCanBeTakenAgainByAnotherInstance() throws Exception {
        String job = "test.handover." + UUID.randomUUID();
        assertTrue(lease.tryAcquire(job, Duration.ofMillis(50), "a"));
        assertFalse(lease.tryAcquire(job, Duration.ofMillis(50), "b"));
        Thread.sleep(120);
        assertTrue(lease.tryAcquire(job, Duration.ofMinutes(1), "b"));
        assertEquals("b", TestDatabase.queryString("SELECT holder FROM job_lease WHERE job_name = ?", job));
    }

    private List<Boolean> race(String job, Duration period, String... holders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(holders.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (String holder : holders) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    return lease.tryAcquire(job, period, holder);
                };
                futures.add(pool.submit(attempt));
            }
            start.countDown();
            List<Boolean> wins = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                wins.add(f.get());
            }
            return wins;
        } finally {
            pool.shutdownNow();
        }
    }
}
