package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import kr.hamkke.proposals.ForumService;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.limits.RateLimitFilter;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.PropertyCheck;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and malformed bodies against every JSON route that changes something (POST/PUT/DELETE under
 * /api, and /login), found through the router so a new endpoint is fuzzed without an edit here.
 * Property: never a 5xx, and a refused request (4xx) leaves every table's row count as it was.
 * Runs on {@link PropertyCheck}; -Dhamkke.seed=… replays a failure, -Dhamkke.fuzz.tries=… runs longer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonFuzzTest {

    static final int TRIES = Integer.getInteger("hamkke.fuzz.tries", 12);
    static final String[] KEYS = {"title", "body", "category", "guCode", "submit", "outcome", "publish", "position", "optionIds",
            "projectIds", "fiscalYear", "bureau", "division", "programName", "programCode", "kind", "originalWon", "finalWon",
            "carriedOverWon", "pbTag", "status", "reasonCode", "reason", "published", "subjectKind", "subjectId", "subjectTitle",
            "amountWon", "publicReason", "note", "line", "link", "asOf", "committedWon", "spentWon", "csv", "source", "row",
            "column", "value", "username", "password", "id", "role", "accountId", "__proto__", "", "제목"};

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    Router router;
    @Inject
    RateLimitFilter limits;

    @AfterAll
    void forgetFailedSignIns() {
        SecurityFixtures.exec("DELETE FROM login_attempt WHERE success = FALSE");
    }

    @Test
    void everyJsonEndpointSurvivesRandomAndMalformedBodies() {
        TestAccounts.TestAccount staffAccount = SecurityFixtures.everyRole(ctx);
        String bearer = SecurityFixtures.token(server, staffAccount);
        Browser staff = SecurityFixtures.signedIn(server, staffAccount);
        Map<String, String> ids = Map.of(
                "/api/proposals/{id}", String.valueOf(SecurityFixtures.publishedProposal(server, TestAccounts.verified(ctx), staff,
                        "퍼징 시험 제안", "서울시에 제안합니다. 본문입니다.")),
                "/api/forums/{id}", String.valueOf(ctx.getBean(ForumService.class).openStaffForum(new Actor(staffAccount.id(), "MODERATOR"),
                        "퍼징 숙의", "배경", "찬성", "반대")),
                "/api/budgeting/tracks/{id}", String.valueOf(MassAssignmentTest.votingTrack(ctx)),
                "/api/budget-lines/{id}", String.valueOf(SecurityFixtures.exec("""
                        INSERT INTO budget_line (fiscal_year, bureau, division, program_name, original_won, final_won, created_at, updated_at)
                        VALUES (2026, '시민협력국', '민주주의과', ?, 1000, 1000, NOW(6), NOW(6))""", "퍼징 " + UUID.randomUUID())));
        List<String> endpoints = new ArrayList<>();
        for (String method : List.of("POST", "PUT", "DELETE")) {
            for (var route : SecurityFixtures.routes(router, method)) {
                String path = SecurityFixtures.path(route);
                if (path.startsWith("/api/") || path.equals("/login")) {
                    endpoints.add(method + " " + path);
                }
            }
        }
        assertTrue(endpoints.size() >= 15, endpoints.toString());
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = endpoint.substring(endpoint.indexOf(' ') + 1);
            String path = template;
            for (var e : ids.entrySet()) {
                if (path.startsWith(e.getKey())) path = e.getValue() == null ? path : path.replace(e.getKey(), e.getKey().replace("{id}", e.getValue()));
            }
            String target = path.replaceAll("\\{[^}]+}", "1");
            PropertyCheck.forAll("fuzz " + endpoint, TRIES, edgeCases(), JsonFuzzTest::randomBody,
                    body -> oneRequest(method, target, body, bearer));
        }
    }

    /** Row counts after the last accepted request: refused requests are compared with it, so one count query each. */
    private String baseline;

    private void oneRequest(String method, String path, byte[] body, String bearer) {
        limits.reset();
        String before = baseline == null ? SecurityFixtures.rowCounts() : baseline;
        HttpResponse<String> r = new Browser(server.getURI()).send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertTrue(r.statusCode() < 500, method + " " + path + " → " + r.statusCode() + " " + r.body());
        assertFalse(SecurityFixtures.SQL_ERROR.matcher(r.body()).find(), "database text in " + r.body());
        String after = SecurityFixtures.rowCounts();
        if (r.statusCode() >= 400) {
            assertTrue(before.equals(after), method + " " + path + " → " + r.statusCode() + " but wrote rows: " + SecurityFixtures.changed(before, after));
        }
        baseline = after;
    }

    static List<byte[]> edgeCases() {
        List<String> texts = List.of("", "null", "[]", "\"text\"", "123", "true", "{", "{\"title\":", "{\"title\":\"unterminated",
                "{}}", "{\"a\":1,\"a\":2}", "[".repeat(5000) + "]".repeat(5000), "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"fiscalYear\":1e999999,\"originalWon\":-99999999999999999999999999,\"subjectId\":1.5}",
                "{\"title\":\"\\ud800\",\"body\":\"\\u0000\"}", "\uFEFF{\"title\":\"bom\"}", "{\"projectIds\":[null,{},[],\"1\",-1]}",
                "{\"line\":{\"line\":{\"line\":null}},\"link\":\"x\"}", "{\"title\":\"" + "가".repeat(200_000) + "\"}");
        List<byte[]> out = new ArrayList<>();
        texts.forEach(t -> out.add(t.getBytes(StandardCharsets.UTF_8)));
        out.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, '{', (byte) 0xc3});
        return out;
    }

    static byte[] randomBody(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> {
                byte[] b = new byte[r.nextInt(200)];
                r.nextBytes(b);
                yield b;
            }
            case 1 -> {
                String s = object(r, 0);
                yield s.substring(0, r.nextInt(s.length() + 1)).getBytes(StandardCharsets.UTF_8);
            }
            default -> object(r, 0).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String object(Random r, int depth) {
        StringBuilder s = new StringBuilder("{");
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            if (i > 0) s.append(',');
            s.append(SecurityFixtures.json(KEYS[r.nextInt(KEYS.length)])).append(':').append(value(r, depth));
        }
        return s.append('}').toString();
    }

    private static String value(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 8 : 10)) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> String.valueOf(new long[] {0, -1, 1, Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 2026, 1_000_000}[r.nextInt(8)]);
            case 3 -> String.valueOf(r.nextDouble() * 1e12 - 5e11);
            case 4 -> SecurityFixtures.json(text(r));
            case 5 -> SecurityFixtures.json(new String[] {"TRANSPORT", "11440", "PROGRAM", "PROPOSAL", "PB_PROJECT", "FUNDED", "PRO",
                    "CON", "2026-01-31", "2026-13-45", "ACCEPTED", "1", "-1", "", " "}[r.nextInt(15)]);
            case 6 -> "\"" + "9".repeat(1 + r.nextInt(40)) + "\"";
            case 7 -> "1e" + r.nextInt(400);
            case 8 -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) a.append(i > 0 ? "," : "").append(value(r, depth + 1));
                yield a.append(']').toString();
            }
            default -> object(r, depth + 1);
        };
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(r.nextInt(10) == 0 ? 3000 : 40);
        for (int i = 0; i < n; i++) {
            s.append(switch (r.nextInt(6)) {
                case 0 -> (char) ('가' + r.nextInt(11172));
                case 1 -> (char) r.nextInt(0x20);
                case 2 -> "'\"\\<>&;--%".charAt(r.nextInt(10));
                case 3 -> "😀";
                default -> (char) ('a' + r.nextInt(26));
            });
        }
        return s.toString();
    }
}
