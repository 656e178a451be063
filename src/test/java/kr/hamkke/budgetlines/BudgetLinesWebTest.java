package kr.hamkke.budgetlines;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.budgetlines.csv.BundledReportTables;
import kr.hamkke.identity.Role;
import kr.hamkke.testing.Browser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import static kr.hamkke.budgetlines.BudgetApiSupport.count;
import static kr.hamkke.budgetlines.BudgetApiSupport.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BudgetLinesWebTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    @Test
    void staffCreateLinkRecordAndThePublicSeesTheTimelineWithChart() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        Browser b = staff.browser();
        assertEquals(200, b.get("/staff/budget-lines/new").statusCode());
        HttpResponse<String> created = b.post("/staff/budget-lines", Map.of("fiscalYear", "2023", "bureau", "시민협력국",
                "division", "시민참여과", "programName", "웹 시험 공중화장실 사업", "original", "500,000", "carriedOver", "20,000",
                "status", "CONFIRMED", "published", "yes"));
        assertEquals(303, created.statusCode(), created.body());
        String path = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        HttpResponse<String> page = b.get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("520,000"), "예산현액 computed: " + page.body());

        assertEquals(303, b.post(path + "/links", Map.of("subjectKind", "PB_PROJECT", "subjectId", "82001",
                "subjectTitle", "여성이 안전한 공중화장실 설치", "outcome", "FUNDED", "amount", "450,000",
                "note", "총회 승인 사업 연결")).statusCode());
        b.get(path);
        HttpResponse<String> tooMuch = b.post(path + "/links", Map.of("subjectKind", "PB_PROJECT", "subjectId", "82002",
                "subjectTitle", "다른 사업", "outcome", "FUNDED", "amount", "100,000", "note", "초과 연결 시도"));
        assertEquals(422, tooMuch.statusCode());
        assertTrue(tooMuch.body().contains("error-summary"), tooMuch.body());
        for (String[] s : new String[][]{{"2023-03-31", "150,000", "100,000"}, {"2023-06-30", "300,000", "210,000"}}) {
            b.get(path);
            assertEquals(303, b.post(path + "/executions", Map.of("asOf", s[0], "committed", s[1], "spent", s[2])).statusCode());
        }
        b.get(path);
        assertEquals(303, b.post("/staff/budget-lines/milestones", Map.of("subjectKind", "PB_PROJECT", "subjectId", "82001",
                "occurredOn", "2023-11-30", "text", "12개소 설치 완료 보고", "completed", "yes", "lineId", String.valueOf(id))).statusCode());

        Browser anonymous = new Browser(server.getURI());
        HttpResponse<String> line = anonymous.get("/accountability/lines/" + id);
        assertEquals(200, line.statusCode());
        assertTrue(line.body().contains("<svg") && line.body().contains("<polyline"), line.body());
        assertTrue(line.body().contains("40.4%"), "집행률 210,000 / 520,000: " + line.body());
        HttpResponse<String> timeline = anonymous.get("/accountability/pb-project/82001");
        assertEquals(200, timeline.statusCode());
        String t = timeline.body();
        assertTrue(t.contains("여성이 안전한 공중화장실 설치") && t.contains("450,000천원") && t.contains("12개소 설치 완료 보고")
                && t.contains("data-stage=\"EXECUTION\"") && t.contains("data-stage=\"COMPLETION\""), t);
        assertTrue(t.indexOf("data-stage=\"EXECUTION\"") < t.indexOf("data-stage=\"COMPLETION\""), "in time order");
        HttpResponse<String> api = anonymous.json("GET", "/api/accountability/pb-project/82001", null, null);
        assertEquals(200, api.statusCode());
        assertTrue(api.body().contains("\"completed\":true"), api.body());

        HttpResponse<String> overview = anonymous.get("/accountability?fiscalYear=2023&sort=spent");
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("웹 시험 공중화장실 사업") && overview.body().contains("/accountability/pb-project/82001"));
        HttpResponse<String> byGu = anonymous.get("/accountability?fiscalYear=2023&by=district");
        assertEquals(200, byGu.statusCode());
        HttpResponse<byte[]> csv = BudgetApiSupport.getBytes(anonymous, server.getURI() + "/accountability/overview.csv?fiscalYear=2023", null);
        assertEquals(200, csv.statusCode());
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(csvText.contains("시민참여과"), csvText);
        assertEquals(404, anonymous.get("/accountability/pb-project/99999999").statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'budgetline.milestone' AND subject_id = '82001'"));
    }

    @Test
    void aWinnerBecomesANewLineInOneStep() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        Browser b = staff.browser();
        b.get("/staff/budget-lines/new");
        HttpResponse<String> created = b.post("/staff/budget-lines", Map.ofEntries(Map.entry("fiscalYear", "2023"), Map.entry("bureau", "시민협력국"),
                Map.entry("division", "지역공동체과"), Map.entry("programName", "청년 귀농·귀촌 지원 프로젝트"), Map.entry("original", "80,000"),
                Map.entry("status", "CONFIRMED"), Map.entry("published", "yes"), Map.entry("subjectKind", "PB_PROJECT"),
                Map.entry("subjectId", "83001"), Map.entry("subjectTitle", "청년 귀농·귀촌 지원 프로젝트"),
                Map.entry("note", "총회 승인 사업으로 새 사업 편성")));
        assertEquals(303, created.statusCode(), created.body());
        assertEquals(80_000_000L, count("SELECT amount_won FROM funding WHERE subject_id = 83001"));

        HttpResponse<String> api = b.json("POST", "/api/budget-lines/for-winner", """
                {"line":{"fiscalYear":2023,"bureau":"시민협력국","division":"지역공동체과","programName":"전통시장 공유 와이파이 (API)",
                         "originalWon":30000000,"status":"CONFIRMED","published":true},
                 "link":{"subjectKind":"PROPOSAL","subjectId":83002,"subjectTitle":"전통시장 공유 와이파이 구축","amountWon":20000000,
                         "note":"채택 제안 편성"}}""", staff.token());
        assertEquals(201, api.statusCode(), api.body());
        assertTrue(api.body().contains("\"allocatedWon\":20000000"), api.body());
        long lines = count("SELECT COUNT(*) FROM budget_line");
        HttpResponse<String> tooMuch = b.json("POST", "/api/budget-lines/for-winner", """
                {"line":{"fiscalYear":2023,"bureau":"시민협력국","division":"지역공동체과","programName":"초과 연결 새 사업",
                         "originalWon":10000000},
                 "link":{"subjectKind":"PROPOSAL","subjectId":83003,"subjectTitle":"초과 제안","amountWon":20000000,"note":"초과 시도"}}""",
                staff.token());
        assertEquals(409, tooMuch.statusCode(), tooMuch.body());
        assertEquals(lines, count("SELECT COUNT(*) FROM budget_line"), "the line is rolled back with its refused link");
    }

    @Test
    void staffUploadShowsFindingsAcceptsACorrectionWithANoteAndApplies() throws Exception {
        BudgetApiSupport.User staff = BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
        Browser b = staff.browser();
        assertEquals(200, b.get("/staff/budget-lines/imports").statusCode());
        String boundary = "----hamkke" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "fiscalYear", null, "2022".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "bureau", null, "시민협력국".getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "file", "fy2022-plan-summary-by-division.csv",
                BundledReportTables.resource("fy2022-plan-summary-by-division.csv"));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> up = b.send(HttpRequest.newBuilder(server.getURI().resolve("/staff/budget-lines/imports?_csrf=" + enc(b.csrf())))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertEquals(303, up.statusCode(), up.body());
        String path = up.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = b.get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("data-level=\"ERROR\" data-row=\"9\""), "T2 on the division summary: " + page.body());

        HttpResponse<String> noNote = b.post(path + "/corrections", Map.of("row", "9", "column", "CHANGE", "value", "△9,043,428", "note", ""));
        assertEquals(422, noNote.statusCode());
        b.get(path);
        assertEquals(303, b.post(path + "/corrections", Map.of("row", "9", "column", "CHANGE", "value", "△9,043,428",
                "note", "증감 인쇄값 오기, A−B로 다시 계산")).statusCode());
        page = b.get(path);
        assertFalse(page.body().contains("data-level=\"ERROR\" data-row=\"9\"") && !page.body().contains("△9,043,428 — 증감"), page.body());
        assertTrue(page.body().contains("증감 인쇄값 오기"), page.body());
        long importId = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertEquals(1, count("SELECT COUNT(*) FROM budget_import_correction WHERE import_id = " + importId));
        assertEquals(303, b.post(path + "/apply", Map.of()).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM budget_import WHERE status = 'APPLIED' AND id = " + importId));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'budgetline.import.apply' AND subject_id = '" + importId + "'"));
    }

    private static void part(ByteArrayOutputStream out, String boundary, String name, String filename, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv") + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void demoDataLoadsTheReportsWithCorrectionNotesAndLiveRiskFlags() throws Exception {
        // winners of the other features' demo data, which the budget-lines demo finds by title
        long youth = SubjectFixtures.pbProject("지역기반형 청년인재육성 프로그램", 30_000_000L, true, null);
        long playground = SubjectFixtures.pbProject("미세먼지 NO, 공공형 실내 놀이터 설치", 400_000_000L, true, null);
        long farming = SubjectFixtures.pbProject("청년 귀농·귀촌 지원 프로젝트", 150_000_000L, true, null);
        long ivf = SubjectFixtures.proposal("서울형 난임부부 시술비 지원", "ACCEPTED",
                kr.hamkke.testing.TestAccounts.verified(ctx).id(), java.util.List.of());
        long solar = SubjectFixtures.policyProposal("공공건물 옥상 태양광 의무화", "ACCEPTED");
        long festival = SubjectFixtures.policyProposal("일회용품 없는 축제 조례", "PARTIAL");
        BudgetLinesDemoData demo = new BudgetLinesDemoData(ctx.getBean(BudgetLineStore.class), ctx.getBean(BudgetImportService.class),
                ctx.getBean(BudgetLineService.class), ctx.getBean(Clock.class));
        demo.loadReports();
        demo.loadLiveYear();
        for (int year : new int[]{2018, 2020, 2021, 2022}) {
            assertTrue(count("SELECT COUNT(*) FROM budget_line WHERE fiscal_year = " + year) > 0, "lines for " + year);
        }
        assertTrue(count("SELECT COUNT(*) FROM budget_import_correction c JOIN budget_import i ON i.id = c.import_id "
                + "WHERE i.source = 'fy2022-plan-citizen-cooperation-bureau.csv' AND c.note LIKE 'T1:%'") >= 1);
        int y = LocalDate.now(ctx.getBean(Clock.class)).getYear();
        BudgetReports reports = ctx.getBean(BudgetReports.class);
        var live = reports.lineViews(y, "시민협력국", true);
        var flags = new java.util.HashMap<String, java.util.Set<kr.hamkke.budgetlines.figures.RiskFlag>>();
        live.forEach(v -> flags.put(v.line().programName(), v.flags()));
        if (LocalDate.now(ctx.getBean(Clock.class)).getMonthValue() > 7) {
            assertTrue(flags.get("공공형 실내 놀이터 설치").contains(kr.hamkke.budgetlines.figures.RiskFlag.IDLE), flags::toString);
            assertTrue(flags.get("전통시장 공유 와이파이 구축").contains(kr.hamkke.budgetlines.figures.RiskFlag.FORECAST_GAP), flags::toString);
            assertTrue(flags.get("여성이 안전한 공중화장실 설치 지원").isEmpty(), flags::toString);
        }
        // the (시민참여) 2018 line funds the adopted PB project of the same name, completed (100% by ’18.6.30)
        assertEquals(30_000_000L, count("SELECT SUM(f.amount_won) FROM funding f JOIN budget_line l ON l.id = f.budget_line_id "
                + "WHERE l.fiscal_year = 2018 AND f.subject_kind = 'PB_PROJECT' AND f.subject_id = " + youth));
        assertEquals(1, count("SELECT COUNT(*) FROM funding_milestone WHERE completed AND subject_kind = 'PB_PROJECT' AND subject_id = " + youth));
        assertEquals("REDUCED", kr.hamkke.testing.TestDatabase.queryString(
                "SELECT outcome FROM funding WHERE subject_kind = 'PB_PROJECT' AND subject_id = " + playground));
        assertEquals("CUT", kr.hamkke.testing.TestDatabase.queryString("SELECT l.status FROM funding f JOIN budget_line l "
                + "ON l.id = f.budget_line_id WHERE f.subject_kind = 'PB_PROJECT' AND f.subject_id = " + farming));
        assertEquals(1, count("SELECT COUNT(*) FROM funding WHERE subject_kind = 'PROPOSAL' AND subject_id = " + ivf));
        assertEquals(1, count("SELECT COUNT(*) FROM funding WHERE subject_kind = 'POLICY_PROPOSAL' AND subject_id = " + solar));
        assertEquals("NOT_FUNDED", kr.hamkke.testing.TestDatabase.queryString(
                "SELECT outcome FROM funding WHERE subject_kind = 'POLICY_PROPOSAL' AND subject_id = " + festival));
        Browser anonymous = new Browser(server.getURI());
        HttpResponse<String> done = anonymous.get("/accountability/pb-project/" + youth);
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("지역기반형 청년인재육성") && done.body().contains("data-stage=\"COMPLETION\"")
                && done.body().contains("시민투표 결과"), done.body());
        assertEquals(200, anonymous.get("/accountability?fiscalYear=2018&by=district").statusCode());
        // DOMAIN §7.1: the bureau at 12.4% on ’21.3.31 is flagged (SHORTFALL: the pace heads for 50.3% by year end)
        String bureaus = anonymous.get("/accountability?fiscalYear=2021&by=bureau").body();
        int row = bureaus.indexOf("<th scope=\"row\">서울혁신기획관</th>");
        assertTrue(row > 0, bureaus);
        assertTrue(bureaus.substring(row, bureaus.indexOf("</tr>", row)).contains("data-flag=\"SHORTFALL\""), bureaus);
    }
}
