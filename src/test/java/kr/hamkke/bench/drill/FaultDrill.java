package kr.hamkke.bench.drill;

import kr.hamkke.audit.AuditVerifyCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fault drills of issue 7 against real processes: a MariaDB server and the Hamkke app as a child
 * JVM. {@code crash}: kill -9 the app during ballot load, restart it, check every acknowledged
 * ballot. {@code outage}: stop the database during load, check fast 503s and health DOWN, start it
 * again, check the app recovers by itself. {@code backup}: dump, restore into an empty server, check
 * the restored app answers identically and the audit chain verifies. Run by bench/crash.sh,
 * bench/db-outage.sh, bench/backup-restore.sh; a small crash drill runs in CI (CrashDrillTest).
 *
 * <p>Options: {@code --data DIR} (default /work/rel-data/drill), {@code --db-port}, {@code --app-port},
 * {@code --voters N}, {@code --load-seconds S}, {@code --outage-seconds S}.
 */
public final class FaultDrill {

    /** What a drill found: measured figures (for docs/) and broken rules (empty = passed). */
    public record Result(List<String> figures, List<String> problems) {
        public boolean passed() {
            return problems.isEmpty();
        }
    }

    public record Options(Path data, int dbPort, int appPort, int voters, int loadSeconds, int outageSeconds) {
        static Options parse(String[] args) {
            Path data = Path.of("/work/rel-data/drill");
            int dbPort = 8119;
            int appPort = 8111;
            int voters = 32;
            int load = 20;
            int outage = 15;
            for (int i = 1; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(args[i + 1]);
                    case "--db-port" -> dbPort = Integer.parseInt(args[i + 1]);
                    case "--app-port" -> appPort = Integer.parseInt(args[i + 1]);
                    case "--voters" -> voters = Integer.parseInt(args[i + 1]);
                    case "--load-seconds" -> load = Integer.parseInt(args[i + 1]);
                    case "--outage-seconds" -> outage = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(data, dbPort, appPort, voters, load, outage);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: FaultDrill crash|outage|backup|scaleout [options]");
            System.exit(2);
        }
        Options o = Options.parse(args);
        Result r = switch (args[0]) {
            case "crash" -> crash(o);
            case "outage" -> outage(o);
            case "backup" -> backup(o);
            case "scaleout" -> ScaleOutDrill.run(o, 8110);
            default -> throw new IllegalArgumentException("unknown drill " + args[0]);
        };
        r.figures().forEach(f -> System.out.println("  " + f));
        if (r.passed()) {
            System.out.println("DRILL PASSED: " + args[0]);
        } else {
            System.out.println("DRILL FAILED: " + args[0]);
            r.problems().forEach(p -> System.out.println("  PROBLEM " + p));
        }
        System.exit(r.passed() ? 0 : 1);
    }

    /** kill -9 during ballot load; restart; every acknowledged ballot exactly once; audit chain intact. */
    public static Result crash(Options o) throws Exception {
        List<String> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (DrillDatabase db = new DrillDatabase(o.data().resolve("mariadb"), o.dbPort()).start()) {
            AppProcess app = new AppProcess(o.appPort(), db.url("hamkke"), AppProcess.freshLog(o.data(), "crash-app.log"), Map.of());
            try {
                long t0 = System.nanoTime();
                app.start(START_TIMEOUT);
                figures.add("app start (migrations, demo data on first run): " + millisSince(t0) + " ms");
                BallotLedger ledger = new BallotLedger(db.url("hamkke"));
                long track = ledger.trackId();
                DrillApi api = new DrillApi();
                List<Voter> voters = signIn(api, app.uri(), track, ledger.projects(track), o.voters());
                var before = ledger.states(track, voters);
                String prefix = "drill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
                BallotLoad load = new BallotLoad(api, track, ledger.projects(track), prefix);
                load.start(voters, app::uri);
                Thread.sleep(o.loadSeconds() * 1000L);
                long ackedBeforeKill = acknowledged(voters);
                app.kill9();
                figures.add("kill -9 after " + o.loadSeconds() + " s of ballot load by " + voters.size() + " voters; "
                        + ackedBeforeKill + " ballots acknowledged before the kill (" + ackedBeforeKill / Math.max(1, o.loadSeconds())
                        + "/s; machine load average " + loadAverage() + ")");
                Thread.sleep(1000);
                load.stop();
                long unanswered = voters.stream().flatMap(v -> v.attempts.stream()).filter(Voter.Attempt::unknown).count();
                t0 = System.nanoTime();
                app.start(START_TIMEOUT);
                figures.add("restart to healthy: " + millisSince(t0) + " ms; attempts left without an answer by the crash: " + unanswered);
                load.retryUnanswered(voters, app.uri());
                long replayed = voters.stream().flatMap(v -> v.attempts.stream()).filter(a -> a.status == 200).count();
                figures.add("after retries with the same Idempotency-Key: " + acknowledged(voters) + " acknowledged (" + replayed
                        + " of them replays of ballots committed just before the kill)");
                problems.addAll(ledger.check(track, voters, before, ledger.states(track, voters), prefix));
                problems.addAll(auditChain(db.url("hamkke"), figures));
                problems.addAll(refusals(voters));
            } finally {
                app.stop();
            }
        }
        return new Result(figures, problems);
    }

