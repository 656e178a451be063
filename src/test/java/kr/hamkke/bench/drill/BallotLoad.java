package kr.hamkke.bench.drill;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Voters casting and changing ballots in a closed loop, each attempt with a fresh Idempotency-Key.
 * Like a careful client, a voter whose attempt got no answer (or a 5xx) sends the same attempt with
 * the same key again after a pause, and only then moves on.
 */
final class BallotLoad {

    private final DrillApi api;
    private final long trackId;
    private final List<Long> projects;
    private final String keyPrefix;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    BallotLoad(DrillApi api, long trackId, List<Long> projects, String keyPrefix) {
        this.api = api;
        this.trackId = trackId;
        this.projects = projects;
        this.keyPrefix = keyPrefix;
    }

    /** Starts one virtual thread per voter; {@code target} says where each request goes (it may change mid-run). */
    void start(List<Voter> voters, Supplier<URI> target) {
        running.set(true);
        for (Voter v : voters) {
            threads.add(Thread.ofVirtual().start(() -> loop(v, target)));
        }
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        threads.clear();
    }

    private void loop(Voter v, Supplier<URI> target) {
        Random random = new Random(v.email.hashCode());
        while (running.get()) {
            Voter.Attempt attempt = new Voter.Attempt(keyPrefix + UUID.randomUUID(), picks(random));
            v.attempts.add(attempt);
            api.submit(target.get(), trackId, v, attempt);
            while (attempt.unknown() && running.get()) {
                pause(200);
                api.submit(target.get(), trackId, v, attempt);
            }
        }
    }

    /** After the fault: every attempt still without an answer is sent again with its own key. */
    void retryUnanswered(List<Voter> voters, URI base) {
        for (Voter v : voters) {
            for (Voter.Attempt a : List.copyOf(v.attempts)) {
                for (int i = 0; i < 20 && a.unknown(); i++) {
                    api.submit(base, trackId, v, a);
                    if (a.unknown()) {
                        pause(500);
                    }
                }
            }
        }
    }

    List<Long> picks(Random random) {
        List<Long> shuffled = new ArrayList<>(projects);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, 1 + random.nextInt(Math.min(3, shuffled.size()))));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
