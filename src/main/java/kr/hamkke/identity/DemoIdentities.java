package kr.hamkke.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Demo accounts for every role plus 300 verified citizens over all 25 자치구 (development only).
 * Everyone shares one password, hashed once, so seeding stays fast.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
public class DemoIdentities implements kr.hamkke.shared.demo.DemoData {

    @Override
    public int order() {
        return 0;
    }

    public static final String PASSWORD = "hamkke-demo-1234";
    public static final int CITIZENS = 300;

    /** email, nickname, role, scope type, scope id, verified. */
    record DemoAccount(String email, String nickname, String role, String scopeType, String scopeId, boolean verified) {
    }

    static final List<DemoAccount> STAFF = List.of(
            new DemoAccount("admin@hamkke.kr", "운영자", "ADMIN", "GLOBAL", "", true),
            new DemoAccount("auditor@hamkke.kr", "감사관", "AUDITOR", "GLOBAL", "", true),
            new DemoAccount("moderator@hamkke.kr", "모더레이터", "MODERATOR", "GLOBAL", "", true),
            new DemoAccount("agenda@hamkke.kr", "의제선정단", "AGENDA_GROUP", "GLOBAL", "", true),
            new DemoAccount("reviewer@hamkke.kr", "자원순환과담당", "DEPT_REVIEWER", "ORG_UNIT", "RECYCLE", true),
            new DemoAccount("mayor@hamkke.kr", "시장실담당", "DEPT_REVIEWER", "ORG_UNIT", "MAYOR", true),
            new DemoAccount("budget@hamkke.kr", "예산담당", "BUDGET_STAFF", "GLOBAL", "", true),
            new DemoAccount("district@hamkke.kr", "마포구담당", "DISTRICT_OFFICER", "GU", "11440", true),
            new DemoAccount("facilitator@hamkke.kr", "퍼실리테이터", "FACILITATOR", "GLOBAL", "", true),
            new DemoAccount("panel@hamkke.kr", "시민위원", "PANEL_MEMBER", "GLOBAL", "", true),
            new DemoAccount("citizen@hamkke.kr", "서울시민", null, null, null, true),
            new DemoAccount("newbie@hamkke.kr", "새내기", null, null, null, false));

    private static final String[] GU = {"11110", "11140", "11170", "11200", "11215", "11230", "11260", "11290",
            "11305", "11320", "11350", "11380", "11410", "11440", "11470", "11500", "11530", "11545", "11560",
            "11590", "11620", "11650", "11680", "11710", "11740"};

    private final JdbcOperations jdbc;
    private final PasswordHasher hasher;
    private final IdentityHasher identities;
    private final CensusVerification census;
    private final AuditLog audit;
    private final Clock clock;

    DemoIdentities(JdbcOperations jdbc, PasswordHasher hasher, IdentityHasher identities,
                   CensusVerification census, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.identities = identities;
        this.census = census;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty() {
        boolean seeded = jdbc.prepareStatement("SELECT 1 FROM account WHERE email = 'admin@hamkke.kr'", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (seeded) {
            return false;
        }
        String hash = hasher.hash(PASSWORD);
        Instant now = clock.instant();
        Random random = new Random(20261123L);
        int n = 0;
        for (DemoAccount a : STAFF) {
            long id = insertAccount(a.email(), a.nickname(), hash, now);
            if (a.verified()) {
                verify(id, "DEMO-STAFF-" + (n++), LocalDate.of(1980 + n % 15, 1 + n % 12, 1 + n % 27),
                        n % 2 == 0 ? "F" : "M", GU[n % GU.length], now);
            }
            if (a.role() != null) {
                jdbc.prepareStatement("""
                        INSERT INTO role_grant (account_id, role, scope_type, scope_id, valid_from) VALUES (?,?,?,?,?)""", ps -> {
                    ps.setLong(1, id);
                    ps.setString(2, a.role());
                    ps.setString(3, a.scopeType());
                    ps.setString(4, a.scopeId());
                    ps.setTimestamp(5, Timestamp.from(now));
                    return ps.executeUpdate();
                });
                if ("ORG_UNIT".equals(a.scopeType())) {
                    jdbc.prepareStatement("UPDATE account SET org_unit_code = ? WHERE id = ?", ps -> {
                        ps.setString(1, a.scopeId());
                        ps.setLong(2, id);
                        return ps.executeUpdate();
                    });
                }
            }
        }
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; i <= CITIZENS; i++) {
            String email = String.format("citizen%03d@demo.hamkke.kr", i);
            long id = insertAccount(email, String.format("시민%03d", i), hash, now);
            int age = 14 + random.nextInt(72);
            LocalDate birth = today.minusYears(age).minusDays(random.nextInt(365));
            verify(id, "DEMO-CITIZEN-" + i, birth, i % 2 == 0 ? "F" : "M", GU[(i - 1) % GU.length], now);
        }
        census.importCsv(String.join("\n", CensusVerification.HEADER,
                "홍길동,1985-03-21,M,11440,1144068000,RESIDENT,850321-1000001",
                "김영희,2008-07-01,F,11305,1130560600,STUDENT,080701-4000002",
                "이순신,1962-04-28,M,11680,1168066000,WORKER,620428-1000003"), Actor.SYSTEM);
        audit.record(Actor.SYSTEM, "demo.seed", "demo", "identity",
                "staff=" + STAFF.size() + " citizens=" + CITIZENS);
        return true;
    }

    private long insertAccount(String email, String nickname, String hash, Instant now) {
        return jdbc.prepareStatement("""
                INSERT INTO account (email, password_hash, nickname, locale, status, created_at)
                VALUES (?,?,?,'ko','ACTIVE',?)""", ps -> {
            ps.setString(1, email);
            ps.setString(2, hash);
            ps.setString(3, nickname);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet rs = jdbc.getConnection().createStatement().executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void verify(long accountId, String demoIdentity, LocalDate birth, String gender, String gu, Instant now) {
        jdbc.prepareStatement("""
                INSERT INTO verification (account_id, identity_hash, birth_date, gender, provider, verified_at)
                VALUES (?,?,?,?,'DEMO',?)""", ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, identities.identity(demoIdentity));
            ps.setObject(3, birth);
            ps.setString(4, gender);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO relation (account_id, kind, gu_code, declared_at) VALUES (?, 'RESIDENT', ?, ?)""", ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, gu);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate();
        });
    }
}
