package kr.hamkke.budgeting.web;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.ClockFactory;
import kr.hamkke.shared.Hashing;
import kr.hamkke.testing.TestDatabase;

/** Cycles whose current phase is chosen by the test, tracks, projects and raw ballots. */
final class PbFixtures {

    private PbFixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ClockFactory.SEOUL);
    }

    /** Ten-day phases laid out so that {@code current} contains today. */
    static Map<PhaseKind, LocalDate[]> phasesWithCurrent(PhaseKind current) {
        Map<PhaseKind, LocalDate[]> phases = new EnumMap<>(PhaseKind.class);
        for (PhaseKind k : PhaseKind.values()) {
            LocalDate start = today().plusDays((k.ordinal() - current.ordinal()) * 10L - 2);
            phases.put(k, new LocalDate[] {start, start.plusDays(9)});
        }
        return phases;
    }

    static long cycle(ApplicationContext ctx, PhaseKind current) {
        return ctx.getBean(CycleService.class).createCycle(Actor.SYSTEM, "테스트 " + UUID.randomUUID().toString().substring(0, 6),
                today().getYear(), "GONGGAM", phasesWithCurrent(current));
    }

    static long track(ApplicationContext ctx, long cycleId, String scope, String unit, long envelope, String rule, int maxPicks,
                      String allocation) {
        return exec("""
                INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, scope_unit, envelope_won, ballot_rule, max_picks, allocation)
                VALUES (?,?,?,?,?,?,?,?,?,?)""", cycleId, "T" + UUID.randomUUID().toString().substring(0, 6), "테스트 트랙", "Test track",
                scope, unit, envelope, rule, maxPicks, allocation);
    }

    static long cityTrack(ApplicationContext ctx, long cycleId) {
        return track(ctx, cycleId, "CITY", null, 1_000_000_000L, "APPROVAL", 3, "GREEDY");
    }

    static long project(long cycleId, long trackId, String code, String title, long cost, String status) {
        Instant now = Instant.now();
        return exec("""
                INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, requested_cost_won, status, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?)""", code + "-" + UUID.randomUUID().toString().substring(0, 8), cycleId, trackId, title,
                "테스트용 사업 설명입니다. 스무 글자를 넘깁니다.", "환경", cost, status, Timestamp.from(now), Timestamp.from(now));
    }

    /** A raw counted ballot (as if already submitted) for tally tests. */
    static long ballot(long trackId, String group, long... projectIds) {
        long id = exec("""
                INSERT INTO pb_ballot (track_id, identity_hash, voter_group, source, status, submitted_at, version)
                VALUES (?,?,?,'ONLINE','SUBMITTED',NOW(6),1)""", trackId, Hashing.sha256Hex("raw-" + UUID.randomUUID()), group);
        for (long p : projectIds) {
            exec("INSERT INTO pb_ballot_selection (ballot_id, project_id, points) VALUES (?,?,1)", id, p);
        }
        return id;
    }

    static long exec(String sql, Object... args) {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... args) {
        return TestDatabase.queryLong(sql, args);
    }

    static String string(String sql, Object... args) {
        return TestDatabase.queryString(sql, args);
    }

    /** 예산학교 completion for the cycle: the precondition of a committee member's decisions (V25). */
    static void schoolCompleted(long cycleId, long accountId) {
        exec("INSERT INTO pb_school_completion (cycle_id, account_id, completed_on, course_note, recorded_at) VALUES (?,?,?,?,NOW(6))",
                cycleId, accountId, today().minusDays(1), "테스트 과정");
    }
}
