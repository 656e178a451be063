package kr.hamkke.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP load driver for the in-repo benchmarks (bench/load.sh). Closed loop: each virtual user sends
 * its next request when the previous answer arrives, for a fixed time, against loopback only.
 * Requests: {@code --get PATH} (repeatable) and/or {@code --post PATH --body JSON}, where
 * {@code {n}} in PATH is replaced by a counter that each user advances (one use per user and n, so
 * one-per-person rules see distinct actions). Users sign in as demo citizens through POST /login.
 * {@code --db-baseline JDBC_URL} first measures raw single-row INSERT+COMMIT/s with 8 threads on
 * the same database, the ceiling the HTTP figures are compared with. {@code --spread} starts user u at
 * n = n-from + u * (n-to - n-from + 1) / users instead of all at n-from (less contention on one row);
 * {@code --withdraw} follows each POST with a DELETE on the same path (공감 then 공감 취소).
 */
public final class LoadDriver {

    record Options(URI base, int users, Duration duration, Duration warmup, List<String> gets, String post,
                   String body, int nFrom, int nTo, String dbBaseline, String dbUser, String dbPassword,
                   String emailPattern, String password, boolean spread, boolean withdraw) {
    }

    /** Where each user's {n} stands, carried from the warm-up into the measured run (no repeats). */
    private static final Map<Integer, Integer> POSITION = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (!isLoopback(o.base())) {
            throw new IllegalArgumentException("load tests target this machine only (loopback), not " + o.base());
        }
        if (o.dbBaseline() != null) {
            double rate = dbBaseline(o.dbBaseline(), o.dbUser(), o.dbPassword(), 8, Duration.ofSeconds(10));
            System.out.printf("db-baseline: %.0f single-row commits/s (8 threads, 10 s)%n", rate);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        List<String> tokens = signIn(client, o);
        run(client, o, tokens, o.warmup(), false);
        run(client, o, tokens, o.duration(), true);
    }

    private static void run(HttpClient client, Options o, List<String> tokens, Duration length, boolean report) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        long[][] latencies = new long[o.users()][];
        AtomicLong requests = new AtomicLong();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger nextN = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(o.users());
        long started = System.nanoTime();
        for (int u = 0; u < o.users(); u++) {
            int user = u;
            Thread.ofVirtual().start(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                int n = POSITION.computeIfAbsent(user, k -> o.spread()
                        ? o.nFrom() + (int) ((long) k * (o.nTo() - o.nFrom() + 1) / o.users()) : o.nFrom());
                int step = 0;
                boolean undo = false;
                try {
                    while (System.nanoTime() < end) {
                        HttpRequest request = undo ? delete(o, tokens.get(user % tokens.size()), n)
                                : next(o, tokens.get(user % tokens.size()), step++, n);
                        if (request.method().equals("POST") && o.withdraw()) {
                            undo = true;
                        } else if (request.method().equals("POST") || request.method().equals("DELETE")) {
                            undo = false;
                            n = n >= o.nTo() ? o.nFrom() : n + 1;
                        }
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = 599;
                        }
                        long micros = (System.nanoTime() - t0) / 1_000;
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = micros;
                        statuses.computeIfAbsent(request.method().equals("GET") ? status : status + 10_000 * methodCode(request),
                                k -> new LongAdder()).increment();
                        requests.incrementAndGet();
                    }
                } finally {
                    POSITION.put(user, n);
                    latencies[user] = Arrays.copyOf(mine, count);
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!report) {
            return;
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long posts2xx = statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 102).mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("successful POSTs (2xx): %d = %.0f/s%n", posts2xx, posts2xx / seconds);
        long errors = statuses.entrySet().stream().filter(e -> e.getKey() % 10_000 >= 500).mapToLong(e -> e.getValue().sum()).sum();
        System.out.printf("requests: %d in %.1f s = %.0f req/s; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; 5xx/failed %d; statuses %s%n",
                requests.get(), seconds, requests.get() / seconds, pct(all, 50), pct(all, 95), pct(all, 99), errors, statuses);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private static HttpRequest next(Options o, String token, int step, int n) {
        int kinds = o.gets().size() + (o.post() == null ? 0 : 1);
        int pick = step % kinds;
        if (pick < o.gets().size()) {
            return HttpRequest.newBuilder(o.base().resolve(o.gets().get(pick))).header("Accept", "text/html")
                    .header("Authorization", "Bearer " + token).GET().timeout(Duration.ofSeconds(30)).build();
        }
        return HttpRequest.newBuilder(o.base().resolve(o.post().replace("{n}", Integer.toString(n))))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(o.body().replace("{n}", Integer.toString(n))))
                .timeout(Duration.ofSeconds(30)).build();
    }

