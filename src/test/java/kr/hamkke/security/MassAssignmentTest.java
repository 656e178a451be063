package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.budgeting.service.CycleService;
import kr.hamkke.budgeting.service.PhaseKind;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.ClockFactory;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import kr.hamkke.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Extra fields a client adds to a request body (role, status, supportCount, accountId, id…) are
 * ignored: what is stored comes from the signed-in person and the rules, never from the body.
 */
@MicronautTest(transactional = false)
class MassAssignmentTest {

    /** Fields an attacker would try on any body. */
    static final String EXTRAS = "\"id\":424242,\"accountId\":1,\"authorId\":1,\"account_id\":1,\"role\":\"ADMIN\","
            + "\"roles\":[\"ADMIN\"],\"status\":\"PUBLISHED\",\"supportCount\":9999,\"support_count\":9999,"
            + "\"identityHash\":\"00\",\"verified\":true,\"version\":77,\"createdBy\":1,\"publishedAt\":\"2020-01-01T00:00:00Z\"";

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    @Test
    void proposalCreatedThroughTheApiTakesNoStatusCountOrAuthorFromTheBody() {
        TestAccounts.TestAccount citizen = TestAccounts.verified(ctx);
        String token = SecurityFixtures.token(server, citizen);
        HttpResponse<String> r = new Browser(server.getURI()).json("POST", "/api/proposals",
                "{\"title\":\"대량 할당 시험\",\"body\":\"본문이 충분히 깁니다. 서울시에 제안합니다.\",\"category\":\"TRANSPORT\"," + EXTRAS + "}", token);
        assertEquals(201, r.statusCode(), r.body());
        long id = Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertNotEquals(424242, id);
        assertEquals(String.valueOf(citizen.id()), TestDatabase.queryString("SELECT author_id FROM proposal WHERE id = ?", id));
        assertEquals(0, TestDatabase.queryLong("SELECT support_count FROM proposal WHERE id = ?", id));
        assertFalse("PUBLISHED".equals(TestDatabase.queryString("SELECT status FROM proposal WHERE id = ?", id)));
    }

    @Test
    void proposalFormIgnoresExtraFields() {
        TestAccounts.TestAccount citizen = TestAccounts.verified(ctx);
        Browser b = SecurityFixtures.signedIn(server, citizen);
        b.get("/proposals/new");
        HttpResponse<String> r = b.post("/proposals", Map.of("title", "폼 대량 할당 시험", "body", "본문이 충분히 깁니다. 서울시에 제안합니다.",
                "category", "TRANSPORT", "guCode", "", "status", "PUBLISHED", "supportCount", "9999", "authorId", "1"));
        assertEquals(303, r.statusCode(), r.body());
        long id = Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
        assertEquals(String.valueOf(citizen.id()), TestDatabase.queryString("SELECT author_id FROM proposal WHERE id = ?", id));
        assertEquals(0, TestDatabase.queryLong("SELECT support_count FROM proposal WHERE id = ?", id));
        assertEquals("DRAFT", TestDatabase.queryString("SELECT status FROM proposal WHERE id = ?", id));
    }

    @Test
    void supportCountsOnlyTheCallerWhateverTheBodySays() {
        TestAccounts.TestAccount author = TestAccounts.verified(ctx);
        TestAccounts.TestAccount other = TestAccounts.verified(ctx);
        TestAccounts.TestAccount supporter = TestAccounts.verified(ctx);
        long id = published(author);
        HttpResponse<String> r = new Browser(server.getURI()).json("POST", "/api/proposals/" + id + "/support",
                "{\"accountId\":" + other.id() + "," + EXTRAS + "}", SecurityFixtures.token(server, supporter));
        assertTrue(r.statusCode() == 200 || r.statusCode() == 201, r.body());
        assertEquals(1, TestDatabase.queryLong("SELECT support_count FROM proposal WHERE id = ?", id));
        assertEquals(1, TestDatabase.queryLong("SELECT COUNT(*) FROM proposal_support WHERE proposal_id = ?", id));
    }

    @Test
    void signUpAndLoginCannotGrantRoles() {
        String email = "mass" + UUID.randomUUID().toString().substring(0, 8) + "@test.hamkke.kr";
        Browser b = new Browser(server.getURI());
        b.get("/signup");
        HttpResponse<String> r = b.post("/signup", Map.of("email", email, "nickname", "할당" + email.substring(4, 10),
                "password", TestAccounts.PASSWORD, "passwordConfirm", TestAccounts.PASSWORD, "agree", "yes",
                "role", "ADMIN", "roles", "ADMIN", "status", "ACTIVE", "verified", "true"));
        assertEquals(303, r.statusCode(), r.body());
        long id = TestDatabase.queryLong("SELECT id FROM account WHERE email = ?", email);
        assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", id));
        assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM verification WHERE account_id = ?", id));
        HttpResponse<String> login = b.json("POST", "/login", "{\"username\":\"" + email + "\",\"password\":\""
                + TestAccounts.PASSWORD + "\",\"roles\":[\"ADMIN\"],\"attributes\":{\"roles\":[\"ADMIN\"]}}", null);
        assertEquals(200, login.statusCode(), login.body());
        String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertEquals(403, b.json("POST", "/api/budget-lines", "{\"fiscalYear\":2026}", token).statusCode());
    }

