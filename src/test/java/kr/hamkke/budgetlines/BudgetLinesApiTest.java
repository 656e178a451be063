package kr.hamkke.budgetlines;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import kr.hamkke.budgetlines.csv.BundledReportTables;
import kr.hamkke.budgetlines.csv.Correction;
import kr.hamkke.identity.Role;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static kr.hamkke.budgetlines.BudgetApiSupport.arr;
import static kr.hamkke.budgetlines.BudgetApiSupport.count;
import static kr.hamkke.budgetlines.BudgetApiSupport.enc;
import static kr.hamkke.budgetlines.BudgetApiSupport.num;
import static kr.hamkke.budgetlines.BudgetApiSupport.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class BudgetLinesApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext ctx;

    private BudgetApiSupport.User staff() {
        return BudgetApiSupport.user(ctx, server.getURI(), Role.BUDGET_STAFF);
    }

    private Map<String, Object> importFile(BudgetApiSupport.User staff, String file, int year, String bureau, boolean correct) {
        String q = "/api/budget-lines/imports?fiscalYear=" + year + "&source=" + enc(file)
                + (bureau == null ? "" : "&bureau=" + enc(bureau));
        HttpResponse<String> up = BudgetApiSupport.postBytes(server.getURI(), q, BundledReportTables.resource(file),
                "text/csv", staff.token());
        assertEquals(201, up.statusCode(), up.body());
        Map<String, Object> report = obj(ctx, up.body());
        long id = num(report.get("id"));
        if (correct) {
            for (Correction c : BundledReportTables.corrections().getOrDefault(file, List.of())) {
                HttpResponse<String> r = staff.browser().json("POST", "/api/budget-lines/imports/" + id + "/corrections",
                        "{\"row\":" + c.row() + ",\"column\":\"" + c.column().name() + "\",\"value\":\"" + c.value()
                                + "\",\"note\":\"" + c.note().replace("\"", "'") + "\"}", staff.token());
                assertEquals(200, r.statusCode(), r.body());
            }
        }
        HttpResponse<String> applied = staff.browser().json("POST", "/api/budget-lines/imports/" + id + "/apply", null, staff.token());
        assertEquals(200, applied.statusCode(), applied.body());
        return report;
    }

    private Map<String, Object> line(List<Map<String, Object>> lines, String name) {
        return lines.stream().filter(l -> l.get("programName").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + name + " in " + lines));
    }

    @Test
    void computedFiguresMatchTheReportsCorrectRowsAndImportFlagsTheTraps() throws Exception {
        BudgetApiSupport.User staff = staff();
        Map<String, Object> plan = importFile(staff, "fy2022-plan-citizen-cooperation-bureau.csv", 2022, "시민협력국", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings = (List<Map<String, Object>>) plan.get("findings");
        assertTrue(findings.stream().anyMatch(f -> f.get("level").equals("ERROR") && num(f.get("row")) == 50
                && "PREV_FINAL".equals(f.get("column")) && "211,1000".equals(f.get("typed"))), findings::toString);
        assertTrue(findings.stream().anyMatch(f -> f.get("level").equals("ERROR") && num(f.get("row")) == 43
                && "CHANGE".equals(f.get("column"))), findings::toString);

        HttpResponse<String> r = staff.browser().json("GET", "/api/budget-lines?fiscalYear=2022&department=" + enc("시민협력국"), null, null);
        assertEquals(200, r.statusCode(), r.body());
        List<Map<String, Object>> lines = arr(ctx, r.body());
        Map<String, Object> proposals = line(lines, "시민제안 발굴 및 실행");
        assertEquals(790_300_000L, num(proposals.get("originalWon")));
        assertEquals(629_200_000L, num(proposals.get("prevFinalWon")));
        assertEquals(161_100_000L, num(proposals.get("changeWon")));
        assertEquals("25.6", proposals.get("changeRate"));
        Map<String, Object> deliberation = line(lines, "시민숙의예산 운영");
        assertEquals(-360_344_000L, num(deliberation.get("changeWon")));
        assertEquals("△41.3", deliberation.get("changeRate"));
        Map<String, Object> ngo = line(lines, "비영리민간단체 공익활동 등 지원");
        assertEquals(2_111_000_000L, num(ngo.get("prevFinalWon")), "T1 corrected value");
        assertEquals(17_820_000L, num(ngo.get("changeWon")));
        assertEquals("0.8", ngo.get("changeRate"));
        assertEquals("신규", line(lines, "시민참여예산 한마당총회 운영").get("changeRate"));

        importFile(staff, "fy2021-exec-2021-03-31-innovation-office.csv", 2021, null, true);
        List<Map<String, Object>> exec = arr(ctx, staff.browser().json("GET", "/api/budget-lines?fiscalYear=2021", null, null).body());
        Map<String, Object> share = line(exec, "공유서울 확산");
        assertEquals(1_004_500_000L, num(share.get("budgetCurrentWon")));
        assertEquals(242_500_000L, num(share.get("committedWon")));
        assertEquals(22_800_000L, num(share.get("spentWon")));
        assertEquals(0, new java.math.BigDecimal("2.3").compareTo(new java.math.BigDecimal(share.get("executionRate").toString())));
        Map<String, Object> park = line(exec, "서울혁신파크 조성사업");
        assertEquals(443_497_000L, num(park.get("finalWon")));
        assertEquals(200_000_000L, num(park.get("carriedOverWon")));
        assertEquals(643_497_000L, num(park.get("budgetCurrentWon")), "예산현액 = 최종 + 사고이월");
        Map<String, Object> detail = obj(ctx, staff.browser().json("GET", "/api/budget-lines/" + num(share.get("id")), null, null).body());
        assertEquals(1, ((List<?>) detail.get("snapshots")).size());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE action = 'budgetline.import.correct' AND reason LIKE 'T1:%'"));

        // the staff page shows the typed and the corrected value side by side
        long importId = num(plan.get("id"));
        HttpResponse<String> page = staff.browser().get("/staff/budget-lines/imports/" + importId);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("211,1000") && page.body().contains("2,111,000"), page.body());
    }

    @Test
    void annexTrapsAreShownWithoutCorrections() {
        BudgetApiSupport.User staff = staff();
        HttpResponse<String> up = BudgetApiSupport.postBytes(server.getURI(), "/api/budget-lines/imports?fiscalYear=2018&source=annex.csv",
                BundledReportTables.resource("fy2018-exec-2018-06-30-annex.csv"), "text/csv", staff.token());
        assertEquals(201, up.statusCode(), up.body());
        assertTrue(up.body().contains("5103,640"), "T12 typed value is reported: " + up.body());
    }

    @Test
    void importAcceptsJsonWithTheCsvAsText() {
        BudgetApiSupport.User staff = staff();
        String csv = new String(BundledReportTables.resource("fy2020-section-donation.csv"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\uFEFF", "").replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
        HttpResponse<String> up = staff.browser().json("POST", "/api/budget-lines/imports",
                "{\"fiscalYear\":2020,\"source\":\"donation.csv\",\"csv\":\"" + csv + "\"}", staff.token());
        assertEquals(201, up.statusCode(), up.body());
        assertTrue(up.body().contains("\"format\":\"EXEC_FORECAST\""), up.body());
        assertEquals(422, staff.browser().json("POST", "/api/budget-lines/imports", "{}", staff.token()).statusCode());
    }

    @Test
    void concurrentLinksNeverExceedTheBudgetCurrent() throws Exception {
        BudgetApiSupport.User staff = staff();
        HttpResponse<String> created = staff.browser().json("POST", "/api/budget-lines", """
                {"fiscalYear":2031,"bureau":"시민협력국","division":"시민참여과","programName":"동시 연결 시험 사업",
                 "originalWon":100000000,"carriedOverWon":0,"status":"CONFIRMED","published":true}""", staff.token());
        assertEquals(201, created.statusCode(), created.body());
        long id = num(obj(ctx, created.body()).get("id"));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            Callable<Integer> task = () -> staff.browser().json("POST", "/api/budget-lines/" + id + "/links",
                    "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":" + (70000 + n) + ",\"subjectTitle\":\"동시 사업 " + n
                            + "\",\"amountWon\":10000000,\"note\":\"동시성 시험 연결\"}", staff.token()).statusCode();
            results.add(pool.submit(task));
        }
        int ok = 0;
        int refused = 0;
        for (Future<Integer> f : results) {
            int status = f.get();
            if (status == 201) {
                ok++;
            } else if (status == 409) {
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(10, ok);
        assertEquals(14, refused);
        assertEquals(100_000_000L, count("SELECT SUM(amount_won) FROM funding WHERE budget_line_id = " + id));
        assertEquals(10, count("SELECT COUNT(*) FROM audit_event WHERE action = 'budgetline.link' AND subject_id = '" + id + "'"));
    }

    @Test
    void cutRequiresAPublicReasonAndNotifiesParticipants() throws Exception {
        BudgetApiSupport.User staff = staff();
        BudgetApiSupport.User citizen = BudgetApiSupport.user(ctx, server.getURI(), null);
        long id = num(obj(ctx, staff.browser().json("POST", "/api/budget-lines", """
                {"fiscalYear":2032,"bureau":"시민협력국","division":"시민숙의예산과","programName":"삭감 시험 사업",
                 "originalWon":50000000,"status":"COMPILED","published":true}""", staff.token()).body()).get("id"));
        assertEquals(201, staff.browser().json("POST", "/api/budget-lines/" + id + "/links",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":81001,\"subjectTitle\":\"여성이 안전한 공중화장실 설치\",\"amountWon\":50000000,\"note\":\"총회 승인 사업 연결\"}",
                staff.token()).statusCode());
        citizen.browser().get("/accountability/pb-project/81001");
        assertEquals(303, citizen.browser().post("/accountability/pb-project/81001/follow", Map.of()).statusCode());

        HttpResponse<String> noReason = staff.browser().json("PUT", "/api/budget-lines/" + id, "{\"status\":\"CUT\"}", staff.token());
        assertEquals(422, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("\"field\":\"reasonCode\""), noReason.body());
        HttpResponse<String> shortReason = staff.browser().json("PUT", "/api/budget-lines/" + id,
                "{\"status\":\"CUT\",\"reasonCode\":\"CUT\",\"reason\":\"너무 짧음\"}", staff.token());
        assertEquals(422, shortReason.statusCode());
        assertTrue(shortReason.body().contains("budget.reason-short"), shortReason.body());
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE account_id = " + citizen.account().id()));
        assertEquals("COMPILED", obj(ctx, staff.browser().json("GET", "/api/budget-lines/" + id, null, null).body()).get("status"));

        HttpResponse<String> cut = staff.browser().json("PUT", "/api/budget-lines/" + id,
                "{\"status\":\"CUT\",\"reasonCode\":\"CUT\",\"reason\":\"시의회 예산 심사에서 유사 사업과 통합되어 전액 삭감되었습니다.\"}", staff.token());
        assertEquals(200, cut.statusCode(), cut.body());
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE account_id = " + citizen.account().id()
                + " AND message LIKE '%삭감%' AND link = '/accountability/pb-project/81001'"));
        HttpResponse<String> timeline = citizen.browser().get("/accountability/pb-project/81001");
        assertTrue(timeline.body().contains("유사 사업과 통합되어 전액 삭감"), timeline.body());

        // a winner not funded at all: reason required, participants notified
        assertEquals(422, staff.browser().json("POST", "/api/funding/not-funded",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":81002,\"subjectTitle\":\"버스정보안내단말기(BIT) 설치\",\"note\":\"중복 사업 조정\"}",
                staff.token()).statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM funding WHERE subject_id = 81002"));
        assertEquals(201, staff.browser().json("POST", "/api/funding/not-funded",
                "{\"subjectKind\":\"PB_PROJECT\",\"subjectId\":81002,\"subjectTitle\":\"버스정보안내단말기(BIT) 설치\",\"reasonCode\":\"INFEASIBLE\","
                        + "\"publicReason\":\"교통 부서의 기존 확충 계획과 겹쳐 그 계획으로 추진합니다.\",\"note\":\"중복 사업 조정\"}",
                staff.token()).statusCode());
    }

    @Test
    void exportThenImportThroughHttpIsIdentical() throws Exception {
        BudgetApiSupport.User staff = staff();
        String[][] lines = {{"시민참여과", "왕복 시험 사업 가", "790300"}, {"시민참여과", "왕복 시험 사업 나", "214411"},
                {"시민숙의예산과", "왕복 시험 사업 다", "512502"}};
        for (String[] l : lines) {
            long id = num(obj(ctx, staff.browser().json("POST", "/api/budget-lines",
                    "{\"fiscalYear\":2024,\"bureau\":\"시민협력국\",\"division\":\"" + l[0] + "\",\"programName\":\"" + l[1]
                            + "\",\"originalWon\":" + l[2] + "000,\"carriedOverWon\":20000000,\"prevOriginalWon\":500000000,"
                            + "\"prevFinalWon\":450000000,\"status\":\"CONFIRMED\",\"published\":true}", staff.token()).body()).get("id"));
            assertEquals(201, staff.browser().json("POST", "/api/budget-lines/" + id + "/executions",
                    "{\"asOf\":\"2024-03-31\",\"committedWon\":120000000,\"spentWon\":45000000}", staff.token()).statusCode());
        }
        for (String format : List.of("EXEC", "EXEC_FORECAST", "PLAN")) {
            String path = "/api/budget-lines/export/table.csv?fiscalYear=2024&department=" + enc("시민협력국") + "&format=" + format
                    + "&asOf=2024-03-31";
            HttpResponse<byte[]> first = BudgetApiSupport.getBytes(staff.browser(), server.getURI() + path, null);
            assertEquals(200, first.statusCode());
            HttpResponse<String> up = BudgetApiSupport.postBytes(server.getURI(),
                    "/api/budget-lines/imports?fiscalYear=2024&source=roundtrip-" + format + ".csv", first.body(), "text/csv", staff.token());
            assertEquals(201, up.statusCode(), up.body());
            Map<String, Object> report = obj(ctx, up.body());
            assertEquals(3L, num(report.get("linesAccepted")), up.body());
            assertTrue(((List<?>) report.getOrDefault("findings", List.of())).stream().noneMatch(f -> ((Map<?, ?>) f).get("level").equals("ERROR")), up.body());
            HttpResponse<String> applied = staff.browser().json("POST", "/api/budget-lines/imports/" + num(report.get("id")) + "/apply", null, staff.token());
            assertEquals(200, applied.statusCode(), applied.body());
            HttpResponse<byte[]> second = BudgetApiSupport.getBytes(staff.browser(), server.getURI() + path, null);
            assertArrayEquals(first.body(), second.body(), format + " export → import → export is identical");
        }
        assertEquals(3, count("SELECT COUNT(*) FROM budget_line WHERE fiscal_year = 2024"));
        String csv = new String(BudgetApiSupport.getBytes(staff.browser(), server.getURI()
                + "/api/budget-lines/export/table.csv?fiscalYear=2024&department=" + enc("시민참여과") + "&format=EXEC&asOf=2024-03-31", null).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.contains("시민참여과,\"1,004,711\",\"1,044,711\",\"240,000\",\"90,000\",8.6"), csv);
    }

    @Test
    void accessRules() throws Exception {
        BudgetApiSupport.User staff = staff();
        BudgetApiSupport.User auditor = BudgetApiSupport.user(ctx, server.getURI(), Role.AUDITOR);
        BudgetApiSupport.User citizen = BudgetApiSupport.user(ctx, server.getURI(), null);
        String body = "{\"fiscalYear\":2034,\"bureau\":\"시민협력국\",\"programName\":\"비공개 시험 사업\",\"originalWon\":1000000,\"published\":false}";
        kr.hamkke.testing.Browser anonymous = new kr.hamkke.testing.Browser(server.getURI());
        long before = count("SELECT COUNT(*) FROM budget_line");
        assertEquals(401, anonymous.json("POST", "/api/budget-lines", body, null).statusCode());
        assertEquals(403, citizen.browser().json("POST", "/api/budget-lines", body, citizen.token()).statusCode());
        assertEquals(403, auditor.browser().json("POST", "/api/budget-lines", body, auditor.token()).statusCode());
        assertEquals(before, count("SELECT COUNT(*) FROM budget_line"));
        HttpResponse<String> created = staff.browser().json("POST", "/api/budget-lines", body, staff.token());
        assertEquals(201, created.statusCode(), created.body());
        long id = num(obj(ctx, created.body()).get("id"));

        assertEquals(404, anonymous.json("GET", "/api/budget-lines/" + id, null, null).statusCode());
        assertEquals(404, citizen.browser().json("GET", "/api/budget-lines/" + id, null, citizen.token()).statusCode());
        assertEquals(200, auditor.browser().json("GET", "/api/budget-lines/" + id, null, auditor.token()).statusCode());
        assertTrue(!anonymous.json("GET", "/api/budget-lines?fiscalYear=2034", null, null).body().contains("비공개 시험 사업"));
        assertTrue(auditor.browser().json("GET", "/api/budget-lines?fiscalYear=2034", null, auditor.token()).body().contains("비공개 시험 사업"));
        assertEquals(404, anonymous.get("/accountability/lines/" + id).statusCode());

        assertEquals(200, auditor.browser().get("/staff/budget-lines/" + id).statusCode());
        assertEquals(403, auditor.browser().post("/staff/budget-lines/" + id + "/executions",
                Map.of("asOf", "2034-01-31", "committed", "1", "spent", "0")).statusCode());
        assertEquals(403, citizen.browser().get("/staff/budget-lines").statusCode());
        assertEquals(303, anonymous.get("/staff/budget-lines").statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM execution_snapshot WHERE budget_line_id = " + id));
    }

    @Test
    void badInputIsRefusedWithClearErrorsAndChangesNothing() throws Exception {
        BudgetApiSupport.User staff = staff();
        long before = count("SELECT COUNT(*) FROM budget_line");
        HttpResponse<String> negative = staff.browser().json("POST", "/api/budget-lines",
                "{\"fiscalYear\":2035,\"bureau\":\"시민협력국\",\"programName\":\"잘못된 사업\",\"originalWon\":-5000}", staff.token());
        assertEquals(422, negative.statusCode());
        assertTrue(negative.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(negative.body().contains("\"field\":\"originalWon\""), negative.body());
        assertEquals(422, staff.browser().json("POST", "/api/budget-lines",
                "{\"fiscalYear\":2035,\"bureau\":\"서울특별시청\",\"programName\":\"잘못된 사업\",\"originalWon\":5000}", staff.token()).statusCode());
        assertEquals(422, staff.browser().json("POST", "/api/budget-lines",
                "{\"fiscalYear\":2035,\"bureau\":\"시민협력국\",\"programName\":\"잘못된 사업\",\"originalWon\":5500}", staff.token()).statusCode());
        assertEquals(400, staff.browser().json("POST", "/api/budget-lines", "{\"fiscalYear\":", staff.token()).statusCode());
        assertEquals(before, count("SELECT COUNT(*) FROM budget_line"));

        long id = num(obj(ctx, staff.browser().json("POST", "/api/budget-lines",
                "{\"fiscalYear\":2025,\"bureau\":\"시민협력국\",\"programName\":\"입력 검증 사업\",\"originalWon\":10000000,\"published\":true}",
                staff.token()).body()).get("id"));
        assertEquals(201, staff.browser().json("POST", "/api/budget-lines/" + id + "/executions",
                "{\"asOf\":\"2025-06-30\",\"committedWon\":5000000,\"spentWon\":1000000}", staff.token()).statusCode());
        assertEquals(409, staff.browser().json("POST", "/api/budget-lines/" + id + "/executions",
                "{\"asOf\":\"2025-06-30\",\"committedWon\":6000000,\"spentWon\":1000000}", staff.token()).statusCode());
        HttpResponse<String> overspent = staff.browser().json("POST", "/api/budget-lines/" + id + "/executions",
                "{\"asOf\":\"2025-07-31\",\"committedWon\":5000000,\"spentWon\":6000000}", staff.token());
        assertEquals(422, overspent.statusCode());
        assertTrue(overspent.body().contains("spentWon"), overspent.body());
        assertEquals(422, staff.browser().json("POST", "/api/budget-lines/" + id + "/executions",
                "{\"asOf\":\"2025-13-01\",\"committedWon\":1000,\"spentWon\":0}", staff.token()).statusCode());
        assertEquals(1, count("SELECT COUNT(*) FROM execution_snapshot WHERE budget_line_id = " + id));
        assertEquals(5_000_000L, count("SELECT committed_won FROM execution_snapshot WHERE budget_line_id = " + id));

        // the same rules on the staff form: 422 page with an error summary
        staff.browser().get("/staff/budget-lines/new");
        HttpResponse<String> form = staff.browser().post("/staff/budget-lines", Map.of("fiscalYear", "2035", "bureau", "시민협력국",
                "programName", "폼 시험 사업", "original", "12,34"));
        assertEquals(422, form.statusCode());
        assertTrue(form.body().contains("class=\"error-summary\"") && form.body().contains("href=\"#original\""), form.body());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM budget_line"));
    }
}
