package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.assembly.sortition.AgeBandSet;
import kr.hamkke.assembly.sortition.Applicant;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.assembly.sortition.Dimension;
import kr.hamkke.assembly.sortition.DrawResult;
import kr.hamkke.assembly.sortition.Feasibility;
import kr.hamkke.assembly.sortition.InfeasibleQuotasException;
import kr.hamkke.assembly.sortition.Pool;
import kr.hamkke.assembly.sortition.PopulationTable;
import kr.hamkke.assembly.sortition.Quota;
import kr.hamkke.assembly.sortition.QuotaBuilders;
import kr.hamkke.assembly.sortition.QuotaTable;
import kr.hamkke.assembly.sortition.Shortfall;
import kr.hamkke.assembly.sortition.SortitionEngine;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.identity.eligibility.Eligibility;
import kr.hamkke.identity.eligibility.Person;
import kr.hamkke.identity.eligibility.ReasonCode;
import kr.hamkke.identity.eligibility.Requirement;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/** Cycles, recruitment and the commit–reveal draw (DOMAIN §6, docs/SORTITION.md). */
@Singleton
public class CycleService {

    static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final String CYCLE_COLUMNS = """
            id, name, year, seats, reserve_seats, status, recruit_opens, recruit_closes, draw_date, meeting1_at,
            meeting2_at, meeting3_at, plenary_at, quota_csv, seed_commitment, committed_at, pool_hash, frozen_at,
            beacon, seed_secret, historic_members, historic_note""";

    public record NewCycle(String name, int year, int seats, int reserveSeats, LocalDate recruitOpens,
                           LocalDate recruitCloses, LocalDate drawDate, LocalDate meeting1, LocalDate meeting2,
                           LocalDate meeting3, LocalDate plenary, String quotaCsv, List<String> agendas) {
    }

    /** One category of a dimension: live applicant count against the quota. */
    public record StratumCount(String dimension, String category, long applicants, Integer min, Integer max) {
        public boolean belowMin() {
            return min != null && applicants < min;
        }
    }

    public record StoredDraw(long id, long cycleId, String algorithmVersion, String poolHash, String quotaHash, String seed,
                             String panelMethod, String reserveMethod, List<String> selected, List<String> reserves,
                             List<String> shortfalls, Instant executedAt) {
    }

    private final Sql sql;
    private final AuditLog audit;
    private final VerificationService verification;
    private final Clock clock;
    private final RandomGenerator random;

    private final MemberNotices notices;

    CycleService(Sql sql, AuditLog audit, VerificationService verification, Clock clock, MemberNotices notices) {
        this.notices = notices;
        this.sql = sql;
        this.audit = audit;
        this.verification = verification;
        this.clock = clock;
        this.random = new SecureRandom();
    }

    /** The default 서울시민회의 quota table (DOMAIN §6.3) as the engine's CSV. */
    public static String defaultQuotaCsv(int seats, int reserves) {
        return QuotaBuilders.seoulAssembly(PopulationTable.seoul(), seats, reserves).toCsv();
    }

    // ---------------------------------------------------------------- cycles

