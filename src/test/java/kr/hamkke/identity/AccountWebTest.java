package kr.hamkke.identity;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AccountWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private Browser browser() {
        return new Browser(server.getURI());
    }

    private static int count(String sql) throws Exception {
        try (var c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void registerSignInAndSignOut() throws Exception {
        Browser b = browser();
        String email = "new" + UUID.randomUUID().toString().substring(0, 8) + "@test.hamkke.kr";
        b.get("/signup");
        HttpResponse<String> created = b.post("/signup", Map.of("email", email, "nickname", "새회원" + email.substring(3, 9),
                "password", "correct-horse-1", "passwordConfirm", "correct-horse-1", "agree", "yes"));
        assertEquals(303, created.statusCode());
        assertEquals("/verify", created.headers().firstValue("Location").orElseThrow());
        assertNotNull(b.cookie("JWT"), "signed in after sign-up");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'account.register' AND summary LIKE '%" + email.substring(3, 9) + "%'"));

        HttpResponse<String> account = b.get("/account");
        assertEquals(200, account.statusCode());
        assertTrue(account.body().contains(email));

        b.get("/");
        assertEquals(303, b.post("/signout", Map.of()).statusCode());
        assertTrue(b.cookie("JWT") == null || b.cookie("JWT").isEmpty());
        assertEquals(303, b.get("/account").statusCode(), "signed-out visitors are sent to sign-in");

        assertEquals(303, b.signIn(email, "correct-horse-1").statusCode());
        assertEquals(200, b.get("/account").statusCode());
    }

    @Test
    void invalidSignUpIs422WithAnErrorSummaryAndChangesNothing() throws Exception {
        Browser b = browser();
        int before = count("SELECT COUNT(*) FROM account");
        b.get("/signup");
        HttpResponse<String> r = b.post("/signup", Map.of("email", "not-an-email", "nickname", "x",
                "password", "short", "passwordConfirm", "different"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("<title>오류: 회원가입 - 함께서울</title>"), r.body());
        assertTrue(r.body().contains("class=\"error-summary\""));
        assertTrue(r.body().contains("href=\"#email\""));
        assertTrue(r.body().contains("href=\"#agree\""));
        assertTrue(r.body().contains("aria-invalid=\"true\""));
        assertTrue(r.body().contains("aria-describedby=\"email-error\""));
        assertEquals(before, count("SELECT COUNT(*) FROM account"));
    }

    @Test
    void duplicateEmailIsRefusedWithAFriendlyMessage() {
        var existing = TestAccounts.citizen(ctx);
        Browser b = browser();
        b.get("/signup");
        HttpResponse<String> r = b.post("/signup", Map.of("email", existing.email().toUpperCase(), "nickname", "다른닉" + existing.id(),
                "password", "correct-horse-1", "passwordConfirm", "correct-horse-1", "agree", "yes"));
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("이미 가입된 이메일입니다"));
    }

    @Test
    void formWithoutOrWithAForgedCsrfTokenIsRefused() throws Exception {
        Browser b = browser();
        int before = count("SELECT COUNT(*) FROM account");
        b.get("/signup");
        Map<String, String> form = Map.of("email", "csrf@test.hamkke.kr", "nickname", "csrf테스트",
                "password", "correct-horse-1", "passwordConfirm", "correct-horse-1", "agree", "yes");
        assertEquals(403, b.postRaw("/signup", form).statusCode());
        var forged = new java.util.HashMap<>(form);
        forged.put("_csrf", "a".repeat(64));
        assertEquals(403, b.postRaw("/signup", forged).statusCode());
        Browser stranger = browser();
        forged.put("_csrf", b.csrf());
        assertEquals(403, stranger.postRaw("/signup", forged).statusCode(), "token without the matching cookie");
        assertEquals(before, count("SELECT COUNT(*) FROM account"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndTheMessageRevealsNothing() throws Exception {
        var account = TestAccounts.citizen(ctx);
        Browser b = browser();
        HttpResponse<String> unknown = b.signIn("nobody-" + UUID.randomUUID() + "@test.hamkke.kr", "whatever-123");
        HttpResponse<String> wrong = b.signIn(account.email(), "wrong-password-1");
        assertEquals(422, unknown.statusCode());
        assertEquals(422, wrong.statusCode());
        String message = "이메일 또는 비밀번호가 올바르지 않습니다";
        assertTrue(unknown.body().contains(message) && wrong.body().contains(message));
        for (int i = 0; i < 4; i++) {
            b.signIn(account.email(), "wrong-password-1");
        }
        HttpResponse<String> locked = b.signIn(account.email(), TestAccounts.PASSWORD);
        assertEquals(422, locked.statusCode(), "the right password is refused while locked");
        assertNull(b.cookie("JWT"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'account.lock' AND subject_id = '" + account.id() + "'"));
    }

    @Test
    void apiLoginReturnsABearerTokenThatTheApiAccepts() {
        var account = TestAccounts.citizen(ctx);
        Browser b = browser();
        HttpResponse<String> login = b.json("POST", "/login",
                "{\"username\":\"" + account.email() + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}", null);
        assertEquals(200, login.statusCode(), login.body());
        String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertEquals(3, token.split("\\.").length);
        assertEquals(401, b.json("POST", "/login", "{\"username\":\"" + account.email() + "\",\"password\":\"nope-nope-1\"}", null).statusCode());
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        var account = TestAccounts.citizen(ctx);
        Browser b = browser();
        b.signIn(account.email(), TestAccounts.PASSWORD);
        b.get("/account");
        HttpResponse<String> wrong = b.post("/account/password", Map.of("currentPassword", "not-it-at-all",
                "newPassword", "brand-new-pass-1", "newPasswordConfirm", "brand-new-pass-1"));
        assertEquals(422, wrong.statusCode());
        b.get("/account");
        assertEquals(303, b.post("/account/password", Map.of("currentPassword", TestAccounts.PASSWORD,
                "newPassword", "brand-new-pass-1", "newPasswordConfirm", "brand-new-pass-1")).statusCode());
        assertEquals(303, browser().signIn(account.email(), "brand-new-pass-1").statusCode());
    }
}
