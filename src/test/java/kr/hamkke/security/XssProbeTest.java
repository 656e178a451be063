package kr.hamkke.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import kr.hamkke.assembly.DeliberationService;
import kr.hamkke.identity.AccountService;
import kr.hamkke.proposals.ForumService;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.ClockFactory;
import kr.hamkke.testing.Browser;
import kr.hamkke.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored and reflected XSS: every user text field of every feature gets a probe through the way a
 * person would enter it, and every page that shows the field must show the escaped text and no live
 * markup. One row per field in {@link #fields()}: a new field is one more row.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssProbeTest {

    /** Fits the 100-character title limit; the escaped form of its start proves the text was rendered. */
    static final String PROBE = "<script>alert(1)</script>\"><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">j</a>";
    static final String SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";
    /** For fields limited to 30 characters (nicknames). */
    static final String SHORT_PROBE = "<img src=x onerror=alert(1)>";
    static final String SHORT_SHOWN = "&lt;img src=x onerror=alert(1)&gt;";
    /** Markup the probe would create if it were not escaped. */
    static final Pattern LIVE = Pattern.compile(
            "<script>alert|<img src=x|href=\"\\s*javascript:|src=\"\\s*javascript:", Pattern.CASE_INSENSITIVE);
    /** A real tag with an event-handler attribute (looked for once attribute values are blanked out). */
    static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^<>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;
    @Inject
    Router router;

    TestAccounts.TestAccount staffAccount;
    Browser staff;

    @BeforeAll
    void staff() {
        staffAccount = SecurityFixtures.everyRole(ctx);
        staff = SecurityFixtures.signedIn(server, staffAccount);
    }

    /** How a probe gets in, and the responses that show it afterwards. */
    interface Plant {
        List<HttpResponse<String>> plant(String probe) throws Exception;
    }

    record Field(String feature, String name, boolean shortField, Plant plant) {
    }

    List<Field> fields() {
        return List.of(
                new Field("proposals", "title (draft page)", false, p -> {
                    long id = draftViaForm(p, "본문입니다. 서울시에 제안합니다.");
                    return List.of(staff.get("/proposals/" + id), staff.get("/proposals/mine"), staff.get("/proposals/" + id + "/edit"));
                }),
                new Field("proposals", "body (draft page)", false, p -> {
                    long id = draftViaForm("본문 시험 " + UUID.randomUUID().toString().substring(0, 6), p);
                    return List.of(staff.get("/proposals/" + id), staff.get("/proposals/" + id + "/edit"));
                }),
                new Field("proposals", "title and body (published: lists, search, participation)", false, p -> {
                    long id = SecurityFixtures.publishedProposal(server, TestAccounts.verified(ctx), staff, p, p);
                    return List.of(new Browser(server.getURI()).get("/proposals/" + id), new Browser(server.getURI()).get("/proposals"),
                            new Browser(server.getURI()).get("/proposals?q=" + SecurityFixtures.enc("alert")),
                            new Browser(server.getURI()).get("/participate"), staff.get("/staff/proposals/review"));
                }),
                new Field("proposals", "title (form re-shown with an error)", false, p -> {
                    staff.get("/proposals/new");
                    return List.of(staff.post("/proposals", Map.of("title", p, "body", p, "category", "NOPE", "guCode", "")));
                }),
                new Field("proposals", "comment", false, p -> {
                    long id = published();
                    staff.get("/proposals/" + id);
                    assertEquals(303, staff.post("/proposals/" + id + "/comments", Map.of("body", p)).statusCode());
                    return List.of(new Browser(server.getURI()).get("/proposals/" + id), staff.get("/staff/proposals/moderation"));
                }),
                new Field("proposals", "forum argument (comment)", false, p -> {
                    long forum = ctx.getBean(ForumService.class).openStaffForum(new Actor(staffAccount.id(), "MODERATOR"),
                            "숙의 시험 " + UUID.randomUUID().toString().substring(0, 6), "배경 설명입니다.", "찬성 요지", "반대 요지");
                    staff.get("/forums/" + forum);
                    HttpResponse<String> posted = staff.post("/forums/" + forum + "/comments", Map.of("body", p));
                    assertTrue(posted.statusCode() == 303, "forum comment → " + posted.statusCode());
                    return List.of(new Browser(server.getURI()).get("/forums/" + forum));
                }),
                new Field("proposals", "forum title, background and briefs (staff)", false, p -> {
                    long forum = ctx.getBean(ForumService.class).openStaffForum(new Actor(staffAccount.id(), "MODERATOR"), p, p, p, p);
                    return List.of(new Browser(server.getURI()).get("/forums/" + forum), new Browser(server.getURI()).get("/forums"));
                }),
                new Field("proposals", "테마토론 title, description and candidate topics (staff)", false, p -> {
                    var now = java.time.Instant.now();
                    long theme = ctx.getBean(kr.hamkke.proposals.ThemeService.class).create(new Actor(staffAccount.id(), "MODERATOR"),
                            p, p, now.minusSeconds(60), now.plusSeconds(86_400),
                            List.of(new kr.hamkke.proposals.ThemeService.NewTopic(p, p),
                                    new kr.hamkke.proposals.ThemeService.NewTopic("두 번째 주제", "배경")));
                    return List.of(new Browser(server.getURI()).get("/themes/" + theme), new Browser(server.getURI()).get("/themes"),
                            new Browser(server.getURI()).get("/participate"));
                }),
                new Field("identity", "nickname (shown with comments)", true, p -> {
                    String email = "nick" + UUID.randomUUID().toString().substring(0, 8) + "@test.hamkke.kr";
                    var account = ctx.getBean(AccountService.class).register(email, p, TestAccounts.PASSWORD);
                    TestAccounts.TestAccount who = new TestAccounts.TestAccount(account.id(), email, null);
                    SecurityFixtures.exec("INSERT INTO verification (account_id, identity_hash, birth_date, gender, provider, verified_at) "
                            + "VALUES (?, ?, '1990-01-01', 'F', 'TEST', NOW(6))", who.id(), kr.hamkke.shared.Hashing.sha256Hex("nick-" + email));
                    SecurityFixtures.exec("INSERT INTO relation (account_id, kind, gu_code, declared_at) VALUES (?, 'RESIDENT', '11440', NOW(6))", who.id());
                    long id = published();
                    Browser b = SecurityFixtures.signedIn(server, who);
                    b.get("/proposals/" + id);
                    assertEquals(303, b.post("/proposals/" + id + "/comments", Map.of("body", "닉네임 시험 댓글입니다.")).statusCode());
                    return List.of(new Browser(server.getURI()).get("/proposals/" + id), b.get("/account"), b.get("/"),
                            staff.get("/admin/roles?q=" + SecurityFixtures.enc(email)));
                }),
                new Field("identity", "sign-up form re-shown with an error", true, p -> {
                    Browser b = new Browser(server.getURI());
                    b.get("/signup");
                    return List.of(b.post("/signup", Map.of("email", p, "nickname", p, "password", "x", "passwordConfirm", "y")));
                }),
                new Field("budgeting", "project title and description", false, p -> {
                    long track = MassAssignmentTest.votingTrack(ctx);
                    long project = SecurityFixtures.exec("""
                            INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, requested_cost_won, status, created_at, updated_at)
                            VALUES (?, (SELECT cycle_id FROM pb_track WHERE id = ?), ?, ?, ?, ?, 1000000, 'ON_BALLOT', NOW(6), NOW(6))""",
                            "X-" + UUID.randomUUID().toString().substring(0, 8), track, track, p, p, "환경");
                    return List.of(new Browser(server.getURI()).get("/budgeting/projects/" + project),
                            new Browser(server.getURI()).get("/budgeting/tracks/" + track), staff.get("/budgeting/tracks/" + track + "/ballot"),
                            new Browser(server.getURI()).get("/api/budgeting/tracks/" + track + "/projects"));
                }),
                new Field("budgeting", "project proposal form (submitted and re-shown)", false, p -> {
                    long track = MassAssignmentTest.track(ctx, kr.hamkke.budgeting.service.PhaseKind.SUBMISSION);
                    staff.get("/budgeting/tracks/" + track + "/propose");
                    HttpResponse<String> invalid = staff.post("/budgeting/tracks/" + track + "/propose",
                            Map.of("title", p, "description", p, "category", p, "guCode", p, "cost", p));
                    staff.get("/budgeting/tracks/" + track + "/propose");
                    HttpResponse<String> saved = staff.post("/budgeting/tracks/" + track + "/propose", Map.of("title", p,
                            "description", p + " 설명이 충분히 길어야 합니다. 스무 글자를 넘깁니다.", "category", "환경", "guCode", "", "cost", "1000000"));
                    List<HttpResponse<String>> out = new ArrayList<>(List.of(invalid));
                    if (saved.statusCode() == 303) {
                        out.add(staff.get(saved.headers().firstValue("Location").orElseThrow()));
                    }
                    return out;
                }),
                new Field("assembly", "application motivation and availability (re-shown)", false, p -> {
                    long cycle = recruitingCycle();
                    staff.get("/assembly/" + cycle + "/apply");
                    return List.of(staff.post("/assembly/" + cycle + "/apply", Map.of("motivation", p, "availability", p)));
                }),
                new Field("assembly", "deliberation thread post", false, p -> {
                    long cycle = recruitingCycle();
                    DeliberationService deliberation = ctx.getBean(DeliberationService.class);
                    Actor admin = new Actor(staffAccount.id(), "ADMIN");
                    long meeting = deliberation.createMeeting(admin, cycle, 1, "1차 회의", LocalDate.now(ClockFactory.SEOUL));
                    long table = deliberation.createTable(admin, meeting, "1모둠", staffAccount.id());
                    staff.get("/assembly/tables/" + table);
                    HttpResponse<String> posted = staff.post("/assembly/tables/" + table + "/posts", Map.of("stance", "POINT", "body", p));
                    assertEquals(303, posted.statusCode(), posted.body());
                    return List.of(staff.get("/assembly/tables/" + table));
                }),
                new Field("budgetlines", "line name, division and status reason", false, p -> {
                    String name = p + UUID.randomUUID().toString().substring(0, 6);
                    long line = SecurityFixtures.exec("""
                            INSERT INTO budget_line (fiscal_year, bureau, division, program_name, original_won, final_won, status,
                              status_reason, published, created_at, updated_at) VALUES (2026, '시민협력국', ?, ?, 1000000, 1000000,
                              'REQUESTED', ?, TRUE, NOW(6), NOW(6))""", p, name, p);
                    return List.of(new Browser(server.getURI()).get("/accountability/lines/" + line), new Browser(server.getURI()).get("/accountability"),
                            staff.get("/staff/budget-lines/" + line), staff.get("/staff/budget-lines"));
                }),
                new Field("budgetlines", "line form re-shown with an error", false, p -> {
                    staff.get("/staff/budget-lines/new");
                    return List.of(staff.post("/staff/budget-lines", Map.of("fiscalYear", "2026", "bureau", p, "division", p,
                            "programName", p, "original", "x", "finalAmount", "y")));
                }),
                new Field("search", "keyword and filters reflected by every GET page", false, this::everyQueryParameter));
    }

    @TestFactory
    Stream<DynamicTest> everyFieldRendersInert() {
        return fields().stream().map(f -> DynamicTest.dynamicTest(f.feature() + ": " + f.name(), () -> {
            String probe = f.shortField() ? SHORT_PROBE : PROBE;
            String shown = f.shortField() ? SHORT_SHOWN : SHOWN;
            List<HttpResponse<String>> pages = f.plant().plant(probe);
            boolean seen = false;
            for (HttpResponse<String> page : pages) {
                String where = page.request().uri().getPath();
                assertTrue(page.statusCode() < 500, where + " → " + page.statusCode());
                String type = page.headers().firstValue("Content-Type").orElse("");
                if (!type.startsWith("text/html")) {
                    // JSON and CSV are never rendered as pages: nosniff and their own type (SecurityHeadersTest).
                    assertFalse(type.isEmpty(), where + " has no Content-Type");
                    continue;
                }
                var live = LIVE.matcher(page.body());
                assertFalse(live.find(), () -> where + " shows live markup: …" + around(page.body(), live.start()));
                // Attribute values cannot hold a raw quote (escaped as &quot;), so blanking them leaves only real attributes.
                String tags = page.body().replaceAll("=\"[^\"]*\"", "=\"\"").replaceAll("='[^']*'", "=''");
                var handler = HANDLER.matcher(tags);
                assertFalse(handler.find(), () -> where + " has an event handler: …" + around(tags, handler.start()));
                seen |= page.body().contains(shown);
            }
            assertTrue(seen, f.feature() + " " + f.name() + ": the probe was not shown escaped on any page, so nothing was tested");
        }));
    }

    private static String around(String body, int at) {
        return body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 80));
    }

    /** Reflected: every declared query parameter of every GET route gets the probe. */
    private List<HttpResponse<String>> everyQueryParameter(String probe) {
        List<HttpResponse<String>> out = new ArrayList<>();
        for (var route : SecurityFixtures.routes(router, "GET")) {
            String path = SecurityFixtures.path(route);
            if (path.startsWith("/swagger") || path.startsWith("/prometheus")) continue;
            List<String> names = new ArrayList<>(SecurityFixtures.queryParameters(route));
            if (!names.contains("q")) names.add("q");
            StringBuilder url = new StringBuilder(path.replaceAll("\\{[^}]+}", "1"));
            for (String n : names) {
                url.append(url.indexOf("?") < 0 ? "?" : "&").append(n).append('=').append(SecurityFixtures.enc(probe));
            }
            out.add(staff.get(url.toString()));
        }
        return out;
    }

    private long draftViaForm(String title, String body) {
        staff.get("/proposals/new");
        HttpResponse<String> r = staff.post("/proposals", Map.of("title", title, "body", body, "category", "TRANSPORT", "guCode", ""));
        assertEquals(303, r.statusCode(), r.body());
        return Long.parseLong(r.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    }

    private long published() {
        return SecurityFixtures.publishedProposal(server, TestAccounts.verified(ctx), staff, "댓글 시험 제안 " + UUID.randomUUID().toString().substring(0, 6),
                "서울시에 제안합니다. 본문입니다.");
    }

    private long recruitingCycle() {
        var cycles = ctx.getBean(kr.hamkke.assembly.CycleService.class);
        LocalDate today = LocalDate.now(ClockFactory.SEOUL);
        long id = cycles.create(Actor.SYSTEM, new kr.hamkke.assembly.CycleService.NewCycle("보안 시민회의 " + UUID.randomUUID().toString().substring(0, 8),
                today.getYear(), 6, 4, today.minusDays(5), today.plusDays(10), today.plusDays(15), today.plusDays(30),
                today.plusDays(40), today.plusDays(50), today.plusDays(60), kr.hamkke.assembly.CycleService.defaultQuotaCsv(6, 4),
                List.of("기후위기 시대, 서울의 역할")));
        cycles.advance(Actor.SYSTEM, id, kr.hamkke.assembly.Cycle.Status.PLANNING);
        return id;
    }

    @Test
    void theTableCoversEveryFeature() {
        List<String> features = fields().stream().map(Field::feature).distinct().toList();
        assertTrue(features.containsAll(List.of("proposals", "identity", "budgeting", "assembly", "budgetlines", "search")), features.toString());
    }
}
