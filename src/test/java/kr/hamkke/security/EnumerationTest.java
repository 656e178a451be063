package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sign-in answers the same whether the account exists, exists with another password, or is locked,
 * on the web form and on the JSON login. (Sign-up must say that an e-mail is taken; it is limited per
 * client instead — see RateLimitTest and docs/SECURITY.md.)
 */
@MicronautTest(transactional = false)
class EnumerationTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    /** Sign-in failures count per client address (127.0.0.1 for every test): leave none for later classes. */
    @org.junit.jupiter.api.AfterAll
    static void forgetFailures() {
        SecurityFixtures.exec("DELETE FROM login_attempt WHERE success = FALSE");
    }

    private String nobody() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@test.hamkke.kr";
    }

    @Test
    void jsonLoginAnswersAlikeForUnknownAndKnownAccounts() {
        TestAccounts.TestAccount known = TestAccounts.citizen(ctx);
        Browser b = new Browser(server.getURI());
        HttpResponse<String> unknown = b.json("POST", "/login", "{\"username\":\"" + nobody() + "\",\"password\":\"wrong-password-1\"}", null);
        HttpResponse<String> wrong = b.json("POST", "/login", "{\"username\":\"" + known.email() + "\",\"password\":\"wrong-password-1\"}", null);
        assertEquals(unknown.statusCode(), wrong.statusCode());
        assertEquals(unknown.body(), wrong.body());
        assertEquals(401, wrong.statusCode());
    }

    @Test
    void webSignInAnswersAlikeForUnknownWrongPasswordAndLockedAccounts() {
        TestAccounts.TestAccount known = TestAccounts.citizen(ctx);
        String unknownEmail = nobody();
        String unknown = signInPage(unknownEmail, "wrong-password-1");
        String wrong = signInPage(known.email(), "wrong-password-1");
        assertEquals(unknown, wrong.replace(known.email(), unknownEmail));
        for (int i = 0; i < 6; i++) {
            signInPage(known.email(), "wrong-password-1");
        }
        // Locked now: even the right password gets the same answer as an unknown address.
        String locked = signInPage(known.email(), TestAccounts.PASSWORD);
        assertEquals(unknown, locked.replace(known.email(), unknownEmail));
    }

    /**
     * 본인인증 by census: a wrong detail answers "no match" alike whether or not that person already
     * verified another account; only someone holding every detail learns that (docs/SECURITY.md).
     */
    @Test
    void censusVerificationDoesNotRevealWhoAlreadyHasAnAccount() {
        String number = "900101-" + (1000000 + new java.util.Random().nextInt(8999999));
        Browser admin = SecurityFixtures.signedIn(server, SecurityFixtures.everyRole(ctx));
        admin.get("/admin/census");
        String csv = "name,birth_date,gender,gu_code,dong_code,relation,identity_number\n김열거,1990-01-01,F,11440,,RESIDENT," + number + "\n";
        String body = "--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"census.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--xx--\r\n";
        HttpResponse<String> imported = admin.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/admin/census?_csrf=" + admin.csrf()))
                .header("Content-Type", "multipart/form-data; boundary=xx").header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, imported.statusCode(), imported.body());
        // The real person verifies a first account.
        assertEquals(303, census(TestAccounts.citizen(ctx), "김열거", "1990-01-01", number).statusCode());
        // A stranger guessing: wrong number for the verified person, and an unknown person — same answer.
        String wrongForKnown = census(TestAccounts.citizen(ctx), "김열거", "1990-01-01", "900101-0000000").body();
        String unknown = census(TestAccounts.citizen(ctx), "박없음", "1990-01-01", "900101-0000000").body();
        assertEquals(message(unknown), message(wrongForKnown));
    }

    private HttpResponse<String> census(TestAccounts.TestAccount who, String name, String birth, String number) {
        Browser b = SecurityFixtures.signedIn(server, who);
        b.get("/verify");
        return b.post("/verify/census", Map.of("censusName", name, "censusBirthDate", birth, "identityNumber", number));
    }

    /** The error summary of a re-rendered form. */
    private static String message(String page) {
        int at = page.indexOf("error-summary");
        return at < 0 ? "(no error)" : page.substring(at, page.indexOf("</ul>", at));
    }

    /** The re-rendered sign-in page with the per-browser CSRF token blanked out. */
    private String signInPage(String email, String password) {
        Browser b = new Browser(server.getURI());
        b.get("/signin");
        HttpResponse<String> r = b.post("/signin", Map.of("email", email, "password", password, "next", "/"));
        assertEquals(422, r.statusCode(), r.body());
        return r.statusCode() + r.body().replaceAll("[0-9a-f]{64}", "TOKEN");
    }
}
