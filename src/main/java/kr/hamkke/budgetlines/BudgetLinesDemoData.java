package kr.hamkke.budgetlines;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.budgetlines.csv.BundledReportTables;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.demo.DemoData;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo budget lines: the reports' real tables for 2018–2022 loaded through the importer (the known errors
 * resolved by correction notes, as staff would), and live lines for the current year with monthly snapshots —
 * one on pace, one IDLE, one FORECAST_GAP (DOMAIN §10.5) — funding a few demo subjects.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
class BudgetLinesDemoData implements DemoData {

    static final Actor DEMO = new Actor(null, "SYSTEM");
    private static final Pattern YEAR = Pattern.compile("^fy(\\d{4})-");
    private static final Map<String, String> BUREAUS = Map.of(
            "fy2022-plan-citizen-cooperation-bureau.csv", "시민협력국",
            "fy2022-plan-summary-by-division.csv", "시민협력국");
    private static final Map<String, LocalDate> AS_OF = Map.of(
            "2018", LocalDate.of(2018, 6, 30), "2020", LocalDate.of(2020, 9, 30));

    private final BudgetLineStore store;
    private final BudgetImportService imports;
    private final BudgetLineService service;
    private final Clock clock;

    BudgetLinesDemoData(BudgetLineStore store, BudgetImportService imports, BudgetLineService service, Clock clock) {
        this.store = store;
        this.imports = imports;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty() {
        if (store.one("SELECT COUNT(*) FROM budget_line", rs -> rs.getLong(1)).orElse(0L) > 0) {
            return false;
        }
        loadReports();
        loadLiveYear();
        return true;
    }

    void loadReports() {
        var corrections = BundledReportTables.corrections();
        for (String report : List.of("000", "001", "002", "004")) {
            for (String file : BundledReportTables.BY_REPORT.get(report)) {
                Matcher m = YEAR.matcher(file);
                if (!m.find()) {
                    continue;
                }
                int year = Integer.parseInt(m.group(1));
                LocalDate asOf = file.contains("-section-") ? AS_OF.get(m.group(1)) : null;
                var view = imports.upload(DEMO, file, BundledReportTables.resource(file), year, BUREAUS.get(file), asOf);
                for (var c : corrections.getOrDefault(file, List.of())) {
                    view = imports.correct(DEMO, view.record().id(), c.row(), c.column().name(), c.value(), c.note());
                }
                if (!view.report().rejected()) {
                    imports.apply(DEMO, view.record().id());
                }
            }
        }
        // the 2018 (시민참여) line of DOMAIN §7.3, funded by a citizen project and completed
        store.lines(2018, null, false).stream().filter(l -> l.programName().startsWith("강남구 공구도서관 운영"))
                .findFirst().ifPresent(l -> {
                    store.update("UPDATE budget_line SET gu_code = '11680' WHERE id = ?", l.id());
                    service.link(DEMO, l.id(), new LinkInput("PB_PROJECT", 2018001L, "강남구 공구도서관 운영",
                            "FUNDED", l.budgetCurrentWon(), null, null, "2018 시민참여예산 선정 사업 (보고서 별첨 1)"));
                    store.update("UPDATE funding SET created_at = ? WHERE subject_id = 2018001",
                            LocalDate.of(2018, 1, 15).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
                    service.addMilestone(DEMO, SubjectKind.PB_PROJECT, 2018001L, "2018-06-30",
                            "공구도서관 운영 예산 전액 집행 (’18.6.30. 기준 100%)", true);
                });
    }

    void loadLiveYear() {
        LocalDate today = LocalDate.now(clock);
        int y = today.getYear();
        long k = 1000;
        BudgetLine toilets = service.create(DEMO, line(y, "시민숙의예산과", "여성이 안전한 공중화장실 설치 지원", 500_000 * k, "11440"));
        BudgetLine playground = service.create(DEMO, line(y, "시민숙의예산과", "공공형 실내 놀이터 설치", 300_000 * k, null));
        BudgetLine wifi = service.create(DEMO, line(y, "시민참여과", "전통시장 공유 와이파이 구축", 1_004_500 * k, null));
        BudgetLine learning = service.create(DEMO, line(y, "시민참여과", "다문화 가정 어린이 방문학습 지도", 120_000 * k, "11500"));

        service.link(DEMO, toilets.id(), new LinkInput("PB_PROJECT", 9001L, "여성이 안전한 공중화장실 설치", "FUNDED",
                450_000 * k, null, null, "시민참여예산 총회 승인 사업, 마포구 12개소"));
        service.link(DEMO, playground.id(), new LinkInput("PB_PROJECT", 9002L, "미세먼지 NO, 공공형 실내 놀이터 설치",
                "FUNDED", 300_000 * k, null, null, "시민참여예산 총회 승인 사업"));
        service.link(DEMO, wifi.id(), new LinkInput("PROPOSAL", 9003L, "전통시장 공유 와이파이 구축", "REDUCED",
                600_000 * k, "REDUCED", "시장 상인회와 협의한 결과 1단계 20개 시장으로 범위를 줄여 감액 반영했습니다.",
                "민주주의 서울 채택 제안, 1단계 범위로 감액"));
        service.link(DEMO, learning.id(), new LinkInput("POLICY_PROPOSAL", 9004L, "다문화 가정 어린이 방문학습 지도",
                "FUNDED", 120_000 * k, null, null, "서울시민회의 채택 정책제안"));
        service.decideNotFunded(DEMO, new LinkInput("PB_PROJECT", 9005L, "버스정보안내단말기(BIT) 설치", "NOT_FUNDED",
                null, "INFEASIBLE", "교통 부서의 기존 BIT 확충 계획과 겹쳐 별도 예산 없이 그 계획으로 추진합니다.",
                "중복 사업 조정"));

        // the links were decided at the start of the year (before the monthly snapshots)
        store.update("UPDATE funding SET created_at = ? WHERE subject_id IN (9001, 9002, 9003, 9004, 9005)",
                LocalDate.of(y, 1, 2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        for (int m = 1; m < today.getMonthValue(); m++) {
            LocalDate end = YearMonth.of(y, m).atEndOfMonth();
            // on pace: spending follows the calendar
            long paced = 500_000 * k * m / 12 / k * k;
            snapshot(toilets, end, Math.min(500_000 * k, paced + 40_000 * k), paced, null);
            // IDLE: nothing committed all year
            snapshot(playground, end, 0, 0, null);
            // FORECAST_GAP, modelled on 공유서울 확산 (242,500 committed, 22,800 spent, 100% stated)
            long committed = Math.min(242_500 * k, 30_000 * k * m);
            snapshot(wifi, end, committed, Math.min(committed, 2_500 * k * m), 1_004_500 * k);
            snapshot(learning, end, Math.min(120_000 * k, 12_000 * k * m), 10_000 * k * m > 120_000 * k ? 120_000 * k
                    : 10_000 * k * m, null);
        }
        service.addMilestone(DEMO, SubjectKind.PB_PROJECT, 9001L, LocalDate.of(y, 3, 15).toString(),
                "설치 대상 12개 공중화장실 선정 및 실시설계 착수", false);
        if (today.getMonthValue() > 7) {
            service.addMilestone(DEMO, SubjectKind.PB_PROJECT, 9001L, LocalDate.of(y, 7, 20).toString(),
                    "1차 6개소 비상벨·안심거울 설치 완료", false);
        }
    }

    private static LineInput line(int year, String division, String name, long won, String gu) {
        return new LineInput(year, "시민협력국", division, name, null, "PROGRAM", won, won, 0L, null, null, true, gu,
                "CONFIRMED", null, null, true);
    }

    private void snapshot(BudgetLine line, LocalDate asOf, long committed, long spent, Long forecast) {
        service.recordSnapshot(DEMO, line.id(), new SnapshotInput(asOf.toString(), committed, spent, forecast));
    }
}
