package kr.hamkke.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vote-day load (issue 7) and the HTTP ballot benchmark (issue 4): bench/vote-day.sh, bench/ballots.sh.
 * Closed loop, loopback only, verified demo citizens signed in through POST /login. Each request is drawn
 * from the mix {@code --mix VIEWS,ACTIONS,BALLOTS} (percent, default 80,15,5):
 * <ul>
 *   <li>views: GET of one of {@code --views} (comma-separated; {@code {p}} is replaced by a random id of
 *       {@code --details}), as text/html with the user's bearer token;</li>
 *   <li>actions: 공감 on proposals {@code --n-from..--n-to} (each user walks its own slice, a 공감 is followed by its
 *       withdrawal next time, so the run is sustainable and every request changes state), and, one action in three,
 *       a forum position (찬성/반대 alternating) on one of {@code --forums};</li>
 *   <li>ballots: POST /api/budgeting/tracks/{@code --track}/ballot with {@code --picks} random projects of
 *       {@code --projects}, a fresh Idempotency-Key each (a voter changing their ballot: the last one counts).</li>
 * </ul>
 * {@code --ramp 16,32,64,128} runs one measured step per user count (each {@code --duration} s after {@code --warmup} s),
 * reporting throughput, p50/p95/p99, error rate (any status other than the expected 2xx, or no answer), per-kind
 * p99, CPU of the app and database processes ({@code --app-pid}, {@code --db-pid}: % of one core, from /proc)
 * and the app's heap (max of /prometheus jvm_memory_used_bytes{area="heap"} sampled each second). The raw single-row
 * commit rate ({@code --db-baseline}) is measured first, in the same run. The acknowledged ballots (2xx, warm-up
 * included) are printed at the end for bench/verify-ballots.sql.
 */
public final class VoteDayDriver {

    enum Kind { VIEW, SUPPORT, POSITION, BALLOT }

    record Options(URI base, List<Integer> ramp, Duration duration, Duration warmup, int viewPct, int actionPct,
                   List<String> views, List<Long> details, int nFrom, int nTo, List<Long> forums,
                   long track, List<Long> projects, int picks, String dbBaseline, long appPid, long dbPid,
                   String emailPattern, String password) {
    }

    /** Per user: where its 공감 walk stands and whether its last 공감 is still to be withdrawn. */
    private static final class UserState {
        int n;
        boolean supported;
        boolean pro;
    }

