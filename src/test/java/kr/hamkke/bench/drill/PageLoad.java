package kr.hamkke.bench.drill;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Anonymous readers in a closed loop, counting answers by status and the slowest one, between resets. */
final class PageLoad {

    record Stats(Map<Integer, Long> statuses, long maxMillis) {
        long ok() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToLong(Map.Entry::getValue).sum();
        }

        long unavailable() {
            return statuses.getOrDefault(503, 0L);
        }

        long other() {
            return statuses.values().stream().mapToLong(Long::longValue).sum() - ok() - unavailable();
        }

        String summary() {
            return "answers by status " + statuses + ", slowest " + maxMillis + " ms";
        }
    }

    private final DrillApi api;
    private final URI base;
    private final List<String> paths;
    private final int readers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private volatile Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final AtomicLong max = new AtomicLong();

    PageLoad(DrillApi api, URI base, List<String> paths, int readers) {
        this.api = api;
        this.base = base;
        this.paths = paths;
        this.readers = readers;
    }

    void start() {
        running.set(true);
        for (int r = 0; r < readers; r++) {
            int reader = r;
            threads.add(Thread.ofVirtual().start(() -> {
                int i = reader;
                while (running.get()) {
                    DrillApi.Answer a = api.get(base, paths.get(i++ % paths.size()));
                    statuses.computeIfAbsent(a.status(), k -> new LongAdder()).increment();
                    max.accumulateAndGet(a.millis(), Math::max);
                    if (a.status() != 200) {
                        BallotLoad.pause(100);
                    }
                }
            }));
        }
    }

    void reset() {
        statuses = new ConcurrentHashMap<>();
        max.set(0);
    }

    Stats stats() {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((k, v) -> out.put(k, v.sum()));
        return new Stats(out, max.get());
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
    }
}