    /** POST statuses are reported as 1xxxx (e.g. 10201), DELETE as 2xxxx (20200), GET as plain codes. */
    private static int methodCode(HttpRequest r) {
        return r.method().equals("POST") ? 1 : 2;
    }

    /** Withdraws what the previous POST did (--withdraw): DELETE on the same path, so a run is sustainable. */
    private static HttpRequest delete(Options o, String token, int n) {
        return HttpRequest.newBuilder(o.base().resolve(o.post().replace("{n}", Integer.toString(n))))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .DELETE().timeout(Duration.ofSeconds(30)).build();
    }

    private static List<String> signIn(HttpClient client, Options o) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= o.users(); i++) {
            String email = String.format(o.emailPattern(), i);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(o.base().resolve("/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + email + "\",\"password\":\"" + o.password() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("sign-in failed for " + email + ": " + r.statusCode());
            }
            tokens.add(r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1"));
        }
        return tokens;
    }

    /** Raw single-row INSERT + COMMIT per transaction on a scratch table: the database's own ceiling. */
    static double dbBaseline(String url, String user, String password, int threads, Duration length) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_commit (id BIGINT AUTO_INCREMENT PRIMARY KEY, v BIGINT NOT NULL, at DATETIME(6) NOT NULL) ENGINE=InnoDB");
        }
        LongAdder commits = new LongAdder();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_commit (v, at) VALUES (?, NOW(6))")) {
                        while (System.nanoTime() < end) {
                            ps.setLong(1, System.nanoTime());
                            ps.executeUpdate();
                            c.commit();
                            commits.increment();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("DROP TABLE bench_commit");
        }
        return commits.sum() / (double) length.toSeconds();
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    private static Options parse(String[] args) {
        URI base = URI.create("http://127.0.0.1:8080/");
        int users = 64;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(10);
        List<String> gets = new ArrayList<>();
        String post = null;
        String body = "{}";
        int nFrom = 1;
        int nTo = 1_000_000;
        String db = null;
        String dbUser = "root";
        String dbPassword = "";
        String emailPattern = "citizen%03d@demo.hamkke.kr";
        String password = "hamkke-demo-1234";
        boolean spread = false;
        boolean withdraw = false;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--spread") || args[i].equals("--withdraw")) {
                spread |= args[i].equals("--spread");
                withdraw |= args[i].equals("--withdraw");
                i--;
                continue;
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> base = URI.create(v.endsWith("/") ? v : v + "/");
                case "--users" -> users = Integer.parseInt(v);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(v));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(v));
                case "--get" -> gets.add(v);
                case "--post" -> post = v;
                case "--body" -> body = v;
                case "--n-from" -> nFrom = Integer.parseInt(v);
                case "--n-to" -> nTo = Integer.parseInt(v);
                case "--db-baseline" -> db = v;
                case "--db-user" -> dbUser = v;
                case "--db-password" -> dbPassword = v;
                case "--emails" -> emailPattern = v;
                case "--password" -> password = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (gets.isEmpty() && post == null) {
            gets.add("/");
        }
        if (duration.toSeconds() > 1800) {
            throw new IllegalArgumentException("--duration is capped at 1800 s");
        }
        return new Options(base, users, duration, warmup, gets, post, body, nFrom, nTo, db, dbUser, dbPassword, emailPattern, password, spread, withdraw);
    }

    private LoadDriver() {
    }
}