    private static final LongAdder ACKNOWLEDGED_BALLOTS = new LongAdder();

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (!isLoopback(o.base())) {
            throw new IllegalArgumentException("load tests target this machine only (loopback), not " + o.base());
        }
        System.out.printf("load average at start: %s%n", loadAverage());
        if (o.dbBaseline() != null) {
            double rate = LoadDriver.dbBaseline(o.dbBaseline(), "root", "", 8, Duration.ofSeconds(10));
            System.out.printf("db-baseline: %.0f single-row commits/s (8 threads, 10 s)%n", rate);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        int maxUsers = o.ramp().stream().mapToInt(Integer::intValue).max().orElse(64);
        List<String> tokens = signIn(client, o, maxUsers);
        Map<Integer, UserState> states = new ConcurrentHashMap<>();
        System.out.printf("mix: %d%% views, %d%% supports/positions, %d%% ballots%n", o.viewPct(), o.actionPct(),
                100 - o.viewPct() - o.actionPct());
        System.out.println("| users | req/s | p50 ms | p95 ms | p99 ms | errors | views p99 | supports/s p99 | positions p99 | ballots/s p99 | app CPU | db CPU | heap max | load avg |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int users : o.ramp()) {
            step(client, o, tokens, states, users, o.warmup(), false);
            step(client, o, tokens, states, users, o.duration(), true);
        }
        System.out.printf("acknowledged ballots (2xx, warm-up included): %d%n", ACKNOWLEDGED_BALLOTS.sum());
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static void step(HttpClient client, Options o, List<String> tokens, Map<Integer, UserState> states, int users,
                             Duration length, boolean report) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        Map<Kind, long[][]> latencies = new ConcurrentHashMap<>();
        for (Kind k : Kind.values()) {
            latencies.put(k, new long[users][]);
        }
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(users);
        long cpuApp0 = cpuTicks(o.appPid());
        long cpuDb0 = cpuTicks(o.dbPid());
        long[] heapMax = {0};
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (System.nanoTime() < end) {
                heapMax[0] = Math.max(heapMax[0], heapUsed(client, o.base()));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread.ofVirtual().start(() -> {
                UserState st = states.computeIfAbsent(user, k -> {
                    UserState s = new UserState();
                    // 300 users at most share the proposals: slices do not overlap for any ramp step.
                    s.n = o.nFrom() + (int) ((long) k * (o.nTo() - o.nFrom() + 1) / 300);
                    return s;
                });
                Map<Kind, long[]> mine = new LinkedHashMap<>();
                Map<Kind, Integer> counts = new LinkedHashMap<>();
                for (Kind k : Kind.values()) {
                    mine.put(k, new long[1 << 12]);
                    counts.put(k, 0);
                }
                String token = tokens.get(user);
                try {
                    while (System.nanoTime() < end) {
                        int r = ThreadLocalRandom.current().nextInt(100);
                        Kind kind = r < o.viewPct() ? Kind.VIEW
                                : r < o.viewPct() + o.actionPct() ? (o.forums().isEmpty() || r % 3 != 0 ? Kind.SUPPORT : Kind.POSITION)
                                : Kind.BALLOT;
                        HttpRequest request = request(o, token, kind, st);
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = 599;
                        }
                        long micros = (System.nanoTime() - t0) / 1_000;
                        if (kind == Kind.SUPPORT && status / 100 == 2) {
                            st.supported = !st.supported;
                            if (!st.supported) {
                                st.n = st.n >= o.nTo() ? o.nFrom() : st.n + 1;
                            }
                        } else if (kind == Kind.SUPPORT && status == 409) {
                            // Out of step with the server (e.g. a timed-out request that did succeed): move on.
                            st.supported = false;
                            st.n = st.n >= o.nTo() ? o.nFrom() : st.n + 1;
                        }
                        if (kind == Kind.BALLOT && status / 100 == 2) {
                            ACKNOWLEDGED_BALLOTS.increment();
                        }
                        if (status / 100 != 2) {
                            errors.incrementAndGet();
                        }
                        long[] arr = mine.get(kind);
                        int c = counts.get(kind);
                        if (c == arr.length) {
                            arr = Arrays.copyOf(arr, arr.length * 2);
                            mine.put(kind, arr);
                        }
                        arr[c] = micros;
                        counts.put(kind, c + 1);
                        statuses.computeIfAbsent(kind + " " + request.method() + " " + status, k -> new LongAdder()).increment();
                    }
                } finally {
                    for (Kind k : Kind.values()) {
                        latencies.get(k)[user] = Arrays.copyOf(mine.get(k), counts.get(k));
                    }
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();
        if (!report) {
            return;
        }
        double appCpu = 100.0 * (cpuTicks(o.appPid()) - cpuApp0) / CLOCK_TICKS / seconds;
        double dbCpu = 100.0 * (cpuTicks(o.dbPid()) - cpuDb0) / CLOCK_TICKS / seconds;
        long[] all = latencies.values().stream().flatMap(Arrays::stream).flatMapToLong(Arrays::stream).sorted().toArray();
        Map<Kind, long[]> byKind = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            byKind.put(k, Arrays.stream(latencies.get(k)).flatMapToLong(Arrays::stream).sorted().toArray());
        }
        System.out.printf("| %d | %.0f | %.1f | %.1f | %.1f | %d (%.2f%%) | %.1f | %.0f/s %.1f | %.1f | %.0f/s %.1f | %s | %s | %s | %s |%n",
                users, all.length / seconds, pct(all, 50), pct(all, 95), pct(all, 99), errors.get(),
                all.length == 0 ? 0 : 100.0 * errors.get() / all.length,
                pct(byKind.get(Kind.VIEW), 99), byKind.get(Kind.SUPPORT).length / seconds, pct(byKind.get(Kind.SUPPORT), 99),
                pct(byKind.get(Kind.POSITION), 99), byKind.get(Kind.BALLOT).length / seconds, pct(byKind.get(Kind.BALLOT), 99),
                o.appPid() > 0 ? String.format("%.0f%%", appCpu) : "-", o.dbPid() > 0 ? String.format("%.0f%%", dbCpu) : "-",
                heapMax[0] > 0 ? (heapMax[0] >> 20) + " MB" : "-", loadAverage());
        System.out.printf("  statuses: %s%n", new java.util.TreeMap<>(statuses));
    }

    private static HttpRequest request(Options o, String token, Kind kind, UserState st) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return switch (kind) {
            case VIEW -> {
                String path = o.views().get(random.nextInt(o.views().size()))
                        .replace("{p}", Long.toString(o.details().get(random.nextInt(o.details().size()))));
                yield HttpRequest.newBuilder(o.base().resolve(path)).header("Accept", "text/html")
                        .header("Authorization", "Bearer " + token).GET().timeout(Duration.ofSeconds(30)).build();
            }
            case SUPPORT -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(o.base().resolve("api/proposals/" + st.n + "/support"))
                        .header("Accept", "application/json").header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
                yield st.supported ? b.DELETE().build()
                        : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            }
            case POSITION -> {
                st.pro = !st.pro;
                long forum = o.forums().get(random.nextInt(o.forums().size()));
                yield HttpRequest.newBuilder(o.base().resolve("api/forums/" + forum + "/position"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"position\":\"" + (st.pro ? "PRO" : "CON") + "\"}"))
                        .timeout(Duration.ofSeconds(30)).build();
            }
            case BALLOT -> {
                List<Long> shuffled = new ArrayList<>(o.projects());
                java.util.Collections.shuffle(shuffled, random);
                String ids = shuffled.subList(0, Math.min(o.picks(), shuffled.size())).stream()
                        .map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).orElse("");
                yield HttpRequest.newBuilder(o.base().resolve("api/budgeting/tracks/" + o.track() + "/ballot"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"projectIds\":[" + ids + "]}"))
                        .timeout(Duration.ofSeconds(30)).build();
            }
        };
    }

    private static List<String> signIn(HttpClient client, Options o, int users) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String email = String.format(o.emailPattern(), i);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(o.base().resolve("login"))
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

    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$");
    private static final long CLOCK_TICKS = 100;

    private static long heapUsed(HttpClient client, URI base) {
        try {
            String body = client.send(HttpRequest.newBuilder(base.resolve("prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(body);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    /** utime + stime of a process in clock ticks (Linux /proc), 0 when unknown. */
    private static long cpuTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127."));
    }

    private static List<Long> longs(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::strip).map(Long::parseLong).toList();
    }

    private static Options parse(String[] args) {
        URI base = URI.create("http://127.0.0.1:8080/");
        List<Integer> ramp = List.of(16, 32, 64, 128);
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(10);
        int viewPct = 80;
        int actionPct = 15;
        List<String> views = List.of("/", "/proposals", "/proposals/{p}", "/budgeting/tracks/1/results");
        List<Long> details = List.of(1L);
        int nFrom = 1;
        int nTo = 1;
        List<Long> forums = List.of();
        long track = 0;
        List<Long> projects = List.of();
        int picks = 10;
        String db = null;
        long appPid = 0;
        long dbPid = 0;
        String emailPattern = "citizen%03d@demo.hamkke.kr";
        String password = "hamkke-demo-1234";
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> base = URI.create(v.endsWith("/") ? v : v + "/");
                case "--ramp" -> ramp = longs(v).stream().map(Long::intValue).toList();
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(v));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(v));
                case "--mix" -> {
                    List<Long> m = longs(v);
                    if (m.size() != 3 || m.get(0) + m.get(1) + m.get(2) != 100) {
                        throw new IllegalArgumentException("--mix VIEWS,ACTIONS,BALLOTS must add up to 100");
                    }
                    viewPct = m.get(0).intValue();
                    actionPct = m.get(1).intValue();
                }
                case "--views" -> views = Arrays.stream(v.split(",")).map(String::strip).toList();
                case "--details" -> details = longs(v);
                case "--n-from" -> nFrom = Integer.parseInt(v);
                case "--n-to" -> nTo = Integer.parseInt(v);
                case "--forums" -> forums = longs(v);
                case "--track" -> track = Long.parseLong(v);
                case "--projects" -> projects = longs(v);
                case "--picks" -> picks = Integer.parseInt(v);
                case "--db-baseline" -> db = v;
                case "--app-pid" -> appPid = Long.parseLong(v);
                case "--db-pid" -> dbPid = Long.parseLong(v);
                case "--emails" -> emailPattern = v;
                case "--password" -> password = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (ramp.stream().anyMatch(u -> u < 1 || u > 300)) {
            throw new IllegalArgumentException("--ramp user counts must be 1..300 (demo citizens)");
        }
        if (duration.toSeconds() > 1800) {
            throw new IllegalArgumentException("--duration is capped at 1800 s");
        }
        return new Options(base, ramp, duration, warmup, viewPct, actionPct, views,
                details, nFrom, nTo, forums, track, projects, picks, db, appPid, dbPid, emailPattern, password);
    }

    private VoteDayDriver() {
    }
}
