package kr.hamkke.bench.drill;

import kr.hamkke.shared.Hashing;
import kr.hamkke.testing.Browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two app instances on one database behind nginx (round robin): a session from one instance works
 * on the other, one person's concurrent votes spread over both make one ballot, a scheduled job runs
 * on one instance only, and a mixed load through nginx keeps every ballot exactly once.
 * Run by bench/two-instances.sh.
 */
final class ScaleOutDrill {

    private ScaleOutDrill() {
    }

    static FaultDrill.Result run(FaultDrill.Options o, int lbPort) throws Exception {
        List<String> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path nginxDir = o.data().resolve("nginx");
        // One secret for all instances: a token signed by one verifies on the other.
        // Throttles and rate limits count the real client, which nginx passes in X-Real-IP.
        Map<String, String> shared = Map.of("JWT_SECRET", Hashing.randomToken(32),
                "HAMKKE_RATE_LIMITS_CLIENT_HEADER", "X-Real-IP");
        try (DrillDatabase db = new DrillDatabase(o.data().resolve("mariadb"), o.dbPort()).start()) {
            AppProcess one = new AppProcess(o.appPort(), db.url("hamkke"), AppProcess.freshLog(o.data(), "app-1.log"),
                    with(shared, "HAMKKE_INSTANCE_ID", "app-1"));
            AppProcess two = new AppProcess(o.appPort() + 1, db.url("hamkke"), AppProcess.freshLog(o.data(), "app-2.log"),
                    with(shared, "HAMKKE_INSTANCE_ID", "app-2"));
            Process nginx = null;
            try {
                BallotLedger ledger = new BallotLedger(db.url("hamkke"));
                one.start(Duration.ofMinutes(4));
                try (Connection c = ledger.connect()) {
                    c.createStatement().executeUpdate("DELETE FROM job_lease"); // leases left by earlier drills on this database
                }
                two.start(Duration.ofMinutes(4));
                long bothUp = System.nanoTime();
                nginx = startNginx(nginxDir, lbPort, o.appPort(), o.appPort() + 1);
                URI lb = URI.create("http://127.0.0.1:" + lbPort);
                waitFor(lb);

                DrillApi api = new DrillApi();
                long track = ledger.trackId();
                List<Long> projects = ledger.projects(track);

                // 1. Sessions: a bearer token and a web cookie issued by one instance work on the other.
                String token = api.signIn(one.uri(), "citizen@hamkke.kr");
                Voter probe = new Voter("citizen@hamkke.kr");
                probe.token = token;
                Voter.Attempt onTwo = new Voter.Attempt("scale-" + UUID.randomUUID(), List.of(projects.get(0)));
                api.submit(two.uri(), track, probe, onTwo);
                Browser web1 = new Browser(one.uri());
                int signedIn = web1.signIn("citizen@hamkke.kr", DrillApi.DEMO_PASSWORD).statusCode();
                Browser web2 = new Browser(two.uri());
                web2.setCookie("JWT", web1.cookie("JWT"));
                var account = web2.get("/account");
                figures.add("token from app-1 used on app-2: ballot " + onTwo.status + "; web sign-in on app-1 " + signedIn
                        + ", /account on app-2 with that cookie " + account.statusCode());
                if (!onTwo.acknowledged() || signedIn != 303 || account.statusCode() != 200) {
                    problems.add("a session from app-1 did not work on app-2 (ballot " + onTwo.status + ", /account " + account.statusCode() + ")");
                }

                // 2. One person, 20 concurrent ballots alternating between the instances: one ballot row.
                problems.addAll(concurrentVotes(api, ledger, track, projects, List.of(one.uri(), two.uri()), figures));

                // 3. Mixed load through nginx; both instances serve it; every ballot exactly once.
                List<Voter> voters = FaultDrill.signIn(api, lb, track, projects, o.voters());
                var before = ledger.states(track, voters);
                String prefix = "drill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
                BallotLoad load = new BallotLoad(api, track, projects, prefix);
                PageLoad pages = new PageLoad(api, lb, List.of("/api/proposals", "/api/budgeting/cycles", "/api/forums",
                        "/api/proposals?sort=support"), o.voters());
                long t0 = System.nanoTime();
                load.start(voters, () -> lb);
                pages.start();
                Thread.sleep(o.loadSeconds() * 1000L);
                load.stop();
                pages.stop();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long acked = FaultDrill.acknowledged(voters);
                PageLoad.Stats reads = pages.stats();
                figures.add(String.format("through nginx for %.0f s: %d ballots acknowledged (%.0f/s) by %d voters; reads %s (%.0f/s); load average %s",
                        seconds, acked, acked / seconds, voters.size(), reads.summary(), (reads.ok() + reads.other() + reads.unavailable()) / seconds,
                        FaultDrill.loadAverage()));
                Map<String, Long> upstreams = upstreams(nginxDir.resolve("access.log"));
                figures.add("requests per instance (nginx upstream): " + upstreams);
                if (upstreams.size() < 2) {
                    problems.add("nginx sent everything to one instance: " + upstreams);
                }
                if (reads.other() + reads.unavailable() > 0) {
                    problems.add("reads through nginx failed: " + reads.summary());
                }
                load.retryUnanswered(voters, lb);
                problems.addAll(ledger.check(track, voters, before, ledger.states(track, voters), prefix));
                problems.addAll(FaultDrill.refusals(voters));

                // 4. Scheduled jobs: ClosingJob fires on both instances 1 min after each start; one runs it.
                long wait = Duration.ofSeconds(75).toMillis() - FaultDrill.millisSince(bothUp);
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long taken = count(o.data().resolve("app-1.log"), "job lease proposals.closing taken")
                        + count(o.data().resolve("app-2.log"), "job lease proposals.closing taken");
                long skipped = count(o.data().resolve("app-1.log"), "job lease proposals.closing held")
                        + count(o.data().resolve("app-2.log"), "job lease proposals.closing held");
                String holder;
                try (Connection c = ledger.connect();
                     ResultSet rs = c.createStatement().executeQuery("SELECT holder FROM job_lease WHERE job_name = 'proposals.closing'")) {
                    holder = rs.next() ? rs.getString(1) : "none";
                }
                figures.add("proposals.closing job: ran " + taken + " time(s), skipped by the other instance " + skipped
                        + " time(s); lease holder " + holder);
                if (taken != 1 || skipped != 1) {
                    problems.add("the scheduled job ran " + taken + " times and was skipped " + skipped + " times (expected 1 and 1)");
                }
                figures.add("audit chain after the drill:");
                problems.addAll(FaultDrill.auditChain(db.url("hamkke"), figures));
            } finally {
                if (nginx != null) {
                    nginx.destroy();
                    nginx.waitFor();
                }
                one.stop();
                two.stop();
            }
        }
        return new FaultDrill.Result(figures, problems);
    }