    /** Database stopped mid-load: fast 503 problem+json, health DOWN; started again: the app recovers alone. */
    public static Result outage(Options o) throws Exception {
        List<String> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (DrillDatabase db = new DrillDatabase(o.data().resolve("mariadb"), o.dbPort()).start()) {
            AppProcess app = new AppProcess(o.appPort(), db.url("hamkke"), AppProcess.freshLog(o.data(), "outage-app.log"), Map.of());
            try {
                app.start(START_TIMEOUT);
                BallotLedger ledger = new BallotLedger(db.url("hamkke"));
                long track = ledger.trackId();
                DrillApi api = new DrillApi();
                List<Voter> voters = signIn(api, app.uri(), track, ledger.projects(track), o.voters());
                var before = ledger.states(track, voters);
                String prefix = "drill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
                BallotLoad load = new BallotLoad(api, track, ledger.projects(track), prefix);
                PageLoad pages = new PageLoad(api, app.uri(), List.of("/api/proposals", "/api/budgeting/cycles", "/api/forums"), 8);
                load.start(voters, app::uri);
                pages.start();
                Thread.sleep(o.loadSeconds() * 1000L);

                db.stop();
                long down = System.nanoTime();
                pages.reset();
                Thread.sleep(o.outageSeconds() * 1000L);
                PageLoad.Stats during = pages.stats();
                int health = app.healthStatus();
                DrillApi.Answer sample = api.get(app.uri(), "/api/proposals");
                figures.add("database stopped for " + o.outageSeconds() + " s: " + during.summary());
                figures.add("during the outage: /health answered " + health + ", GET /api/proposals answered " + sample.status()
                        + " " + sample.contentType() + " in " + sample.millis() + " ms");
                if (health != 503) {
                    problems.add("/health answered " + health + " while the database was down (expected 503 DOWN)");
                }
                if (sample.status() != 503 || !sample.contentType().startsWith("application/problem+json")) {
                    problems.add("a request during the outage got " + sample.status() + " " + sample.contentType());
                }
                if (during.other() > 0) {
                    problems.add(during.other() + " answers during the outage were neither 2xx nor 503: " + during.statuses());
                }
                if (during.maxMillis() > 5_000) {
                    problems.add("slowest answer during the outage took " + during.maxMillis() + " ms (a thread hung)");
                }

                db.start();
                long up = System.nanoTime();
                long recovered = -1;
                while (System.nanoTime() - up < Duration.ofSeconds(60).toNanos()) {
                    if (app.healthStatus() == 200 && api.get(app.uri(), "/api/proposals").status() == 200) {
                        recovered = millisSince(up);
                        break;
                    }
                    Thread.sleep(250);
                }
                figures.add("database back after " + millisSince(down) + " ms; app healthy again " + recovered
                        + " ms after the database (no restart of the app)");
                if (recovered < 0) {
                    problems.add("the app did not recover within 60 s of the database coming back");
                }
                pages.reset();
                Thread.sleep(3000);
                load.stop();
                pages.stop();
                PageLoad.Stats after = pages.stats();
                figures.add("3 s after recovery: " + after.summary());
                if (after.ok() == 0 || after.other() + after.unavailable() > 0) {
                    problems.add("after recovery: " + after.summary());
                }
                load.retryUnanswered(voters, app.uri());
                figures.add("ballots acknowledged over the whole drill: " + acknowledged(voters) + " by " + voters.size()
                        + " voters (machine load average " + loadAverage() + ")");
                problems.addAll(ledger.check(track, voters, before, ledger.states(track, voters), prefix));
                problems.addAll(auditChain(db.url("hamkke"), figures));
                problems.addAll(refusals(voters));
            } finally {
                app.stop();
            }
        }
        return new Result(figures, problems);
    }

