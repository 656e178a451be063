package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The configured request limits (application.yml hamkke.rate-limits), lowered here so a test can
 * reach them: past the limit the answer is 429 with Retry-After — problem JSON for the API, a Korean
 * page for forms — and nothing is written. Also carries the HSTS flag, to share one server.
 */
@MicronautTest(transactional = false)
@Property(name = "hamkke.rate-limits.rules.proposal-create.limit", value = "2")
@Property(name = "hamkke.rate-limits.rules.support.limit", value = "2")
@Property(name = "hamkke.rate-limits.rules.verification-code.limit", value = "1")
@Property(name = "hamkke.rate-limits.rules.sign-up.limit", value = "2")
@Property(name = "hamkke.rate-limits.rules.verification-code-per-client.limit", value = "2")
@Property(name = "hamkke.rate-limits.client-header", value = "X-Real-IP")
@Property(name = "hamkke.security.hsts-always", value = "true")
class RateLimitTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private static final String PROPOSAL = "{\"title\":\"한도 시험\",\"body\":\"서울시에 제안합니다. 본문입니다.\",\"category\":\"TRANSPORT\"}";

    @Test
    void proposalCreationIsLimitedPerPersonAcrossApiAndForm() {
        TestAccounts.TestAccount citizen = TestAccounts.verified(ctx);
        String token = SecurityFixtures.token(server, citizen);
        Browser b = new Browser(server.getURI());
        assertEquals(201, b.json("POST", "/api/proposals", PROPOSAL, token).statusCode());
        assertEquals(201, b.json("POST", "/api/proposals", PROPOSAL, token).statusCode());
        HttpResponse<String> refused = b.json("POST", "/api/proposals", PROPOSAL, token);
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("\"code\":\"rate-limited\""), refused.body());
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0")) > 0);

        Browser web = SecurityFixtures.signedIn(server, citizen);
        web.get("/proposals/new");
        HttpResponse<String> page = web.post("/proposals", Map.of("title", "폼 한도 시험", "body", "서울시에 제안합니다. 본문입니다.",
                "category", "TRANSPORT", "guCode", ""));
        assertEquals(429, page.statusCode());
        assertTrue(page.body().contains("요청이 너무 많습니다"), page.body());
        assertEquals(2, TestDatabase.queryLong("SELECT COUNT(*) FROM proposal WHERE author_id = ?", citizen.id()));

        // Another person has an allowance of their own.
        assertEquals(201, b.json("POST", "/api/proposals", PROPOSAL, SecurityFixtures.token(server, TestAccounts.verified(ctx))).statusCode());
    }

    @Test
    void supportsAreLimitedPerPerson() {
        Browser moderator = SecurityFixtures.signedIn(server, TestAccounts.withRole(ctx, kr.hamkke.identity.Role.MODERATOR));
        long id = SecurityFixtures.publishedProposal(server, TestAccounts.verified(ctx), moderator, "공감 한도 시험", "서울시에 제안합니다. 본문입니다.");
        String token = SecurityFixtures.token(server, TestAccounts.verified(ctx));
        Browser b = new Browser(server.getURI());
        assertEquals(201, b.json("POST", "/api/proposals/" + id + "/support", null, token).statusCode());
        assertEquals(200, b.json("DELETE", "/api/proposals/" + id + "/support", null, token).statusCode());
        assertEquals(429, b.json("POST", "/api/proposals/" + id + "/support", null, token).statusCode());
        assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", id));
    }

    @Test
    void verificationCodeRequestsAreLimited() {
        TestAccounts.TestAccount citizen = TestAccounts.citizen(ctx);
        Browser b = SecurityFixtures.signedIn(server, citizen);
        b.get("/verify");
        Map<String, String> form = Map.of("name", "박시민", "birthDate", "2001-02-03", "gender", "F", "phone", "010-1234-5678",
                "guCode", "11440", "relation", "RESIDENT");
        assertEquals(303, b.post("/verify/phone", form).statusCode());
        b.get("/verify");
        HttpResponse<String> refused = b.post("/verify/phone", form);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(1, TestDatabase.queryLong("SELECT COUNT(*) FROM phone_challenge WHERE account_id = ?", citizen.id()));
    }

    @Test
    void signUpsAreLimitedPerClientAddress() {
        int created = 0;
        int refused = 0;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            Browser b = new Browser(server.getURI());
            b.get("/signup");
            HttpResponse<String> r = b.post("/signup", Map.of("email", "limit" + tag + i + "@test.hamkke.kr", "nickname", "한도" + tag + i,
                    "password", TestAccounts.PASSWORD, "passwordConfirm", TestAccounts.PASSWORD, "agree", "yes"));
            if (r.statusCode() == 303) created++;
            if (r.statusCode() == 429) refused++;
        }
        assertEquals(2, created);
        assertEquals(1, refused);
        assertEquals(2, TestDatabase.queryLong("SELECT COUNT(*) FROM account WHERE email LIKE ?", "limit" + tag + "%"));
    }

    /** Behind the proxy each real client has its own allowance; the header is trusted only because it is configured. */
    @Test
    void perClientRulesCountTheAddressTheProxyReports() {
        Map<String, String> form = Map.of("name", "박시민", "birthDate", "2001-02-03", "gender", "F", "phone", "010-1234-5678",
                "guCode", "11440", "relation", "RESIDENT");
        int accepted = 0;
        for (int i = 0; i < 4; i++) {
            Browser b = SecurityFixtures.signedIn(server, TestAccounts.citizen(ctx));
            b.get("/verify");
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + SecurityFixtures.enc(e.getValue()))
                    .reduce("_csrf=" + b.csrf(), (x, y) -> x + "&" + y);
            HttpResponse<String> r = b.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/verify/phone"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .header("X-Real-IP", "203.0.113." + (i % 2)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            if (r.statusCode() == 303) accepted++;
        }
        assertEquals(4, accepted, "two clients, two requests each, limit two per client");
    }

    @Test
    void hstsFlagSendsHstsWithoutAProxyHeader() {
        assertTrue(new Browser(server.getURI()).get("/proposals").headers().firstValue("Strict-Transport-Security").orElse("")
                .startsWith("max-age=31536000"));
    }
}
