package kr.hamkke.assembly;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.assembly.sortition.AgeBandSet;
import kr.hamkke.assembly.sortition.CommitReveal;
import kr.hamkke.assembly.sortition.DrawResult;
import kr.hamkke.assembly.sortition.QuotaTable;
import kr.hamkke.assembly.sortition.SortitionEngine;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.Hashing;
import kr.hamkke.shared.demo.DemoData;
import kr.hamkke.shared.web.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Demo data (DOMAIN §10.4, §10.6): the historic 2021 서울시민회의 with adopted proposals and responses, and a live
 * {Y} 서울시민회의 drawn from the demo citizens, now in topic meeting 3 with its online deliberation open and the
 * plenary's drafts forwarded.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
public class AssemblyDemoData implements DemoData {

    static final String BEACON_FORMAT = "%s #%d: 3,11,19,24,36,41 +7";

    private final Sql sql;
    private final CycleService cycles;
    private final MembershipService members;
    private final DeliberationService deliberation;
    private final MinutesService minutes;
    private final MemberActivityService activity;
    private final AuditLog audit;
    private final Clock clock;
    private final SurveyService surveys;

    AssemblyDemoData(Sql sql, CycleService cycles, MembershipService members, DeliberationService deliberation,
                     MemberActivityService activity, AuditLog audit, Clock clock, SurveyService surveys, MinutesService minutes) {
        this.minutes = minutes;
        this.activity = activity;
        this.surveys = surveys;
        this.sql = sql;
        this.cycles = cycles;
        this.members = members;
        this.deliberation = deliberation;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty() {
        if (sql.count("SELECT COUNT(*) FROM assembly_cycle") > 0) {
            return false;
        }
        historic2021();
        live();
        recruiting();
        return true;
    }

    private void historic2021() {
        long id = sql.insert("""
                INSERT INTO assembly_cycle (name, year, seats, reserve_seats, status, recruit_opens, recruit_closes, meeting1_at,
                  plenary_at, quota_csv, historic_members, historic_note, created_at)
                VALUES ('2021 서울시민회의', 2021, 1081, 0, 'CLOSED', '2021-04-01', '2021-05-31', '2021-08-01', '2021-11-20', ?, 1081, ?, ?)""",
                CycleService.defaultQuotaCsv(1081, 0),
                "2021년 시민위원 1,081명이 상반기 497건, 하반기 533건의 제안을 냈습니다 (예산 203백만원). 위원 명단과 추첨 기록은 이 플랫폼 이전의 것이어서 인원만 기록합니다.",
                clock.instant());
        sql.update("INSERT INTO assembly_agenda (cycle_id, seq, title, description) VALUES (?,1,'기후위기 시대, 서울의 역할','상반기 의제')", id);
        sql.update("INSERT INTO assembly_agenda (cycle_id, seq, title, description) VALUES (?,2,'새로운 시민참여 모델 정립','하반기 의제')", id);
        Object[][] proposals = {
                {"공공건물 옥상 태양광 의무화", "서울시 소유 공공건물 옥상에 태양광 설비를 단계적으로 설치합니다.", 812, 121, 40, "SMART", "ACCEPTED",
                        "2022년부터 공공건물 태양광 설치 계획에 반영하여 단계적으로 추진하겠습니다."},
                {"일회용품 없는 축제 조례", "서울시 주최·후원 축제에서 일회용품 사용을 금지하고 다회용기를 지원합니다.", 760, 150, 63, "RECYCLE", "PARTIAL",
                        "시 주최 축제부터 다회용기 지원을 시작하고, 후원 축제는 권고로 운영하겠습니다."},
                {"시민 기후예산 참여 확대", "기후 관련 예산 일부를 시민이 직접 제안하고 결정하도록 합니다.", 701, 190, 82, "CIVIC-PB", "LONG_TERM",
                        "예산 편성 절차와 재원 검토가 필요하여 2023년 예산 과정에서 장기적으로 검토하겠습니다."},
                {"시민회의 상설화", "서울시민회의를 매년 상설 기구로 운영하고 의제를 시민이 정합니다.", 655, 260, 58, "CIVIC-PART", "NOT_ACCEPTED",
                        "상설화는 조례 개정과 예산이 필요하여 이번에는 수용하기 어렵습니다. 대신 연례 개최를 유지합니다."}};
        LocalDate handoff = LocalDate.of(2021, 11, 30);
        int rank = 1;
        for (Object[] p : proposals) {
            int yes = (Integer) p[2];
            int no = (Integer) p[3];
            long pid = sql.insert("""
                    INSERT INTO assembly_policy_proposal (cycle_id, title, body, yes_votes, no_votes, abstain_votes, yes_share, rank_no,
                      org_unit_code, handed_off_at, response_due, response, response_text, responded_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", id, p[0], p[1], yes, no, p[4],
                    java.math.BigDecimal.valueOf((double) yes / (yes + no)).setScale(4, java.math.RoundingMode.HALF_UP), rank++, p[5],
                    handoff.atStartOfDay().toInstant(ZoneOffset.UTC), handoff.plusDays(DeliberationService.RESPONSE_DAYS), p[6], p[7],
                    handoff.plusDays(45).atStartOfDay().toInstant(ZoneOffset.UTC));
            audit.record(Actor.SYSTEM, "demo.seed", "assembly_policy_proposal", pid, "historic 2021 proposal " + p[0]);
        }
    }

    private void live() {
        LocalDate d = LocalDate.now(clock);
        int year = d.getYear();
        long id = cycles.create(Actor.SYSTEM, new CycleService.NewCycle(year + " 서울시민회의", year, 60, 20, d.minusDays(90),
                d.minusDays(60), d.minusDays(55), d.minusDays(21), d.minusDays(7), d.plusDays(7), d.plusDays(21), null,
                List.of("기후위기 시대, 서울의 역할", "새로운 시민참여 모델 정립")));
        cycles.advance(Actor.SYSTEM, id, Cycle.Status.PLANNING);
        Cycle cycle = cycles.get(id);

        // Applicants: the 300 demo citizens plus citizen@ and panel@; codes derived from the e-mail so the demo is stable.
        List<Object[]> people = sql.list("""
                SELECT a.id, a.email, v.identity_hash, v.birth_date, v.gender,
                  (SELECT r.gu_code FROM relation r WHERE r.account_id = a.id ORDER BY r.id LIMIT 1)
                FROM account a JOIN verification v ON v.account_id = a.id
                WHERE a.email LIKE 'citizen%@demo.hamkke.kr' OR a.email IN ('citizen@hamkke.kr', 'panel@hamkke.kr') ORDER BY a.id""",
                rs -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)});
        String panelCode = null;
        for (Object[] p : people) {
            LocalDate birth = (LocalDate) p[3];
            if (p[5] == null || AgeBandSet.ageOn(birth, cycle.recruitCloses()) < AgeBandSet.MIN_AGE) {
                continue;
            }
            String code = demoCode((String) p[1]);
            if ("panel@hamkke.kr".equals(p[1])) {
                panelCode = code;
            }
            sql.insert("""
                    INSERT INTO assembly_application (cycle_id, code, account_id, identity_hash, age_band, gender, gu_code, motivation,
                      availability, consent_privacy, consent_name, status, created_at) VALUES (?,?,?,?,?,?,?,?,?,TRUE,FALSE,'APPLIED',?)""",
                    id, code, p[0], p[2], AgeBandSet.STANDARD_7.bandFor(birth, cycle.recruitCloses()), p[4], p[5],
                    "우리 동네와 서울의 문제를 함께 이야기하고 싶습니다.", "주말 오후, 평일 저녁", clock.instant());
        }
        audit.record(Actor.SYSTEM, "demo.seed", "assembly_cycle", id, "demo applications=" + cycles.applicantCount(id));

        // Demo only: pick the first demo secret whose draw seats panel@hamkke.kr, so the PANEL_MEMBER demo account is a member.
        var pool = cycles.currentPool(cycle);
        QuotaTable quotas = QuotaTable.parse(cycle.quotaCsv());
        String beacon = String.format(BEACON_FORMAT, d.minusDays(58), 1100 + year % 100);
        String secret = null;
        for (int k = 0; k < 200 && secret == null; k++) {
            String candidate = "hamkke-demo-" + year + "-" + k;
            DrawResult r = SortitionEngine.draw(pool, quotas, CommitReveal.deriveSeed(candidate, pool.poolHash(), beacon));
            if (panelCode == null || r.selectedCodes().contains(panelCode)) {
                secret = candidate;
            }
        }
        if (secret == null) {
            secret = "hamkke-demo-" + year + "-0";
        }
        cycles.publishCommitment(Actor.SYSTEM, id, CommitReveal.commitment(secret));
        cycles.freeze(Actor.SYSTEM, id);
        cycles.draw(Actor.SYSTEM, id, beacon, secret);

        // One selected member declines (the reserve takes the seat); everyone else accepts and finishes 사전학습.
        List<Membership> selected = members.ofCycle(id).stream().filter(m -> m.status() == Membership.Status.SELECTED).toList();
        Membership decliner = selected.stream().filter(m -> !m.code().equals(demoCode("panel@hamkke.kr"))).reduce((a, b) -> b).orElseThrow();
        members.decline(decliner.accountId(), decliner.id());
        for (Membership m : members.ofCycle(id)) {
            if (m.status() == Membership.Status.SELECTED) {
                members.accept(m.accountId(), m.id());
                members.completePreLearning(m.accountId(), m.id());
            }
        }
        for (int i = 0; i < 4; i++) {
            cycles.advance(Actor.SYSTEM, id, null); // DRAWN → APPOINTING → MEETING_1 → MEETING_2 → MEETING_3
        }

        long facilitator = sql.one("SELECT id FROM account WHERE email = 'facilitator@hamkke.kr'", rs -> rs.getLong(1)).orElseThrow();
        CurrentUser fac = new CurrentUser(facilitator, "퍼실리테이터", List.of("CITIZEN", "VERIFIED", "FACILITATOR"));
        long m1 = deliberation.createMeeting(Actor.SYSTEM, id, 1, "기후위기 시대, 서울의 역할 — 문제 정의", d.minusDays(21));
        long m2 = deliberation.createMeeting(Actor.SYSTEM, id, 2, "기후위기 시대, 서울의 역할 — 해결 방안", d.minusDays(7));
        long m3 = deliberation.createMeeting(Actor.SYSTEM, id, 3, "새로운 시민참여 모델 — 제안 다듬기", d.plusDays(7));
        // 2021's meetings were held hybrid (venue plus online) and online only; the demo mirrors that mix.
        deliberation.setPlace(Actor.SYSTEM, m1, MeetingFormat.Place.of("HYBRID", "서울시청 다목적홀", "온라인 회의실 (화상회의, 위원에게 개별 안내)"));
        deliberation.setPlace(Actor.SYSTEM, m2, MeetingFormat.Place.of("ONLINE", null, "온라인 회의실 (화상회의, 위원에게 개별 안내)"));
        deliberation.setPlace(Actor.SYSTEM, m3, MeetingFormat.Place.of("HYBRID", "시민청 태평홀", "온라인 회의실 (화상회의, 위원에게 개별 안내)"));
        deliberation.setSummary(Actor.SYSTEM, m1, "위원들은 폭염, 건물 에너지, 교통 배출을 서울의 3대 기후 과제로 꼽았습니다.");
        deliberation.setSummary(Actor.SYSTEM, m2, "분임별로 건물 에너지 전환, 대중교통, 자원순환 분야의 해결 방안 40여 건을 모았습니다.");
        deliberation.createTable(Actor.SYSTEM, m1, "1분임", facilitator);
        deliberation.createTable(Actor.SYSTEM, m2, "1분임", facilitator);
        // 회의록: meeting 1 published (with an earlier version corrected), meeting 2 still a draft.
        minutes.save(fac, m1, "1차 회의록\n- 참석: 시민위원과 퍼실리테이터\n- 논의: 폭염, 건물 에너지, 교통 배출", MinutesService.Status.PUBLISHED);
        minutes.save(fac, m1, """
                1차 회의록 (문제 정의)
                - 형식: 혼합 (서울시청 다목적홀 + 온라인 회의실)
                - 논의: 위원들은 폭염, 건물 에너지, 교통 배출을 서울의 3대 기후 과제로 꼽았습니다.
                - 다음 회의: 분임별 해결 방안 모으기""", MinutesService.Status.PUBLISHED);
        minutes.save(fac, m2, "2차 회의록 초안: 분임별 해결 방안 정리 중", MinutesService.Status.DRAFT);
        List<Membership> active = members.ofCycle(id).stream().filter(m -> m.status() == Membership.Status.ACTIVE).toList();
        seedMemberActivity(id, active, fac, m1, m2);
        seedSurveys(id, active);
        String[][] posts = {{"PRO", "공공건물 옥상 태양광을 늘리면 전기요금도 줄어듭니다."}, {"CON", "초기 설치비가 커서 자치구 부담이 걱정됩니다."},
                {"POINT", "폭염 쉼터를 동네 도서관과 연계하면 좋겠습니다."}, {"PRO", "다회용기 대여소를 지하철역마다 두면 좋겠습니다."}};
        String[] themes = {"공공건물 옥상 태양광 확대", "폭염 쉼터 24시간 운영", "다회용기 대여소 설치", "버스 전용차로 확대",
                "동네 숲 조성", "기후 시민교육 의무화", "에너지 자립 마을 지원", "음식물 쓰레기 감량 포인트", "자전거 도로 연결",
                "시민참여 예산 확대"};
        String[] units = {"SMART", "CIVIC-PART", "RECYCLE", "MAYOR", "CIVIC-COMM", "CIVIC-PART", "SMART", "RECYCLE", "MAYOR", "CIVIC-PB"};
        for (int t = 1; t <= 3; t++) {
            long table = deliberation.createTable(Actor.SYSTEM, m3, t + "분임", facilitator);
            for (int p = 0; p < posts.length; p++) {
                Membership author = active.get((t * 7 + p) % active.size());
                CurrentUser user = new CurrentUser(author.accountId(), "위원", List.of("CITIZEN", "VERIFIED"));
                deliberation.post(user, table, posts[p][0], posts[p][1]);
            }
            for (int i = 0; i < themes.length; i++) {
                deliberation.forwardDraft(fac, table, themes[i] + " (" + t + "분임안)",
                        t + "분임이 다듬은 제안입니다: " + themes[i] + "을(를) 2년 안에 시범 추진하고 결과를 시민에게 공개합니다.", units[i]);
            }
        }
    }

    /** Next year's cycle in recruitment (issue 5 demo): 40 demo citizens applied, so staff see live counts against quotas. */
    private void recruiting() {
        LocalDate d = LocalDate.now(clock);
        int year = d.getYear() + 1;
        long id = cycles.create(Actor.SYSTEM, new CycleService.NewCycle(year + " 서울시민회의", year, 60, 20, d.minusDays(10),
                d.plusDays(50), d.plusDays(55), d.plusDays(90), d.plusDays(110), d.plusDays(130), d.plusDays(150), null,
                List.of("초고령 사회, 동네 돌봄", "청년이 살고 싶은 서울")));
        cycles.advance(Actor.SYSTEM, id, Cycle.Status.PLANNING);
        Cycle cycle = cycles.get(id);
        List<Long> accounts = sql.list("SELECT id FROM account WHERE email LIKE 'citizen0%@demo.hamkke.kr' ORDER BY id LIMIT 80",
                rs -> rs.getLong(1));
        int applied = 0;
        for (long account : accounts) {
            if (applied < 40 && cycles.eligibility(cycle, account) == kr.hamkke.identity.eligibility.ReasonCode.ELIGIBLE) {
                cycles.apply(account, id, "동네 돌봄과 청년 주거 문제를 함께 이야기하고 싶습니다.", "평일 저녁", true, false);
                applied++;
            }
        }
    }

    /** 사전학습 materials (studied by every active member), a chair and two vice-chairs, attendance of meetings 1 and 2. */
    private void seedMemberActivity(long cycleId, List<Membership> active, CurrentUser facilitator, long... meetings) {
        long[] materials = {
                activity.addMaterial(Actor.SYSTEM, cycleId, "서울시민회의 안내서", "https://democracy.seoul.go.kr/",
                        "시민회의의 역할, 일정, 숙의 원칙과 위원의 권리·의무를 설명합니다."),
                activity.addMaterial(Actor.SYSTEM, cycleId, "기후위기와 서울 — 기초 자료", null,
                        "서울의 온실가스 배출 구조(건물 약 70%, 수송 약 20%)와 폭염·집중호우 대응 현황을 정리했습니다.")};
        for (Membership m : active) {
            for (long material : materials) {
                sql.update("INSERT INTO assembly_material_done (material_id, membership_id, done_at) VALUES (?,?,?)", material, m.id(),
                        clock.instant());
            }
        }
        String panelCode = demoCode("panel@hamkke.kr");
        List<Membership> others = active.stream().filter(m -> !m.code().equals(panelCode)).toList();
        activity.assignPosition(Actor.SYSTEM, others.get(0).id(), Membership.Position.CHAIR);
        activity.assignPosition(Actor.SYSTEM, others.get(1).id(), Membership.Position.VICE_CHAIR);
        activity.assignPosition(Actor.SYSTEM, others.get(2).id(), Membership.Position.VICE_CHAIR);
        for (long meeting : meetings) {
            java.util.Map<Long, MemberActivityService.Attendance> marks = new java.util.LinkedHashMap<>();
            for (int i = 0; i < active.size(); i++) {
                marks.put(active.get(i).id(), i % 11 == 5 ? MemberActivityService.Attendance.EXCUSED
                        : i % 13 == 7 ? MemberActivityService.Attendance.ABSENT : MemberActivityService.Attendance.PRESENT);
            }
            activity.recordAttendance(facilitator, meeting, marks);
        }
    }

    /**
     * Survey panel: one survey answered by most members and closed (results with chart), one open survey that panel@
     * has not answered yet, so the demo member can answer it.
     */
    private void seedSurveys(long cycleId, List<Membership> active) {
        java.time.Instant now = clock.instant();
        long closed = surveys.create(Actor.SYSTEM, cycleId, new SurveyService.NewSurvey("서울시 기후 정책 중 가장 먼저 해야 할 일은 무엇인가요?",
                List.of("건물 에너지 효율 개선", "대중교통 확대", "폭염 쉼터 확충", "자원순환(일회용품 줄이기)"), false,
                now.minus(java.time.Duration.ofDays(10)), now.plus(java.time.Duration.ofDays(1))));
        long open = surveys.create(Actor.SYSTEM, cycleId, new SurveyService.NewSurvey("시민총회 전에 더 듣고 싶은 전문가 발표를 모두 골라 주세요.",
                List.of("에너지 전환", "교통과 도시계획", "기후 복지", "시민참여 제도"), true,
                now.minus(java.time.Duration.ofDays(1)), now.plus(java.time.Duration.ofDays(7))));
        List<Long> closedOptions = surveys.options(closed).stream().map(SurveyService.Option::id).toList();
        List<Long> openOptions = surveys.options(open).stream().map(SurveyService.Option::id).toList();
        String panelCode = demoCode("panel@hamkke.kr");
        int[] weights = {0, 0, 0, 1, 1, 2, 0, 1, 3, 2}; // a stable, uneven spread for the demo chart
        for (int i = 0; i < active.size(); i++) {
            Membership m = active.get(i);
            if (m.code().equals(panelCode) || i % 9 == 4) {
                continue; // panel@ and a few others did not answer
            }
            surveys.answer(m.accountId(), closed, List.of(closedOptions.get(weights[i % weights.length])));
            if (i % 3 == 0) {
                surveys.answer(m.accountId(), open, List.of(openOptions.get(i % 4), openOptions.get((i + 1) % 4)));
            }
        }
        surveys.close(Actor.SYSTEM, closed);
    }

    static String demoCode(String email) {
        String h = Hashing.sha256Hex("assembly-demo-code:" + email);
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(CycleService.CODE_ALPHABET.charAt(Integer.parseInt(h.substring(i * 2, i * 2 + 2), 16) % CycleService.CODE_ALPHABET.length()));
        }
        return b.toString();
    }
}
