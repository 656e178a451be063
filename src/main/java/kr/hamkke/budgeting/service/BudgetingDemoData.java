package kr.hamkke.budgeting.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.demo.DemoData;

/**
 * DOMAIN §10.3/§10.6: the 2018 cycle with published results (real project titles and the FY2018
 * (시민참여) amounts) and the live "{Y} 시민공감예산" cycle in VOTING, with ballots from the demo citizens.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
public class BudgetingDemoData implements DemoData {

    private final Db db;
    private final CycleService cycles;
    private final TallyService tallies;
    private final AuditLog audit;
    private final Clock clock;

    BudgetingDemoData(Db db, CycleService cycles, TallyService tallies, AuditLog audit, Clock clock) {
        this.db = db;
        this.cycles = cycles;
        this.tallies = tallies;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    private record Voter(long accountId, String identityHash, LocalDate birth, String gu) {
    }

    private static final String[][] PAST = {
            {"여성이 안전한 공중화장실 설치", "안전", "300000000"},
            {"다문화 가정 어린이 방문학습 지도", "교육", "120000000"},
            {"청년 귀농·귀촌 지원 프로젝트", "일자리", "150000000"},
            {"버스정보안내단말기(BIT) 설치", "교통", "250000000"},
            {"미세먼지 NO, 공공형 실내 놀이터 설치", "환경", "400000000"},
            {"전통시장 공유 와이파이 구축", "경제", "90000000"},
            {"저출생 해결을 위한 주민주도형 대안공간 설치", "복지", "200000000"},
            {"강남구 공구도서관 운영", "공동체", "50000000"},
            {"지하보도 공유공간 조성", "도시", "60000000"},
            {"우리동네 마을밥집 지원", "복지", "200000000"},
            {"합정동 꾸머 로드", "문화", "10000000"},
            {"찾아가는 우리동네 음악회", "문화", "20000000"},
            {"지역기반형 청년인재육성 프로그램", "일자리", "30000000"}};

    private static final String[][] LIVE_TRACKS = {
            // code, name, scope, unit, envelope, rule, maxPicks, allocation, source
            {"ZW", "제로웨이스트·자원순환", "CITY", null, "2000000000", "APPROVAL", "3", "GREEDY", "AGENDA"},
            {"CARE", "지역돌봄", "CITY", null, "2000000000", "APPROVAL", "3", "MES", "AGENDA"},
            {"FOOD", "먹거리 취약계층 공유주방", "CITY", null, "2000000000", "APPROVAL", "3", "GREEDY", "AGENDA"},
            {"DS", "민주주의서울 연계형", "CITY", null, "1000000000", "APPROVAL", "2", "GREEDY", "DS_LINKED"},
            {"MAPO", "마포구 구단위", "GU", "11440", "500000000", "KNAPSACK", "8", "GREEDY", "OPEN_CALL"}};

    private static final String[][] LIVE_TITLES = {
            {"다회용컵 공유 세척센터 설치", "아파트 단지 투명페트병 분리배출 거점", "전통시장 장바구니 대여소", "폐의류 업사이클링 공방 운영",
                    "공공청사 음식물 퇴비화 시설", "동네 수리상점(리페어카페) 지원", "어린이집 다회용 식판 지원", "커피박 재활용 화분 만들기"},
            {"홀몸어르신 안부확인 스마트플러그", "경로당 치매예방 프로그램", "장애인 가족 휴식지원 캠프", "아이돌봄 공유공간 조성",
                    "돌봄노동자 쉼터 설치", "방문 건강관리 간호사 확대", "발달장애 청년 일자리 카페", "야간 긴급돌봄 센터 운영"},
            {"먹거리 취약계층 공유주방 조성", "결식아동 주말 도시락 지원", "1인가구 함께 밥상 프로그램", "어르신 반찬나눔 공유부엌",
                    "푸드뱅크 냉장 배송차량 도입", "청년 공유주방 창업교실", "지역 농산물 나눔 냉장고 설치", "다문화 가정 요리교실"},
            {"자전거도로 단절구간 연결", "지하철역 엘리베이터 안내 개선", "공원 내 반려견 놀이터", "골목길 보행안전 LED 조명",
                    "학교 앞 보행로 확보", "한강 접근 보행육교 경사로", "청소년 자치공간 조성", "공공 와이파이 사각지대 해소"},
            {"망원시장 고객쉼터 설치", "성미산 숲길 정비", "경의선숲길 야간 안전조명", "마포 청년 공유오피스",
                    "연남동 골목 쓰레기 거점", "상암동 어린이 물놀이터 그늘막", "공덕역 주변 자전거 거치대", "합정역 보행 안내판 개선"}};

    @Override
    @Transactional
    public boolean seedIfEmpty() {
        if (db.count("SELECT COUNT(*) FROM pb_cycle") > 0) {
            return false;
        }
        List<Voter> voters = db.list("""
                SELECT a.id, v.identity_hash, v.birth_date, (SELECT r.gu_code FROM relation r WHERE r.account_id = a.id ORDER BY r.id LIMIT 1)
                FROM account a JOIN verification v ON v.account_id = a.id WHERE a.email LIKE 'citizen%@demo.hamkke.kr' ORDER BY a.id""",
                rs -> new Voter(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)));
        if (voters.isEmpty()) {
            return false;
        }
        Random random = new Random(20180805L);
        Instant now = clock.instant();
        LocalDate d = LocalDate.now(clock);

        // Budget school graduates (예산학교) and the panel member vote in their groups.
        List<Object[]> school = new ArrayList<>();
        for (int i = 0; i < 30 && i < voters.size(); i++) {
            school.add(new Object[] {voters.get(i).accountId(), "PB-SCHOOL-" + d.getYear(), i % 2 == 0 ? "ONLINE" : "OFFLINE",
                    Timestamp.from(now.minusSeconds(86400L * 200))});
        }
        db.batch("INSERT INTO pb_budget_school (account_id, course_code, mode, completed_at) VALUES (?,?,?,?)", school);

        // ---- 2018: a complete past cycle with published results --------------------------------
        Map<PhaseKind, LocalDate[]> past = new EnumMap<>(PhaseKind.class);
        past.put(PhaseKind.SUBMISSION, dates("2018-03-01", "2018-04-30"));
        past.put(PhaseKind.SCREENING, dates("2018-05-01", "2018-05-15"));
        past.put(PhaseKind.FEASIBILITY, dates("2018-05-16", "2018-06-30"));
        past.put(PhaseKind.DELIBERATION, dates("2018-07-01", "2018-07-31"));
        past.put(PhaseKind.VOTING, dates("2018-08-03", "2018-08-23"));
        past.put(PhaseKind.TALLY, dates("2018-08-24", "2018-08-27"));
        past.put(PhaseKind.ASSEMBLY, dates("2018-08-29", "2018-08-29"));
        past.put(PhaseKind.EXECUTION, dates("2018-09-01", "2018-12-31"));
        long pastCycle = cycles.createCycle(Actor.SYSTEM, "2018 시민참여예산", 2018, "LEGACY", past);
        long pastTrack = db.insert("""
                INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, envelope_won, ballot_rule, max_picks, allocation, source)
                VALUES (?,'GW','광역 시민참여형','City-wide','CITY',1000000000,'APPROVAL',5,'GREEDY','OPEN_CALL')""", pastCycle);
        List<Long> pastProjects = new ArrayList<>();
        for (int i = 0; i < PAST.length; i++) {
            pastProjects.add(project(pastCycle, pastTrack, "PB-2018-GW-" + String.format("%03d", i + 1), PAST[i][0], PAST[i][1],
                    Long.parseLong(PAST[i][2]), null, now));
        }
        ballots(pastTrack, pastProjects, voters, 5, 0.8, random, null, LocalDate.of(2018, 8, 23), now);
        tallies.run(Actor.SYSTEM, pastTrack, true);
        tallies.publish(Actor.SYSTEM, pastTrack, true);
        tallies.recordAssembly(Actor.SYSTEM, pastCycle, LocalDate.of(2018, 8, 29), 250, 231, 9, 10, true);

        // ---- {Y} 시민공감예산: live, in VOTING -----------------------------------------------------
        int year = d.getYear();
        Map<PhaseKind, LocalDate[]> live = new EnumMap<>(PhaseKind.class);
        live.put(PhaseKind.AGENDA, new LocalDate[] {d.minusDays(120), d.minusDays(100)});
        live.put(PhaseKind.SUBMISSION, new LocalDate[] {d.minusDays(99), d.minusDays(60)});
        live.put(PhaseKind.SCREENING, new LocalDate[] {d.minusDays(59), d.minusDays(50)});
        live.put(PhaseKind.FEASIBILITY, new LocalDate[] {d.minusDays(49), d.minusDays(25)});
        live.put(PhaseKind.DELIBERATION, new LocalDate[] {d.minusDays(24), d.minusDays(8)});
        live.put(PhaseKind.VOTING, new LocalDate[] {d.minusDays(7), d.plusDays(13)});
        live.put(PhaseKind.TALLY, new LocalDate[] {d.plusDays(14), d.plusDays(17)});
        live.put(PhaseKind.ASSEMBLY, new LocalDate[] {d.plusDays(19), d.plusDays(19)});
        live.put(PhaseKind.EXECUTION, new LocalDate[] {d.plusDays(20), d.plusDays(120)});
        long liveCycle = cycles.createCycle(Actor.SYSTEM, year + " 시민공감예산", year, "GONGGAM", live);
        int seq = 0;
        for (int t = 0; t < LIVE_TRACKS.length; t++) {
            String[] spec = LIVE_TRACKS[t];
            long envelope = Long.parseLong(spec[4]);
            long trackId = db.insert("""
                    INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, scope_unit, envelope_won, running_org_unit,
                      funding_org_unit, ballot_rule, max_picks, rule_param, allocation, source) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                    liveCycle, spec[0], spec[1], spec[0], spec[2], spec[3], envelope, "BUDGET", "BUDGET", spec[5],
                    Integer.parseInt(spec[6]), 0, spec[7], spec[8]);
            List<Long> onBallot = new ArrayList<>();
            for (int i = 0; i < LIVE_TITLES[t].length; i++) {
                seq++;
                long unit = envelope / 20;
                long cost = unit * (2 + random.nextInt(9));
                onBallot.add(project(liveCycle, trackId, "PB-" + year + "-" + spec[0] + "-" + String.format("%03d", i + 1),
                        LIVE_TITLES[t][i], spec[1], cost, "GU".equals(spec[2]) ? spec[3] : null, now));
            }
            // A few that did not make the ballot, each with its public reason.
            otherStatus(liveCycle, trackId, "PB-" + year + "-" + spec[0] + "-101", spec[1] + " 관련 시설 인건비 지원", "INELIGIBLE",
                    "RUNNING_COST", "인건비·운영비는 구단위 및 시민참여예산 사업비로 지원할 수 없어 부적격입니다.", envelope / 10, now);
            otherStatus(liveCycle, trackId, "PB-" + year + "-" + spec[0] + "-102", spec[1] + " 대형 복합시설 신축", "INFEASIBLE",
                    "INFEASIBLE", "부지 확보와 설계에 3년 이상 걸려 같은 해 집행이 불가능하다는 검토 결과입니다.", envelope / 2, now);
            if ("MAPO".equals(spec[0])) {
                ballots(trackId, onBallot, voters.stream().filter(v -> "11440".equals(v.gu())).toList(), 3, 0.9, random, spec[5],
                        d.plusDays(13), now);
            } else {
                ballots(trackId, onBallot, voters, Integer.parseInt(spec[6]), 0.75, random, null, d.plusDays(13), now);
            }
        }
        seq += closedVote(d, voters, random, now);
        // 예산학교 is the precondition of committee work (V25): every demo committee member (panel@) has
        // completed it for every demo cycle, so they can take committee decisions.
        db.update("""
                INSERT INTO pb_school_completion (cycle_id, account_id, completed_on, course_note, recorded_by, recorded_at)
                SELECT c.id, g.account_id, ?, '예산학교 기본과정 (데모)', NULL, ?
                FROM pb_cycle c JOIN role_grant g ON g.role = 'PANEL_MEMBER' AND g.valid_to IS NULL""", d.minusDays(1), now);
        audit.record(Actor.SYSTEM, "demo.seed", "demo", "budgeting", "cycles=3 projects=" + (PAST.length + seq));
        return true;
    }

    private static final String[] CLOSED_TITLES = {"어린이 통학로 옐로카펫 설치", "어르신 무더위 쉼터 냉방기 교체", "청년 1인가구 안심 귀갓길 조성",
            "공원 무장애 산책로 조성", "동네 공공 도서관 야간 개방", "장애인 이동지원 전동보장구 충전소", "골목 화재 대비 보이는 소화기 설치",
            "반지하 주택 침수 방지 물막이판 지원"};

    /**
     * "{Y} 시민참여예산 추가 공모": one city track whose vote closed yesterday and whose TALLY phase is
     * today, with ballots but no count yet, so staff can run the tally and publish (the browser journey
     * does; phases are calendar days, so a cycle voted on today cannot also be counted today).
     */
    private int closedVote(LocalDate d, List<Voter> voters, Random random, Instant now) {
        Map<PhaseKind, LocalDate[]> phases = new EnumMap<>(PhaseKind.class);
        phases.put(PhaseKind.SUBMISSION, new LocalDate[] {d.minusDays(80), d.minusDays(61)});
        phases.put(PhaseKind.SCREENING, new LocalDate[] {d.minusDays(60), d.minusDays(51)});
        phases.put(PhaseKind.FEASIBILITY, new LocalDate[] {d.minusDays(50), d.minusDays(31)});
        phases.put(PhaseKind.DELIBERATION, new LocalDate[] {d.minusDays(30), d.minusDays(15)});
        phases.put(PhaseKind.VOTING, new LocalDate[] {d.minusDays(14), d.minusDays(1)});
        phases.put(PhaseKind.TALLY, new LocalDate[] {d, d.plusDays(6)});
        phases.put(PhaseKind.ASSEMBLY, new LocalDate[] {d.plusDays(10), d.plusDays(10)});
        phases.put(PhaseKind.EXECUTION, new LocalDate[] {d.plusDays(30), d.plusDays(200)});
        long cycle = cycles.createCycle(Actor.SYSTEM, d.getYear() + " 시민참여예산 추가 공모", d.getYear(), "GONGGAM", phases);
        long envelope = 1_000_000_000L;
        long track = db.insert("""
                INSERT INTO pb_track (cycle_id, code, name_ko, name_en, scope, envelope_won, running_org_unit, funding_org_unit,
                  ballot_rule, max_picks, allocation, source) VALUES (?,'SAFE','생활안전','Everyday safety','CITY',?,'BUDGET','BUDGET',
                  'APPROVAL',3,'GREEDY','OPEN_CALL')""", cycle, envelope);
        List<Long> onBallot = new ArrayList<>();
        for (int i = 0; i < CLOSED_TITLES.length; i++) {
            onBallot.add(project(cycle, track, "PB-" + d.getYear() + "-SAFE-" + String.format("%03d", i + 1), CLOSED_TITLES[i], "안전",
                    envelope / 20 * (3 + random.nextInt(6)), null, now));
        }
        ballots(track, onBallot, voters, 3, 0.6, random, null, d.minusDays(1), now);
        return CLOSED_TITLES.length;
    }

    private static LocalDate[] dates(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private long project(long cycleId, long trackId, String code, String title, String category, long cost, String gu, Instant now) {
        long id = db.insert("""
                INSERT INTO pb_project (code, cycle_id, track_id, title, description, gu_code, category, requested_cost_won, status,
                  created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,'ON_BALLOT',?,?)""", code, cycleId, trackId, title,
                title + " 사업입니다. 시민이 제안하고 적격 심사와 실현가능성 검토, 위원회 숙의를 거쳐 투표 대상이 되었습니다.",
                gu, category, cost, now, now);
        db.insert("""
                INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status) VALUES
                (?,?,'SYSTEM','submit','DRAFT','SUBMITTED')""", id, now);
        db.insert("""
                INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status) VALUES
                (?,?,'PANEL_MEMBER','shortlist','FEASIBLE','ON_BALLOT')""", id, now);
        return id;
    }

    private void otherStatus(long cycleId, long trackId, String code, String title, String status, String reasonCode, String reason,
                             long cost, Instant now) {
        long id = db.insert("""
                INSERT INTO pb_project (code, cycle_id, track_id, title, description, category, requested_cost_won, status, created_at, updated_at)
                VALUES (?,?,?,?,?,'기타',?,?,?,?)""", code, cycleId, trackId, title, title + " 제안입니다. 심사 결과 투표 대상이 되지 못했습니다.",
                cost, status, now, now);
        db.insert("""
                INSERT INTO pb_project_event (project_id, occurred_at, actor_role, action, from_status, to_status, reason_code, public_text)
                VALUES (?,?,'BUDGET_STAFF',?,?,?,?,?)""", id, now, "INELIGIBLE".equals(status) ? "screen" : "review",
                "INELIGIBLE".equals(status) ? "SUBMITTED" : "ELIGIBLE", status, reasonCode, reason);
    }

    /** Batch-inserts ballots: 88% online, 10% booth, 2% paper; 예산학교 graduates vote as BUDGET_SCHOOL. */
    private void ballots(long trackId, List<Long> projects, List<Voter> voters, int maxPicks, double turnout, Random random,
                         String rule, LocalDate closes, Instant now) {
        long nextId = db.count("SELECT COALESCE(MAX(id), 0) FROM pb_ballot") + 1;
        Map<Long, Long> costs = new java.util.HashMap<>();
        db.list("SELECT id, requested_cost_won FROM pb_project WHERE track_id = ?", rs -> costs.put(rs.getLong(1), rs.getLong(2)), trackId);
        long envelope = db.count("SELECT envelope_won FROM pb_track WHERE id = ?", trackId);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> selections = new ArrayList<>();
        for (int v = 0; v < voters.size(); v++) {
            Voter voter = voters.get(v);
            if (random.nextDouble() > turnout) {
                continue;
            }
            double channel = random.nextDouble();
            String source = channel < 0.88 ? "ONLINE" : channel < 0.98 ? "BOOTH" : "PAPER";
            String group = v < 30 && "ONLINE".equals(source) ? "BUDGET_SCHOOL" : "CITIZEN";
            long id = nextId++;
            rows.add(new Object[] {id, trackId, voter.identityHash(), group, source, voter.gu(),
                    BallotService.ageBand(voter.birth(), closes), Timestamp.from(now)});
            int k = 1 + random.nextInt(maxPicks);
            java.util.Set<Long> picked = new java.util.LinkedHashSet<>();
            long spent = 0;
            for (int tries = 0; picked.size() < k && tries < 30; tries++) {
                // Popularity skew: earlier projects are picked more often.
                int idx = Math.min(projects.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * projects.size() / 2.2));
                long p = projects.get(idx);
                if ("KNAPSACK".equals(rule) && spent + costs.get(p) > envelope) {
                    continue;
                }
                if (picked.add(p)) {
                    spent += costs.get(p);
                }
            }
            for (long p : picked) {
                selections.add(new Object[] {id, p});
            }
        }
        db.batch("""
                INSERT INTO pb_ballot (id, track_id, identity_hash, voter_group, source, status, gu_code, age_band, submitted_at, version)
                VALUES (?,?,?,?,?,'SUBMITTED',?,?,?,1)""", rows);
        db.batch("INSERT INTO pb_ballot_selection (ballot_id, project_id, points) VALUES (?,?,1)", selections);
    }
}