    @Test
    void budgetLineCreationTakesNoIdOrAuthorFromTheBody() {
        TestAccounts.TestAccount staff = SecurityFixtures.everyRole(ctx);
        String name = "대량할당 " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = new Browser(server.getURI()).json("POST", "/api/budget-lines",
                "{\"fiscalYear\":2026,\"bureau\":\"시민협력국\",\"division\":\"민주주의과\",\"programName\":\"" + name
                        + "\",\"kind\":\"PROGRAM\",\"originalWon\":1000000,\"finalWon\":1000000," + EXTRAS.replace("\"status\":\"PUBLISHED\",", "") + "}",
                SecurityFixtures.token(server, staff));
        assertTrue(r.statusCode() < 500, r.body());
        if (r.statusCode() == 201) {
            assertNotEquals(424242, TestDatabase.queryLong("SELECT id FROM budget_line WHERE program_name = ?", name));
            String createdBy = TestDatabase.queryString("SELECT created_by FROM budget_line WHERE program_name = ?", name);
            assertTrue(createdBy == null || createdBy.equals(String.valueOf(staff.id())), createdBy);
        } else {
            assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM budget_line WHERE program_name = ?", name), r.body());
        }
    }

    @Test
    void ballotIdentityComesFromTheSignInNotTheBody() {
        TestAccounts.TestAccount voter = TestAccounts.verified(ctx);
        TestAccounts.TestAccount other = TestAccounts.verified(ctx);
        long track = votingTrack();
        long project = SecurityFixtures.exec("""
                INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, requested_cost_won, status, created_at, updated_at)
                VALUES (?, (SELECT cycle_id FROM pb_track WHERE id = ?), ?, '대량 할당 사업', '설명이 스무 글자를 넘는 사업 설명입니다.', '환경', 1000000, 'ON_BALLOT', NOW(6), NOW(6))""",
                "MA-" + UUID.randomUUID().toString().substring(0, 8), track, track);
        HttpResponse<String> r = new Browser(server.getURI()).json("POST", "/api/budgeting/tracks/" + track + "/ballot",
                "{\"projectIds\":[\"" + project + "\"],\"identityHash\":\"" + other.identityHash() + "\",\"voterGroup\":\"PANEL\",\"source\":\"PAPER\","
                        + EXTRAS.replace("\"identityHash\":\"00\",", "") + "}", SecurityFixtures.token(server, voter));
        assertTrue(r.statusCode() < 500, r.body());
        assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ? AND identity_hash = ?", track, other.identityHash()));
        assertEquals(0, TestDatabase.queryLong("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ? AND (voter_group = 'PANEL' OR source = 'PAPER')", track));
        if (r.statusCode() == 201) {
            assertEquals(1, TestDatabase.queryLong("SELECT COUNT(*) FROM pb_ballot WHERE track_id = ? AND identity_hash = ?", track, voter.identityHash()));
        }
    }

    private long published(TestAccounts.TestAccount author) {
        Browser moderator = SecurityFixtures.signedIn(server, TestAccounts.withRole(ctx, kr.hamkke.identity.Role.MODERATOR));
        return SecurityFixtures.publishedProposal(server, author, moderator, "공감 대량 할당 시험", "서울시에 제안합니다. 자세한 내용은 본문에 적었습니다.");
    }

    static long votingTrack(ApplicationContext ctx) {
        return track(ctx, PhaseKind.VOTING);
    }

    /** A city-wide track of a new cycle whose current phase is {@code current}. */
    static long track(ApplicationContext ctx, PhaseKind current) {
        LocalDate today = LocalDate.now(ClockFactory.SEOUL);
        Map<PhaseKind, LocalDate[]> phases = new EnumMap<>(PhaseKind.class);
        for (PhaseKind k : PhaseKind.values()) {
            LocalDate start = today.plusDays((k.ordinal() - current.ordinal()) * 10L - 2);
            phases.put(k, new LocalDate[] {start, start.plusDays(9)});
        }
        long cycle = ctx.getBean(CycleService.class).createCycle(Actor.SYSTEM, "보안 " + UUID.randomUUID().toString().substring(0, 6),
                today.getYear(), "GONGGAM", phases);
        return SecurityFixtures.exec("""
                INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, scope_unit, envelope_won, ballot_rule, max_picks, allocation)
                VALUES (?,?,?,?,?,?,?,?,?,?)""", cycle, "S" + UUID.randomUUID().toString().substring(0, 6), "보안 트랙", "Security track",
                "CITY", null, 1_000_000_000L, "APPROVAL", 3, "GREEDY");
    }

    private long votingTrack() {
        return votingTrack(ctx);
    }
}