    /** mariadb-dump, restore into an empty server, identical API answers, audit chain intact on the copy. */
    public static Result backup(Options o) throws Exception {
        List<String> figures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path dump = o.data().resolve("hamkke-dump.sql");
        Path restoreHome = o.data().resolve("mariadb-restore");
        deleteTree(restoreHome);
        try (DrillDatabase db = new DrillDatabase(o.data().resolve("mariadb"), o.dbPort()).start();
             DrillDatabase copy = new DrillDatabase(restoreHome, o.dbPort() + 1).start()) {
            AppProcess app = new AppProcess(o.appPort(), db.url("hamkke"), AppProcess.freshLog(o.data(), "backup-app.log"), Map.of());
            AppProcess restored = new AppProcess(o.appPort() + 1, copy.url("hamkke"),
                    AppProcess.freshLog(o.data(), "restored-app.log"), Map.of());
            try {
                app.start(START_TIMEOUT);
                BallotLedger ledger = new BallotLedger(db.url("hamkke"));
                long track = ledger.trackId();
                DrillApi api = new DrillApi();
                List<Voter> voters = signIn(api, app.uri(), track, ledger.projects(track), Math.min(8, o.voters()));
                BallotLoad load = new BallotLoad(api, track, ledger.projects(track), "drill-backup-");
                load.start(voters, app::uri);
                Thread.sleep(3000);
                load.stop();

                // --single-transaction: a consistent snapshot without locking writers (InnoDB).
                long t0 = System.nanoTime();
                int dumped = db.tool(List.of("mariadb-dump", "--skip-ssl", "-h127.0.0.1", "-P" + db.port(), "-uroot", "--single-transaction",
                        "--routines", "--triggers", "--hex-blob", "--default-character-set=utf8mb4", "hamkke"), null, dump);
                figures.add("mariadb-dump: exit " + dumped + ", " + Files.size(dump) / 1024 + " KiB in " + millisSince(t0) + " ms");
                t0 = System.nanoTime();
                int restoredExit = copy.tool(List.of("mariadb", "--skip-ssl", "-h127.0.0.1", "-P" + copy.port(), "-uroot",
                        "--default-character-set=utf8mb4", "hamkke"), dump, null);
                figures.add("restore into an empty server: exit " + restoredExit + " in " + millisSince(t0) + " ms");
                if (dumped != 0 || restoredExit != 0) {
                    problems.add("dump exit " + dumped + ", restore exit " + restoredExit);
                    return new Result(figures, problems);
                }
                restored.start(START_TIMEOUT);
                List<String> paths = new ArrayList<>(List.of("/api/proposals", "/api/proposals?sort=support&page=2", "/api/forums",
                        "/api/budgeting/cycles", "/api/budgeting/tracks/" + track + "/projects", "/api/city-questions",
                        "/api/participation/open", "/api/audit/head", "/api/budget-lines"));
                long published = ledger.number("SELECT MIN(track_id) FROM pb_tally WHERE published_at IS NOT NULL");
                if (published > 0) {
                    paths.add("/api/budgeting/tracks/" + published + "/results");
                }
                int same = 0;
                for (String path : paths) {
                    DrillApi.Answer a = api.get(app.uri(), path);
                    DrillApi.Answer b = api.get(restored.uri(), path);
                    if (a.status() == 200 && a.status() == b.status() && a.body().equals(b.body())) {
                        same++;
                    } else {
                        problems.add(path + ": original " + a.status() + " (" + a.body().length() + " chars), restored " + b.status()
                                + " (" + b.body().length() + " chars)" + (a.status() == 200 && b.status() == 200 ? ", bodies differ" : ""));
                    }
                }
                figures.add(same + " of " + paths.size() + " public API answers byte-identical between the original and the restored app");
                problems.addAll(auditChain(db.url("hamkke"), figures));
                problems.addAll(auditChain(copy.url("hamkke"), figures));
                if (figures.size() >= 2 && !head(figures, -1).equals(head(figures, -2))) {
                    problems.add("the restored audit head differs from the original");
                }
            } finally {
                restored.stop();
                app.stop();
            }
        }
        return new Result(figures, problems);
    }

    private static String head(List<String> figures, int fromEnd) {
        String line = figures.get(figures.size() + fromEnd);
        int at = line.indexOf("\"head\"");
        return at < 0 ? line : line.substring(at);
    }

    /**
     * Signs in {@code n} demo citizens who may vote online on the track: a probe ballot (before the
     * drill's snapshot) leaves out those the rules refuse, e.g. a person who already voted at a booth.
     */
    static List<Voter> signIn(DrillApi api, URI base, long track, List<Long> projects, int n) throws Exception {
        List<Voter> voters = new ArrayList<>();
        for (String email : DrillApi.demoCitizens(300)) {
            if (voters.size() == n) {
                break;
            }
            Voter v = new Voter(email);
            v.token = api.signIn(base, email);
            Voter.Attempt probe = new Voter.Attempt("probe-" + UUID.randomUUID(), List.of(projects.get(0)));
            api.submit(base, track, v, probe);
            if (probe.acknowledged()) {
                voters.add(v);
            }
        }
        return voters;
    }

    static long acknowledged(List<Voter> voters) {
        return voters.stream().flatMap(v -> v.attempts.stream()).filter(Voter.Attempt::acknowledged).count();
    }

    /** A 4xx would mean the drill's own requests were wrong (not eligible, bad picks): report it. */
    static List<String> refusals(List<Voter> voters) {
        var refused = voters.stream().flatMap(v -> v.attempts.stream()).filter(a -> !a.acknowledged() && !a.unknown())
                .collect(java.util.stream.Collectors.groupingBy(a -> a.status, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        return refused.isEmpty() ? List.of() : List.of("ballot attempts refused by status: " + refused);
    }

    /** The same check as {@code java -jar hamkke.jar audit-verify --url ...}, on the drill's database. */
    static List<String> auditChain(String url, List<String> figures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(new String[] {"--url", url}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String result = out.toString(StandardCharsets.UTF_8).strip();
        figures.add("audit-verify: exit " + exit + " " + result);
        return exit == 0 ? List.of() : List.of("audit chain does not verify: " + result + " " + err.toString(StandardCharsets.UTF_8));
    }

    /** The 1-minute load average: these figures come from a shared 2-core machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