    private static List<String> concurrentVotes(DrillApi api, BallotLedger ledger, long track, List<Long> projects, List<URI> instances,
                                                List<String> figures) throws Exception {
        List<String> problems = new ArrayList<>();
        String email = firstWithoutBallot(ledger, track);
        Voter v = new Voter(email);
        v.token = api.signIn(instances.get(0), email);
        int n = 20;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger next = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(n)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    int i2 = next.getAndIncrement();
                    Voter.Attempt a = new Voter.Attempt("scale-" + UUID.randomUUID(), List.of(projects.get(i2 % projects.size())));
                    v.attempts.add(a);
                    start.await();
                    api.submit(instances.get(i2 % instances.size()), track, v, a);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        long acked = v.attempts.stream().filter(Voter.Attempt::acknowledged).count();
        var state = ledger.states(track, List.of(v)).get(email);
        long rows = count(ledger, "SELECT COUNT(*) FROM pb_ballot WHERE track_id = ? AND identity_hash = ?", track, state.identityHash());
        figures.add(n + " concurrent ballots by " + email + " alternating app-1/app-2: " + acked + " acknowledged, " + rows
                + " ballot row(s), version " + state.version() + ", " + state.receipts() + " receipts, " + state.audits() + " audit entries");
        if (rows != 1 || state.version() != acked || state.receipts() != acked || state.audits() != acked) {
            problems.add("concurrent votes over two instances: " + rows + " rows, version " + state.version() + " for " + acked + " acknowledged");
        }
        // The same Idempotency-Key sent to both instances at once: processed once.
        String key = "scale-same-" + UUID.randomUUID();
        List<Voter.Attempt> same = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(10)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Voter.Attempt a = new Voter.Attempt(key, List.of(projects.get(0)));
                same.add(a);
                URI target = instances.get(i % instances.size());
                futures.add(pool.submit(() -> {
                    go.await();
                    api.submit(target, track, v, a);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        var afterSame = ledger.states(track, List.of(v)).get(email);
        figures.add("one Idempotency-Key sent 10 times at once to both instances: statuses "
                + same.stream().map(a -> a.status).toList() + "; ballot version " + state.version() + " -> " + afterSame.version());
        if (afterSame.version() != state.version() + 1 || same.stream().anyMatch(a -> !a.acknowledged())) {
            problems.add("the same key over two instances moved the version by " + (afterSame.version() - state.version()));
        }
        return problems;
    }

    private static String firstWithoutBallot(BallotLedger ledger, long track) throws Exception {
        try (Connection c = ledger.connect(); PreparedStatement ps = c.prepareStatement("""
                SELECT a.email FROM account a JOIN verification v ON v.account_id = a.id
                WHERE a.email LIKE 'citizen%@demo.hamkke.kr'
                  AND NOT EXISTS (SELECT 1 FROM pb_ballot b WHERE b.track_id = ? AND b.identity_hash = v.identity_hash)
                  AND NOT EXISTS (SELECT 1 FROM pb_paper_issuance p WHERE p.track_id = ? AND p.identity_hash = v.identity_hash)
                  AND v.birth_date < '2000-01-01'
                ORDER BY a.email DESC LIMIT 1""")) {
            ps.setLong(1, track);
            ps.setLong(2, track);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("every demo citizen has voted on track " + track + "; use a fresh --data directory");
                }
                return rs.getString(1);
            }
        }
    }

    private static long count(BallotLedger ledger, String sql, Object... args) throws Exception {
        try (Connection c = ledger.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Process startNginx(Path dir, int lbPort, int app1, int app2) throws IOException {
        Files.createDirectories(dir.resolve("temp"));
        Files.deleteIfExists(dir.resolve("access.log"));
        String conf = """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 2048; }
                http {
                  log_format upstream '$remote_addr "$request" $status $upstream_addr $request_time';
                  access_log %1$s/access.log upstream;
                  client_body_temp_path %1$s/temp/body;
                  proxy_temp_path %1$s/temp/proxy;
                  fastcgi_temp_path %1$s/temp/fastcgi;
                  uwsgi_temp_path %1$s/temp/uwsgi;
                  scgi_temp_path %1$s/temp/scgi;
                  upstream hamkke {
                    server 127.0.0.1:%3$d;
                    server 127.0.0.1:%4$d;
                    keepalive 64;
                  }
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://hamkke;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                      proxy_set_header X-Real-IP $remote_addr;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      # POSTs are never re-sent to the other instance by nginx (non_idempotent is off): a client
                      # retries with its Idempotency-Key instead.
                      proxy_next_upstream error timeout;
                    }
                  }
                }
                """.formatted(dir.toAbsolutePath(), lbPort, app1, app2);
        Files.writeString(dir.resolve("nginx.conf"), conf);
        return new ProcessBuilder("nginx", "-p", dir.toAbsolutePath().toString(), "-c", dir.resolve("nginx.conf").toAbsolutePath().toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    }

    private static void waitFor(URI lb) throws InterruptedException {
        DrillApi api = new DrillApi();
        for (int i = 0; i < 40; i++) {
            if (api.get(lb, "/health").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("nginx did not answer on " + lb);
    }

    private static final Pattern UPSTREAM = Pattern.compile(" (127\\.0\\.0\\.1:\\d+) ");

    private static Map<String, Long> upstreams(Path accessLog) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (String line : Files.readAllLines(accessLog)) {
            Matcher m = UPSTREAM.matcher(line);
            if (m.find()) {
                out.merge(m.group(1), 1L, Long::sum);
            }
        }
        return out;
    }

    private static long count(Path log, String text) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains(text)).count();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }
}