    @Transactional
    public long create(Actor actor, NewCycle c) {
        String quotas = c.quotaCsv() == null || c.quotaCsv().isBlank() ? defaultQuotaCsv(c.seats(), c.reserveSeats()) : c.quotaCsv();
        QuotaTable table;
        try {
            table = QuotaTable.parse(quotas);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("assembly.quota-invalid");
        }
        if (table.seats() != c.seats() || table.reserveSeats() != c.reserveSeats()) {
            table = table.withSeats(c.seats(), c.reserveSeats());
        }
        long id;
        try {
            id = sql.insert("""
                    INSERT INTO assembly_cycle (name, year, seats, reserve_seats, status, recruit_opens, recruit_closes,
                      draw_date, meeting1_at, meeting2_at, meeting3_at, plenary_at, quota_csv, created_at)
                    VALUES (?,?,?,?,'PLANNING',?,?,?,?,?,?,?,?,?)""", c.name(), c.year(), c.seats(), c.reserveSeats(),
                    c.recruitOpens(), c.recruitCloses(), c.drawDate(), c.meeting1(), c.meeting2(), c.meeting3(), c.plenary(),
                    table.toCsv(), clock.instant());
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.cycle-exists");
            }
            throw e;
        }
        int seq = 1;
        for (String agenda : c.agendas()) {
            if (agenda != null && !agenda.isBlank()) {
                sql.update("INSERT INTO assembly_agenda (cycle_id, seq, title) VALUES (?,?,?)", id, seq++, agenda.strip());
            }
        }
        audit.record(actor, "assembly.cycle.create", "assembly_cycle", id, c.name() + " seats=" + c.seats()
                + " reserves=" + c.reserveSeats() + " quota_hash=" + table.quotaHash());
        return id;
    }

    @Transactional(readOnly = true)
    public List<Cycle> list() {
        return sql.list("SELECT " + CYCLE_COLUMNS + " FROM assembly_cycle ORDER BY year DESC, id DESC", CycleService::cycle);
    }

    @Transactional(readOnly = true)
    public Optional<Cycle> find(long id) {
        return sql.one("SELECT " + CYCLE_COLUMNS + " FROM assembly_cycle WHERE id = ?", CycleService::cycle, id);
    }

    public Cycle get(long id) {
        return find(id).orElseThrow(() -> DomainException.notFound("assembly.cycle"));
    }

    @Transactional(readOnly = true)
    public List<Cycle.Agenda> agendas(long cycleId) {
        return sql.list("SELECT id, seq, title, description FROM assembly_agenda WHERE cycle_id = ? ORDER BY seq",
                rs -> new Cycle.Agenda(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)), cycleId);
    }

    private Cycle lock(long id) {
        return sql.one("SELECT " + CYCLE_COLUMNS + " FROM assembly_cycle WHERE id = ? FOR UPDATE", CycleService::cycle, id)
                .orElseThrow(() -> DomainException.notFound("assembly.cycle"));
    }

    /** Statuses that only the draw, the tally or the system may enter. */
    private static final Set<Cycle.Status> NOT_BY_HAND = EnumSet.of(Cycle.Status.DRAWN, Cycle.Status.HANDED_OFF);

    /** Staff move a cycle one step along its lifecycle. */
    @Transactional
    public Cycle.Status advance(Actor actor, long cycleId, Cycle.Status expected) {
        Cycle c = lock(cycleId);
        if (c.historic()) {
            throw DomainException.conflict("assembly.historic");
        }
        if (expected != null && c.status() != expected) {
            throw DomainException.conflict("assembly.status-changed");
        }
        Cycle.Status next = c.status().next();
        if (next == c.status() || NOT_BY_HAND.contains(next)) {
            throw DomainException.conflict("assembly.transition-not-allowed");
        }
        setStatus(actor, c, next, null);
        if (next == Cycle.Status.PLENARY) {
            // Only ACTIVE members vote in the plenary, so only they are told.
            notices.toSeated(cycleId, true, c.name() + " 시민총회 투표가 시작되었습니다.", "/assembly/" + cycleId + "/plenary");
        }
        if (next == Cycle.Status.CLOSED) {
            sql.update("UPDATE assembly_membership SET status = 'COMPLETED', ended_at = ? WHERE cycle_id = ? AND status = 'ACTIVE'",
                    clock.instant(), cycleId);
        }
        return next;
    }

    /**
     * HANDED_OFF → RESPONDED once every adopted proposal of the cycle has a published response (called inside the
     * response's transaction, with the cycle row locked first so two last responses cannot both miss each other).
     */
    void respondedIfComplete(Actor actor, long cycleId) {
        Cycle c = lock(cycleId);
        if (c.status() != Cycle.Status.HANDED_OFF) {
            return;
        }
        // Locking reads see the latest committed rows, not this transaction's snapshot.
        long proposals = sql.count("SELECT COUNT(*) FROM assembly_policy_proposal WHERE cycle_id = ? FOR UPDATE", cycleId);
        long open = sql.count("SELECT COUNT(*) FROM assembly_policy_proposal WHERE cycle_id = ? AND response IS NULL FOR UPDATE", cycleId);
        if (proposals > 0 && open == 0) {
            setStatus(actor, c, Cycle.Status.RESPONDED, "(every adopted proposal answered)");
        }
    }

    void setStatus(Actor actor, Cycle c, Cycle.Status next, String note) {
        sql.update("UPDATE assembly_cycle SET status = ?, version = version + 1 WHERE id = ?", next, c.id());
        audit.record(actor, "assembly.cycle.status", "assembly_cycle", c.id(),
                c.status() + " -> " + next + (note == null ? "" : " " + note));
    }

    // ---------------------------------------------------------------- recruitment

    /** Why this account may not apply (ELIGIBLE when it may). */
    @Transactional(readOnly = true)
    public ReasonCode eligibility(Cycle cycle, Long accountId) {
        boolean open = cycle.status() == Cycle.Status.RECRUITING && !cycle.frozen();
        Person person = verification.personFor(accountId);
        return Eligibility.check(person, Requirement.voting(AgeBandSet.MIN_AGE, cycle.recruitCloses(),
                EnumSet.allOf(Person.RelationKind.class), null, null, open));
    }

    @Transactional
    public AssemblyApplication apply(long accountId, long cycleId, String motivation, String availability,
                                     boolean consentPrivacy, boolean consentName) {
        Cycle cycle = get(cycleId);
        ReasonCode reason = eligibility(cycle, accountId);
        if (reason != ReasonCode.ELIGIBLE) {
            throw DomainException.notAllowed("assembly.ineligible." + reason.name());
        }
        if (!consentPrivacy) {
            throw DomainException.invalid("assembly.consent-required");
        }
        VerifiedIdentity id = verification.find(accountId).orElseThrow(() -> DomainException.notAllowed("assembly.ineligible.NOT_VERIFIED"));
        if (sql.count("SELECT COUNT(*) FROM assembly_application WHERE cycle_id = ? AND identity_hash = ?", cycleId, id.identityHash()) > 0) {
            throw DomainException.conflict("assembly.already-applied");
        }
        String band = AgeBandSet.STANDARD_7.bandFor(id.birthDate(), cycle.recruitCloses());
        String gu = id.homeGu();
        Instant now = clock.instant();
        String code = newCode(cycleId);
        long appId;
        try {
            appId = sql.insert("""
                    INSERT INTO assembly_application (cycle_id, code, account_id, identity_hash, age_band, gender, gu_code,
                      motivation, availability, consent_privacy, consent_name, status, created_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,'APPLIED',?)""", cycleId, code, accountId, id.identityHash(), band,
                    id.gender(), gu, motivation.strip(), availability.strip(), true, consentName, now);
        } catch (RuntimeException e) {
            if (Sql.isDuplicate(e)) {
                throw DomainException.conflict("assembly.already-applied");
            }
            throw e;
        }
        audit.record(Actor.citizen(accountId), "assembly.apply", "assembly_application", appId,
                "cycle=" + cycleId + " code=" + code);
        return new AssemblyApplication(appId, cycleId, code, accountId, band, id.gender(), gu, motivation, availability,
                consentName, "APPLIED", now);
    }

    private String newCode(long cycleId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder b = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            String code = b.toString();
            if (sql.count("SELECT COUNT(*) FROM assembly_application WHERE cycle_id = ? AND code = ?", cycleId, code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free application code");
    }

    @Transactional(readOnly = true)
    public List<AssemblyApplication> applicationsOf(long accountId) {
        return sql.list("SELECT " + APP_COLUMNS + " FROM assembly_application WHERE account_id = ? ORDER BY id DESC",
                CycleService::application, accountId);
    }

    @Transactional(readOnly = true)
    public Optional<AssemblyApplication> applicationOf(long cycleId, long accountId) {
        return sql.one("SELECT " + APP_COLUMNS + " FROM assembly_application WHERE cycle_id = ? AND account_id = ?",
                CycleService::application, cycleId, accountId);
    }

    @Transactional(readOnly = true)
    public long applicantCount(long cycleId) {
        return sql.count("SELECT COUNT(*) FROM assembly_application WHERE cycle_id = ?", cycleId);
    }

    /** Live applicant counts per category of every quota dimension, against the quota table. */
    @Transactional(readOnly = true)
    public List<StratumCount> stratumCounts(Cycle cycle) {
        QuotaTable table = QuotaTable.parse(cycle.quotaCsv());
        Map<String, StratumCount> out = new LinkedHashMap<>();
        for (Quota q : table.rows()) {
            out.put(q.dimension().name() + "|" + q.category(), new StratumCount(q.dimension().name(), q.category(), 0,
                    q.min(), q.max() == Quota.NO_MAX ? null : q.max()));
        }
        Map<String, String> columns = Map.of("AGE_BAND", "age_band", "GENDER", "gender", "GU", "gu_code");
        for (var e : columns.entrySet()) {
            for (var row : sql.list("SELECT " + e.getValue() + ", COUNT(*) FROM assembly_application WHERE cycle_id = ? GROUP BY "
                    + e.getValue(), rs -> Map.entry(rs.getString(1), rs.getLong(2)), cycle.id())) {
                String key = e.getKey() + "|" + row.getKey();
                StratumCount old = out.get(key);
                out.put(key, new StratumCount(e.getKey(), row.getKey(), row.getValue(),
                        old == null ? null : old.min(), old == null ? null : old.max()));
            }
        }
        List<StratumCount> list = new ArrayList<>(out.values());
        list.sort((a, b) -> a.dimension().equals(b.dimension()) ? a.category().compareTo(b.category()) : a.dimension().compareTo(b.dimension()));
        return list;
    }

    /** The pool as it stands (frozen file after the freeze). */
    @Transactional(readOnly = true)
    public Pool currentPool(Cycle cycle) {
        if (cycle.frozen()) {
            return Pool.parse(poolFile(cycle.id()));
        }
        return new Pool(sql.list("SELECT code, age_band, gender, gu_code FROM assembly_application WHERE cycle_id = ?",
                rs -> new Applicant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), cycle.id()));
    }

    /** Problems the pre-draw check finds with the current pool (empty = feasible so far). */
    @Transactional(readOnly = true)
    public List<String> feasibilityProblems(Cycle cycle) {
        Pool pool = currentPool(cycle);
        return Feasibility.problems(pool, QuotaTable.parse(cycle.quotaCsv()));
    }

    // ---------------------------------------------------------------- commit–reveal draw

    /** Step 1: publish SHA-256(secret) while recruiting. */
    @Transactional
    public void publishCommitment(Actor actor, long cycleId, String commitment) {
        Cycle c = lock(cycleId);
        String hex = commitment == null ? "" : commitment.strip().toLowerCase();
        if (!HEX64.matcher(hex).matches()) {
            throw DomainException.invalid("assembly.commitment-format");
        }
        if (c.commitment() != null) {
            throw DomainException.conflict("assembly.commitment-exists");
        }
        if (c.frozen() || c.status().atLeast(Cycle.Status.DRAWN)) {
            throw DomainException.conflict("assembly.commitment-too-late");
        }
        sql.update("UPDATE assembly_cycle SET seed_commitment = ?, committed_at = ? WHERE id = ?", hex, clock.instant(), cycleId);
        audit.record(actor, "assembly.commit", "assembly_cycle", cycleId, "commitment=" + hex);
    }

    /** Step 2: close recruitment, freeze and publish the pool file and its hash. */
    @Transactional
    public String freeze(Actor actor, long cycleId) {
        Cycle c = lock(cycleId);
        if (c.status() != Cycle.Status.RECRUITING || c.frozen()) {
            throw DomainException.conflict("assembly.not-recruiting");
        }
        if (c.commitment() == null) {
            throw DomainException.conflict("assembly.commitment-missing");
        }
        Pool pool = currentPool(c);
        if (pool.size() == 0) {
            throw DomainException.conflict("assembly.pool-empty");
        }
        String file = pool.toPoolFile();
        String hash = pool.poolHash();
        sql.update("UPDATE assembly_cycle SET pool_file = ?, pool_hash = ?, frozen_at = ? WHERE id = ?", file, hash, clock.instant(), cycleId);
        audit.record(actor, "assembly.freeze", "assembly_cycle", cycleId, "pool_hash=" + hash + " size=" + pool.size());
        return hash;
    }

    @Transactional(readOnly = true)
    public String poolFile(long cycleId) {
        return sql.one("SELECT pool_file FROM assembly_cycle WHERE id = ?", rs -> rs.getString(1), cycleId)
                .filter(f -> f != null).orElseThrow(() -> DomainException.notFound("assembly.pool"));
    }

    /**
     * Steps 3–7: enter the beacon, reveal the secret (refused unless it opens the commitment), draw, store the
     * panel and the reserve list in order and create the memberships.
     */
    @Transactional
    public StoredDraw draw(Actor actor, long cycleId, String beacon, String secret) {
        Cycle c = lock(cycleId);
        if (c.status() != Cycle.Status.RECRUITING || !c.frozen()) {
            throw DomainException.conflict("assembly.not-frozen");
        }
        if (beacon == null || beacon.isBlank() || secret == null || secret.isEmpty()) {
            throw DomainException.invalid("assembly.beacon-secret-required");
        }
        Pool pool = Pool.parse(poolFile(cycleId));
        QuotaTable quotas = QuotaTable.parse(c.quotaCsv());
        CommitReveal.Seed seed;
        try {
            seed = CommitReveal.deriveSeed(secret, c.commitment(), c.poolHash(), beacon.strip());
        } catch (CommitReveal.CommitmentMismatch e) {
            throw DomainException.invalid("assembly.secret-mismatch");
        }
        DrawResult result;
        try {
            result = SortitionEngine.draw(pool, quotas, seed);
        } catch (InfeasibleQuotasException e) {
            throw DomainException.conflict("assembly.infeasible");
        }
        Instant now = clock.instant();
        List<String> shortfalls = result.shortfalls().stream().map(Shortfall::message).toList();
        long drawId = sql.insert("""
                INSERT INTO assembly_draw (cycle_id, algorithm_version, pool_hash, quota_hash, seed, panel_method, reserve_method,
                  selected_codes, reserve_codes, shortfalls, executed_by, executed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""",
                cycleId, result.algorithmVersion(), result.poolHash(), result.quotaHash(), result.seedHex(), result.panelMethod(),
                result.reserveMethod(), String.join(",", result.selectedCodes()), String.join(",", result.reserveCodes()),
                String.join("\n", shortfalls), actor.accountId(), now);
        sql.update("UPDATE assembly_cycle SET beacon = ?, seed_secret = ? WHERE id = ?", beacon.strip(), secret, cycleId);
        sql.update("UPDATE assembly_application SET status = 'NOT_SELECTED' WHERE cycle_id = ?", cycleId);
        for (String code : result.selectedCodes()) {
            createMembership(cycleId, code, null, now);
        }
        int rank = 1;
        for (String code : result.reserveCodes()) {
            createMembership(cycleId, code, rank++, now);
        }
        audit.record(actor, "assembly.draw", "assembly_cycle", cycleId, "seed=" + result.seedHex() + " pool_hash=" + result.poolHash()
                + " quota_hash=" + result.quotaHash() + " selected=" + result.selected().size() + " reserves=" + result.reserves().size()
                + " method=" + result.panelMethod() + " shortfalls=" + shortfalls.size());
        setStatus(actor, c, Cycle.Status.DRAWN, "by draw " + drawId);
        return storedDraw(cycleId).orElseThrow();
    }

    private void createMembership(long cycleId, String code, Integer reserveRank, Instant now) {
        var app = sql.one("SELECT id, account_id FROM assembly_application WHERE cycle_id = ? AND code = ?",
                rs -> new long[]{rs.getLong(1), rs.getLong(2)}, cycleId, code).orElseThrow();
        sql.update("UPDATE assembly_application SET status = ? WHERE id = ?", reserveRank == null ? "SELECTED" : "RESERVE", app[0]);
        sql.insert("""
                INSERT INTO assembly_membership (cycle_id, application_id, account_id, code, reserve_rank, status, selected_at)
                VALUES (?,?,?,?,?,?,?)""", cycleId, app[0], app[1], code, reserveRank,
                reserveRank == null ? "SELECTED" : "RESERVE", reserveRank == null ? now : null);
    }

    @Transactional(readOnly = true)
    public Optional<StoredDraw> storedDraw(long cycleId) {
        return sql.one("""
                SELECT id, cycle_id, algorithm_version, pool_hash, quota_hash, seed, panel_method, reserve_method,
                  selected_codes, reserve_codes, shortfalls, executed_at FROM assembly_draw WHERE cycle_id = ?""",
                rs -> new StoredDraw(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), split(rs.getString(9), ","),
                        split(rs.getString(10), ","), split(rs.getString(11), "\n"), Sql.instant(rs, "executed_at")), cycleId);
    }

    /** The stored draw as the engine's result (for replacement and the fairness report). */
    @Transactional(readOnly = true)
    public DrawResult drawResult(Cycle cycle) {
        StoredDraw d = storedDraw(cycle.id()).orElseThrow(() -> DomainException.notFound("assembly.draw"));
        Map<String, Applicant> byCode = new TreeMap<>();
        Pool.parse(poolFile(cycle.id())).applicants().forEach(a -> byCode.put(a.code(), a));
        return new DrawResult(d.algorithmVersion(), d.poolHash(), d.quotaHash(), d.seed(), QuotaTable.parse(cycle.quotaCsv()),
                d.selected().stream().map(byCode::get).toList(), d.reserves().stream().map(byCode::get).toList(),
                d.panelMethod(), d.reserveMethod(), List.of());
    }

    /** The exact command that re-runs the published draw. */
    public static String rerunCommand(Cycle c) {
        return "java -jar target/hamkke.jar sortition --input pool-" + c.id() + ".txt --quotas quotas-" + c.id() + ".csv"
                + " --secret " + shellQuote(c.secret()) + " --beacon " + shellQuote(c.beacon()) + " --commitment " + c.commitment();
    }

    static String shellQuote(String s) {
        return s == null ? "''" : "'" + s.replace("'", "'\\''") + "'";
    }

    private static List<String> split(String s, String sep) {
        if (s == null || s.isEmpty()) {
            return List.of();
        }
        return List.of(s.split(Pattern.quote(sep)));
    }

    static Dimension dimension(String name) {
        return Dimension.valueOf(name);
    }

    private static final String APP_COLUMNS = """
            id, cycle_id, code, account_id, age_band, gender, gu_code, motivation, availability, consent_name, status, created_at""";

    private static AssemblyApplication application(ResultSet rs) throws SQLException {
        return new AssemblyApplication(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11),
                Sql.instant(rs, "created_at"));
    }

    private static Cycle cycle(ResultSet rs) throws SQLException {
        return new Cycle(rs.getLong("id"), rs.getString("name"), rs.getInt("year"), rs.getInt("seats"), rs.getInt("reserve_seats"),
                Cycle.Status.valueOf(rs.getString("status")), rs.getObject("recruit_opens", LocalDate.class),
                rs.getObject("recruit_closes", LocalDate.class), rs.getObject("draw_date", LocalDate.class),
                rs.getObject("meeting1_at", LocalDate.class), rs.getObject("meeting2_at", LocalDate.class),
                rs.getObject("meeting3_at", LocalDate.class), rs.getObject("plenary_at", LocalDate.class),
                rs.getString("quota_csv"), rs.getString("seed_commitment"), Sql.instant(rs, "committed_at"),
                rs.getString("pool_hash"), Sql.instant(rs, "frozen_at"), rs.getString("beacon"), rs.getString("seed_secret"),
                (Integer) rs.getObject("historic_members"), rs.getString("historic_note"));
    }
}
