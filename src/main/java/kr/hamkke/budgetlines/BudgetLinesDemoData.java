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
 * one on pace, one IDLE, one FORECAST_GAP (DOMAIN §10.5) — funding the winners of the budgeting, proposals and
 * assembly demo data, found by title (a reduced, a not-funded and a council-cut decision among them).
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
        // the 2018 (시민참여) lines of DOMAIN §10.5 fund the demo 2018 PB projects of the same name (the ones the
        // 2018 tally and 한마당 총회 adopted); each one 100% spent by ’18.6.30 gets its completion report
        for (BudgetLine l : store.lines(2018, null, false)) {
            if (!l.pbTag()) {
                continue;
            }
            String title = l.programName().replace("(시민참여)", "").strip();
            winner(SubjectKind.PB_PROJECT, title).ifPresent(w -> {
                long amount = Math.min(l.budgetCurrentWon(), w.decidedWon() == null ? l.budgetCurrentWon() : w.decidedWon());
                service.link(DEMO, l.id(), new LinkInput("PB_PROJECT", w.id(), null, "FUNDED", amount, null, null,
                        "2018 시민참여예산 총회 승인 사업 (보고서 별첨 1의 (시민참여) 사업)"));
                store.update("UPDATE funding SET created_at = ? WHERE subject_kind = 'PB_PROJECT' AND subject_id = ?",
                        LocalDate.of(2018, 9, 3).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), w.id());
                store.snapshots(l.id()).stream().filter(sn -> sn.spentWon() == l.budgetCurrentWon() && sn.spentWon() > 0)
                        .findFirst().ifPresent(sn -> service.addMilestone(DEMO, SubjectKind.PB_PROJECT, w.id(),
                                sn.asOf().toString(), "예산 전액 집행 (’18.6.30. 기준 100%) — 완료 보고", true));
            });
        }
    }

    /** A winner of the other features' demo data, found by its title (they seed before us: order 10–30). */
    private java.util.Optional<FundingSubjects.SubjectSummary> winner(SubjectKind kind, String title) {
        String wanted = title.replaceAll("\\s+", "");
        return service.candidates().stream().filter(c -> c.kind() == kind && c.winner()
                && c.title().replaceAll("\\s+", "").equals(wanted)).findFirst();
    }

    void loadLiveYear() {
        LocalDate today = LocalDate.now(clock);
        int y = today.getYear();
        long k = 1000;
        BudgetLine toilets = service.create(DEMO, line(y, "시민협력국", "시민숙의예산과", "여성이 안전한 공중화장실 설치 지원", 500_000 * k, "11440"));
        BudgetLine playground = service.create(DEMO, line(y, "시민협력국", "시민숙의예산과", "공공형 실내 놀이터 설치", 300_000 * k, null));
        BudgetLine wifi = service.create(DEMO, line(y, "시민협력국", "시민참여과", "전통시장 공유 와이파이 구축", 1_004_500 * k, null));
        BudgetLine learning = service.create(DEMO, line(y, "시민협력국", "시민참여과", "다문화 가정 어린이 방문학습 지도", 120_000 * k, "11500"));
        // the mayor answered "내년 예산에 반영": a line compiled in next year's budget, no execution yet
        BudgetLine ivf = service.create(DEMO, new LineInput(y + 1, "시민건강국", "건강증진과", "서울형 난임부부 시술비 지원", null,
                "PROGRAM", 2_000_000 * k, 2_000_000 * k, 0L, null, null, false, null, "COMPILED", null, null, true));
        BudgetLine solar = service.create(DEMO, line(y, "기후환경국", "녹색에너지과", "공공건물 옥상 태양광 설치", 1_500_000 * k, null));
        BudgetLine farming = service.create(DEMO, line(y, "시민협력국", "시민숙의예산과", "청년 귀농·귀촌 지원 프로젝트", 150_000 * k, null));

        // winners of the budgeting, proposals and assembly demo data, found by title
        winner(SubjectKind.PB_PROJECT, "여성이 안전한 공중화장실 설치").ifPresent(w -> service.link(DEMO, toilets.id(),
                new LinkInput("PB_PROJECT", w.id(), null, "FUNDED", Math.min(450_000 * k, amount(w, 450_000 * k)), null, null,
                        "시민참여예산 총회 승인 사업, 마포구 12개소")));
        winner(SubjectKind.PB_PROJECT, "미세먼지 NO, 공공형 실내 놀이터 설치").ifPresent(w -> service.link(DEMO, playground.id(),
                new LinkInput("PB_PROJECT", w.id(), null, amount(w, 300_000 * k) > 300_000 * k ? "REDUCED" : "FUNDED",
                        Math.min(300_000 * k, amount(w, 300_000 * k)), "REDUCED", "부지 두 곳 중 한 곳이 학교 시설로 확정되어 1개소 설치비로 감액 반영했습니다.",
                        "시민참여예산 총회 승인 사업, 1개소로 감액")));
        winner(SubjectKind.PB_PROJECT, "다문화 가정 어린이 방문학습 지도").ifPresent(w -> service.link(DEMO, learning.id(),
                new LinkInput("PB_PROJECT", w.id(), null, "FUNDED", Math.min(120_000 * k, amount(w, 120_000 * k)), null, null,
                        "시민참여예산 총회 승인 사업")));
        winner(SubjectKind.PROPOSAL, "서울형 난임부부 시술비 지원").ifPresent(w -> service.link(DEMO, ivf.id(),
                new LinkInput("PROPOSAL", w.id(), null, "FUNDED", 2_000_000 * k, null, null,
                        "민주주의 서울 수용 제안, 시장 답변에 따라 내년 예산에 편성")));
        winner(SubjectKind.POLICY_PROPOSAL, "공공건물 옥상 태양광 의무화").ifPresent(w -> service.link(DEMO, solar.id(),
                new LinkInput("POLICY_PROPOSAL", w.id(), null, "FUNDED", 1_500_000 * k, null, null,
                        "서울시민회의 채택 정책제안, 1단계 공공건물 40개소")));
        winner(SubjectKind.POLICY_PROPOSAL, "일회용품 없는 축제 조례").ifPresent(w -> service.decideNotFunded(DEMO,
                new LinkInput("POLICY_PROPOSAL", w.id(), null, "NOT_FUNDED", null, "NOT_ACCEPTED",
                        "조례 제정으로 추진하는 제안이라 별도 예산 사업 없이 기존 축제 예산 안에서 다회용기를 지원합니다.",
                        "예산 사업 아님")));
        // a winner whose money the council cut: the line records the council's public reason and notifies
        winner(SubjectKind.PB_PROJECT, "청년 귀농·귀촌 지원 프로젝트").ifPresent(w -> {
            service.link(DEMO, farming.id(), new LinkInput("PB_PROJECT", w.id(), null, "FUNDED",
                    Math.min(150_000 * k, amount(w, 150_000 * k)), null, null, "시민참여예산 총회 승인 사업"));
            service.update(DEMO, farming.id(), new LineInput(null, null, null, null, null, null, null, null, null, null, null,
                    null, null, "CUT", "CUT", "시의회 예산 심사에서 농림부 귀농 지원사업과 중복된다는 이유로 전액 삭감되었습니다.", null));
        });

        // the decisions were made at the start of the year (before the monthly snapshots)
        store.update("UPDATE funding SET created_at = ? WHERE budget_line_id IN (?,?,?,?,?,?) OR (budget_line_id IS NULL AND note = ?)",
                LocalDate.of(y, 1, 2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), toilets.id(), playground.id(),
                wifi.id(), learning.id(), solar.id(), farming.id(), "예산 사업 아님");
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
            if (m >= 4) {
                // the solar programme starts with the spring tender
                snapshot(solar, end, Math.min(1_500_000 * k, 200_000 * k * (m - 3)), 150_000 * k * (m - 3), null);
            }
        }
        winner(SubjectKind.PB_PROJECT, "여성이 안전한 공중화장실 설치").ifPresent(w -> {
            service.addMilestone(DEMO, SubjectKind.PB_PROJECT, w.id(), LocalDate.of(y, 3, 15).toString(),
                    "설치 대상 12개 공중화장실 선정 및 실시설계 착수", false);
            if (today.getMonthValue() > 7) {
                service.addMilestone(DEMO, SubjectKind.PB_PROJECT, w.id(), LocalDate.of(y, 7, 20).toString(),
                        "1차 6개소 비상벨·안심거울 설치 완료", false);
            }
        });
    }

    private static long amount(FundingSubjects.SubjectSummary w, long fallback) {
        return w.decidedWon() == null ? fallback : w.decidedWon();
    }

    private static LineInput line(int year, String bureau, String division, String name, long won, String gu) {
        return new LineInput(year, bureau, division, name, null, "PROGRAM", won, won, 0L, null, null, true, gu,
                "CONFIRMED", null, null, true);
    }

    private void snapshot(BudgetLine line, LocalDate asOf, long committed, long spent, Long forecast) {
        service.recordSnapshot(DEMO, line.id(), new SnapshotInput(asOf.toString(), committed, spent, forecast));
    }
}
