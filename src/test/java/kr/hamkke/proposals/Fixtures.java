package kr.hamkke.proposals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.Hashing;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test-data builders for the proposals tests: verified people in bulk, published proposals, tokens. */
final class Fixtures {

    private final ApplicationContext ctx;
    private Long moderatorId;

    Fixtures(ApplicationContext ctx) {
        this.ctx = ctx;
    }

    /** Verified people written straight to the database (no password hashing), for load tests. */
    static List<Long> people(int n) {
        List<Long> ids = new ArrayList<>();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO account (email, password_hash, nickname, created_at) VALUES (?, 'x', ?, NOW(6))""",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < n; i++) {
                    ps.setString(1, "bulk-" + tag + "-" + i + "@test.hamkke.kr");
                    ps.setString(2, "b" + tag + i);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO verification (account_id, identity_hash, birth_date, gender, provider, verified_at)
                    VALUES (?, ?, '1985-01-01', 'F', 'TEST', NOW(6))""")) {
                for (long id : ids) {
                    ps.setLong(1, id);
                    ps.setString(2, Hashing.sha256Hex("bulk-" + tag + "-" + id));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    long moderator() {
        if (moderatorId == null) {
            moderatorId = TestAccounts.withRole(ctx, Role.MODERATOR).id();
        }
        return moderatorId;
    }

    long draft(long authorId, String title) {
        return ctx.getBean(ProposalService.class).createDraft(authorId,
                new ProposalService.Input(title, "서울시에 제안합니다. " + title + " 자세한 내용은 본문에 적었습니다.", "TRANSPORT", "11440"));
    }

    long published(long authorId, String title) {
        ProposalService service = ctx.getBean(ProposalService.class);
        long id = draft(authorId, title);
        service.submit(authorId, id);
        service.publish(new Actor(moderator(), "MODERATOR"), id);
        return id;
    }

    void support(long proposalId, List<Long> people) {
        ProposalService service = ctx.getBean(ProposalService.class);
        people.forEach(p -> service.support(p, proposalId));
    }

    static String token(Browser b, String email) {
        HttpResponse<String> login = b.json("POST", "/login",
                "{\"username\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        return login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> json(String body) {
        try {
            return ctx.getBean(ObjectMapper.class).readValue(body, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(body, e);
        }
    }

    static long count(String sql, Object... args) {
        return TestDatabase.queryLong(sql, args);
    }

    static String string(String sql, Object... args) {
        return TestDatabase.queryString(sql, args);
    }

    static List<String> strings(String sql, Object... args) {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static long audits(String action, long proposalId) {
        return count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject_type = 'proposal' AND subject_id = ?",
                action, String.valueOf(proposalId));
    }
}
