package kr.hamkke.testing;

import io.micronaut.context.ApplicationContext;
import kr.hamkke.identity.AccountService;
import kr.hamkke.identity.RoleService;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-data builder for accounts: unique per call, so test classes can share one database.
 * Verification is written the way the census provider writes it (identity hash, relation).
 */
public final class TestAccounts {

    public static final String PASSWORD = "test-password-123";
    private static final AtomicInteger SEQ = new AtomicInteger();

    public record TestAccount(long id, String email, String identityHash) {
    }

    private TestAccounts() {
    }

    public static TestAccount citizen(ApplicationContext ctx) {
        String tag = UUID.randomUUID().toString().substring(0, 8) + SEQ.incrementAndGet();
        var account = ctx.getBean(AccountService.class).register("u" + tag + "@test.hamkke.kr", "t" + tag, PASSWORD);
        return new TestAccount(account.id(), account.email(), null);
    }

    public static TestAccount verified(ApplicationContext ctx, LocalDate birthDate, String guCode) {
        TestAccount a = citizen(ctx);
        String identityHash = kr.hamkke.shared.Hashing.sha256Hex("test-identity-" + a.id() + "-" + UUID.randomUUID());
        try (Connection c = TestDatabase.connect()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO verification (account_id, identity_hash, birth_date, gender, provider, verified_at)
                    VALUES (?,?,?,?,'TEST',NOW(6))""")) {
                ps.setLong(1, a.id());
                ps.setString(2, identityHash);
                ps.setObject(3, birthDate);
                ps.setString(4, a.id() % 2 == 0 ? "F" : "M");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO relation (account_id, kind, gu_code, declared_at) VALUES (?, 'RESIDENT', ?, NOW(6))")) {
                ps.setLong(1, a.id());
                ps.setString(2, guCode);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new TestAccount(a.id(), a.email(), identityHash);
    }

    public static TestAccount verified(ApplicationContext ctx) {
        return verified(ctx, LocalDate.of(1990, 5, 5), "11440");
    }

    public static TestAccount withRole(ApplicationContext ctx, Role role, String scopeType, String scopeId) {
        TestAccount a = verified(ctx);
        ctx.getBean(RoleService.class).grant(Actor.SYSTEM, a.id(), role, scopeType, scopeId);
        return a;
    }

    public static TestAccount withRole(ApplicationContext ctx, Role role) {
        return withRole(ctx, role, "GLOBAL", "");
    }
}
