package kr.hamkke.proposals;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.proposals.rules.SearchText;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.Hashing;
import kr.hamkke.shared.demo.DemoData;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * 민주주의 서울 demo (DOMAIN §10.2, §10.6): proposals in every state with titles from the reports,
 * supports from the demo citizens, an open forum (closes D+12, 940 participants), a closed one at
 * 1,184 awaiting the mayor (due D+9), 12 city questions (2 open), comments (3 auto-hidden) and two
 * overdue answers (3 and 11 days). A crowd of verified demo people makes the large counts real rows.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
public class ProposalsDemoData implements DemoData {

    private static final int CROWD = 1200;
    private static final String[] CATEGORIES = {"WELFARE", "ENVIRONMENT", "TRANSPORT", "SAFETY", "HOUSING", "ECONOMY",
            "CULTURE", "EDUCATION", "HEALTH", "ADMINISTRATION"};
    private static final String[] GU = {"11110", "11140", "11170", "11200", "11215", "11230", "11260", "11290", "11305",
            "11320", "11350", "11380", "11410", "11440", "11470", "11500", "11530", "11545", "11560", "11590", "11620",
            "11650", "11680", "11710", "11740"};

    private final Db db;
    private final AuditLog audit;
    private final Clock clock;
    private final SearchGrams grams;
    private final Random random = new Random(20261123L);

    private record Person(long id, String hash) {
    }

    private List<Person> citizens;
    private List<Person> crowd;
    private Instant now;
    private long admin;
    private long moderator;
    private long agenda;
    private long mayor;
    private long reviewer;

    ProposalsDemoData(Db db, AuditLog audit, Clock clock, SearchGrams grams) {
        this.grams = grams;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty() {
        if (db.number("SELECT COUNT(*) FROM proposal") > 0 || db.number("SELECT COUNT(*) FROM account WHERE email = 'admin@hamkke.kr'") == 0) {
            return false;
        }
        now = clock.instant();
        citizens = db.list("""
                SELECT a.id, v.identity_hash FROM account a JOIN verification v ON v.account_id = a.id
                WHERE a.email LIKE 'citizen%@demo.hamkke.kr' ORDER BY a.email""", rs -> new Person(rs.getLong(1), rs.getString(2)));
        admin = account("admin@hamkke.kr");
        moderator = account("moderator@hamkke.kr");
        agenda = account("agenda@hamkke.kr");
        mayor = account("mayor@hamkke.kr");
        reviewer = account("reviewer@hamkke.kr");
        crowd = crowd();
        long citizen = account("citizen@hamkke.kr");

        // Mayor-answered historic proposals [public jungdoilbo 38848].
        long ivf = proposal("서울형 난임부부 시술비 지원", "난임 시술비 부담이 커서 아이를 포기하는 부부가 많습니다. 서울시가 소득 기준 없이 시술비를 지원해 주세요.",
                "WELFARE", null, citizens.get(0).id(), "ANSWERED", 300, 300, "CIVIC-SOC");
        answer(ivf, "CIVIC-SOC", "ACCEPTED", "난임부부 시술비 지원 사업을 신설하고 소득 기준을 폐지하겠습니다.", 250);
        forum(ivf, "서울형 난임부부 시술비 지원", 295, "MAYOR_ANSWERED", 1120, "난임 시술비 지원을 서울시 정책으로 확정하고 내년 예산에 반영하겠습니다.");
        long cats = proposal("재개발 지역 길고양이 보호조치 의무화", "재개발로 철거되는 지역의 길고양이가 갇히거나 다칩니다. 철거 전 구조·이주 조치를 의무로 해 주세요.",
                "ENVIRONMENT", "11290", citizens.get(1).id(), "ANSWERED", 280, 260, "CIVIC-SOC");
        answer(cats, "CIVIC-SOC", "PARTIALLY_ACCEPTED", "정비사업 철거 전 길고양이 실태 조사와 구조 절차를 지침에 넣겠습니다.", 230);
        forum(cats, "재개발 지역 길고양이 보호조치 의무화", 275, "MAYOR_ANSWERED", 1030, "재개발 지역 동물 보호 지침을 마련해 모든 정비사업에 적용하겠습니다.");

        // Open forum: closes D+12 with 940 participants [seed 001:333].
        long parking = proposal("거주자우선주차장 공유", "낮 시간에 비어 있는 거주자우선주차장을 이웃과 나누면 주차난이 줄어듭니다.",
                "TRANSPORT", "11440", citizens.get(2).id(), "UNDER_REVIEW", 20, 180, "CIVIC-PART");
        forum(parking, "거주자우선주차장 공유, 어떻게 생각하세요?", 18, "OPEN", 940, null);
        // Closed at 1,184 participants, the mayor's answer due D+9 (pb_candidate).
        long dust = proposal("미세먼지 시즌제 시민 대토론회", "겨울·봄철 미세먼지 계절관리제를 시민이 함께 정하는 대토론회를 열어 주세요.",
                "ENVIRONMENT", null, citizens.get(3).id(), "ANSWERED", 55, 240, "SMART");
        answer(dust, "SMART", "LONG_TERM_REVIEW", "계절관리제 기간과 차량 제한 범위를 시민 토론 결과와 함께 장기 검토하겠습니다.", 15);
        forum(dust, "미세먼지 시즌제, 시민의 선택은?", 51, "AWAITING_MAYOR", 1184, null);

        // Two overdue answers: 3 and 11 days late (P3).
        proposal("공유 킥보드 주차구역 지정", "보도에 아무렇게나 세워진 공유 킥보드 때문에 걷기 어렵습니다. 지정 주차구역을 만들어 주세요.",
                "TRANSPORT", "11680", citizens.get(4).id(), "UNDER_REVIEW", 36, 75, "SMART");
        proposal("일회용 컵 보증금제 확대", "카페 일회용 컵에 보증금을 매겨 회수율을 높여 주세요.",
                "ENVIRONMENT", null, citizens.get(5).id(), "UNDER_REVIEW", 44, 64, "RECYCLE");
        long bus = proposal("마을버스 배차 간격 실시간 공개", "마을버스 배차 간격과 도착 정보를 앱에서 볼 수 있게 해 주세요.",
                "TRANSPORT", "11305", citizens.get(6).id(), "UNDER_REVIEW", 12, 31, null);
        pick(bus, 5, "교통 약자의 생활과 직결되고 비슷한 제안이 여러 건 접수되어 우수제안으로 선정합니다.");

        // Collecting supports, some near the threshold (오늘의 공론장).
        proposal("장바구니 활용하기 실천캠페인", "전통시장과 마트에서 장바구니를 쓰면 포인트를 주는 캠페인을 제안합니다.",
                "ENVIRONMENT", null, citizens.get(7).id(), "PUBLISHED", 10, 38, null);
        proposal("공공기관 화장실에 비상용 생리대 비치", "공공기관 화장실에 비상용 생리대를 두면 급할 때 큰 도움이 됩니다.",
                "WELFARE", null, citizens.get(8).id(), "PUBLISHED", 6, 45, null);
        proposal("어린이 보호구역 과속 카메라 확대", "모든 초등학교 앞 어린이 보호구역에 과속 카메라를 설치해 주세요.",
                "SAFETY", "11350", citizens.get(9).id(), "PUBLISHED", 3, 12, null);

        long umbrella = proposal("지하철역 무인 우산 대여", "갑자기 비가 올 때 지하철역에서 우산을 빌릴 수 있게 해 주세요.",
                "TRANSPORT", null, citizens.get(10).id(), "CLOSED", 50, 20, null);
        long night = proposal("한강공원 야간 조명 확대", "한강공원 산책로가 밤에 너무 어둡습니다.",
                "SAFETY", "11560", citizens.get(11).id(), "WITHDRAWN", 8, 0, null);
        reason(night, null, "같은 내용의 제안이 이미 부서 검토 중이라 철회합니다.", "CITIZEN", "WITHDRAWN");
        long complaint = proposal("우리 집 앞 불법주차 단속해 주세요", "우리 집 앞에 매일 불법주차가 있습니다.",
                "TRANSPORT", "11620", citizens.get(12).id(), "HIDDEN", 2, 0, null);
        reason(complaint, "PERSONAL_COMPLAINT", "개인 민원은 응답소(120 다산콜)에서 빠르게 처리됩니다. 그쪽으로 접수해 주세요.", "MODERATOR", "HIDDEN");
        long kickDup = proposal("킥보드 전용 주차장 만들어 주세요", "킥보드 주차장이 필요합니다.",
                "TRANSPORT", "11680", citizens.get(13).id(), "MERGED", 30, 0, null);
        long kick = db.number("SELECT id FROM proposal WHERE title = '공유 킥보드 주차구역 지정'");
        db.update("UPDATE proposal SET merged_into = ? WHERE id = ?", kick, kickDup);
        reason(kickDup, "DUPLICATE", "같은 내용의 '공유 킥보드 주차구역 지정' 제안과 통합합니다. 그 제안에 공감해 주세요.", "MODERATOR", "MERGED");
        long subway = proposal("지하철 24시간 운행", "주말만이라도 지하철을 24시간 운행해 주세요.",
                "TRANSPORT", null, citizens.get(14).id(), "ANSWERED", 120, 90, "SMART");
        answer(subway, "SMART", "NOT_ACCEPTED", "심야 시간 선로 점검과 안전 인력 확보 문제로 24시간 운행은 어렵습니다. 대신 심야 올빼미버스 노선을 늘리겠습니다.", 85);
        long bike = proposal("따릉이 대여소 확충", "역 출구마다 따릉이 대여소를 두면 좋겠습니다.",
                "TRANSPORT", "11470", citizens.get(15).id(), "ANSWERED", 150, 70, "SMART");
        answer(bike, "SMART", "ALREADY_IN_PLACE", "올해 역세권 대여소 확충 계획에 이미 반영되어 설치 중입니다.", 110);
        proposal("아동학대 방지 배지 달기 캠페인", "아동학대 신고 번호를 알리는 배지를 공무원부터 달아 주세요.",
                "WELFARE", null, citizens.get(16).id(), "SUBMITTED", null, 0, null);
        proposal("공정경제 물품 사기 운동", "공정무역·사회적기업 물품 구매를 늘리는 운동을 제안합니다.",
                "ECONOMY", null, citizen, "DRAFT", null, 0, null);

        fillers(120);
        questions();
        comments(List.of(ivf, parking, dust, kick, umbrella, subway));
        audit.record(Actor.SYSTEM, "demo.seed", "demo", "proposals",
                "proposals=" + db.number("SELECT COUNT(*) FROM proposal") + " supports=" + db.number("SELECT COUNT(*) FROM proposal_support"));
        return true;
    }

    private long account(String email) {
        return db.number("SELECT id FROM account WHERE email = ?", email);
    }

    /** Verified demo people who only appear in counts (forums, questions); same demo password. */
    private List<Person> crowd() {
        String hash = db.one("SELECT password_hash FROM account WHERE email = 'citizen001@demo.hamkke.kr'", rs -> rs.getString(1)).orElse("x");
        List<Object[]> accounts = new ArrayList<>();
        for (int i = 1; i <= CROWD; i++) {
            accounts.add(new Object[]{String.format("crowd%04d@demo.hamkke.kr", i), hash, String.format("참여시민%04d", i), now});
        }
        db.batch("INSERT INTO account (email, password_hash, nickname, created_at) VALUES (?,?,?,?)", accounts);
        List<Long> ids = db.list("SELECT id FROM account WHERE email LIKE 'crowd%@demo.hamkke.kr' ORDER BY id", rs -> rs.getLong(1));
        List<Object[]> verifications = new ArrayList<>();
        List<Object[]> relations = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String identity = Hashing.sha256Hex("demo-crowd-" + i);
            people.add(new Person(ids.get(i), identity));
            verifications.add(new Object[]{ids.get(i), identity, LocalDate.of(1950 + i % 55, 1 + i % 12, 1 + i % 28), i % 2 == 0 ? "F" : "M", now});
            relations.add(new Object[]{ids.get(i), GU[i % GU.length], now});
        }
        db.batch("INSERT INTO verification (account_id, identity_hash, birth_date, gender, provider, verified_at) VALUES (?,?,?,?,'DEMO',?)", verifications);
        db.batch("INSERT INTO relation (account_id, kind, gu_code, declared_at) VALUES (?, 'RESIDENT', ?, ?)", relations);
        return people;
    }

    private Instant daysAgo(double days) {
        return now.minus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    /** One proposal with its supports and timeline; publishedAgo null = never published. */
    private long proposal(String title, String body, String category, String gu, long author, String status,
                          Integer publishedAgo, int supports, String org) {
        Instant published = publishedAgo == null ? null : daysAgo(publishedAgo);
        Instant created = published == null ? daysAgo(2) : published.minus(Duration.ofDays(1));
        Instant deadline = published == null ? null : Deadlines.endOfDayAfter(published, 30);
        boolean reviewed = supports >= 50 || "UNDER_REVIEW".equals(status) || "ANSWERED".equals(status);
        Instant reviewAt = null;
        if (reviewed && published != null) {
            reviewAt = published.plus(Duration.ofDays(Math.min(6, publishedAgo / 2)));
            if ("UNDER_REVIEW".equals(status) && publishedAgo > 33) {
                // 공유 킥보드 (36 → 3 days late) and 일회용 컵 (44 → 11 days late): triggered 6 days after publication.
                reviewAt = published.plus(Duration.ofDays(3));
            }
        }
        Instant closedAt = List.of("CLOSED", "WITHDRAWN", "HIDDEN", "MERGED").contains(status) && published != null
                ? ("CLOSED".equals(status) ? deadline : published.plus(Duration.ofDays(1))) : null;
        long id = db.insert("""
                INSERT INTO proposal (title, body, category, gu_code, author_id, status, search_text, support_window_days,
                  review_threshold, review_sla_days, forum_threshold, forum_days, mayor_threshold, mayor_sla_days,
                  submitted_at, published_at, support_deadline, support_count, review_triggered_at, review_due_at,
                  assigned_org_unit, closed_at, created_at, updated_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                title, body, category, gu, author, status, SearchText.normalize(title + " " + body),
                published == null ? null : 30, published == null ? null : 50, published == null ? null : 30,
                published == null ? null : 100, published == null ? null : 30, published == null ? null : 1000,
                published == null ? null : 30, "DRAFT".equals(status) ? null : created.plus(Duration.ofHours(1)), published, deadline,
                supports, reviewAt, reviewAt == null ? null : Deadlines.endOfDayAfter(reviewAt, 30), org, closedAt, created, now);
        db.update("UPDATE proposal SET code = ? WHERE id = ?", "P-" + created.atZone(Deadlines.SEOUL).getYear() + "-" + String.format("%06d", id), id);
        grams.index(id, SearchText.normalize(title + " " + body));
        event(id, created, "CREATED", null, "DRAFT", "CITIZEN", null);
        if (!"DRAFT".equals(status)) {
            event(id, created.plus(Duration.ofHours(1)), "SUBMITTED", "DRAFT", "SUBMITTED", "CITIZEN", null);
        }
        if (published != null && !"HIDDEN".equals(status) || published != null && supports > 0) {
            event(id, published, "PUBLISHED", "SUBMITTED", "PUBLISHED", "MODERATOR", null);
        }
        if (supports > 0) {
            Instant until = deadline.isBefore(now) ? deadline : now;
            List<Object[]> rows = new ArrayList<>();
            int offset = random.nextInt(citizens.size());
            for (int i = 0; i < supports; i++) {
                Person p = i < citizens.size() ? citizens.get((offset + i) % citizens.size()) : crowd.get(i - citizens.size());
                long span = Math.max(1, Duration.between(published, until).toMinutes());
                rows.add(new Object[]{id, p.hash(), p.id(), published.plus(Duration.ofMinutes((long) (span * (i + 1.0) / (supports + 1))))});
            }
            db.batch("INSERT INTO proposal_support (proposal_id, identity_hash, account_id, created_at) VALUES (?,?,?,?)", rows);
        }
        if (reviewAt != null) {
            event(id, reviewAt, supports >= 50 ? "REVIEW_TRIGGERED" : "PICKED", "PUBLISHED", "UNDER_REVIEW", supports >= 50 ? "SYSTEM" : "AGENDA_GROUP", null);
            if (org != null) {
                String name = db.one("SELECT name_ko FROM org_unit WHERE code = ?", rs -> rs.getString(1), org).orElse(org);
                event(id, reviewAt.plus(Duration.ofDays(1)), "ASSIGNED", null, null, "ADMIN", name);
                db.insert("INSERT INTO department_answer (proposal_id, org_unit, due_at, status) VALUES (?,?,?,'DRAFT')",
                        id, org, Deadlines.endOfDayAfter(reviewAt, 30));
            }
        }
        if ("CLOSED".equals(status)) {
            event(id, deadline, "CLOSED", "PUBLISHED", "CLOSED", "SYSTEM", null);
        }
        return id;
    }

    private void event(long proposal, Instant at, String kind, String from, String to, String role, String reason) {
        db.update("""
                INSERT INTO proposal_event (proposal_id, occurred_at, kind, from_status, to_status, actor_role, reason)
                VALUES (?,?,?,?,?,?,?)""", proposal, at, kind, from, to, role, reason);
    }

    private void reason(long proposal, String code, String text, String role, String status) {
        db.update("UPDATE proposal SET public_reason_code = ?, public_reason = ? WHERE id = ?", code, text, proposal);
        Instant at = db.one("SELECT closed_at FROM proposal WHERE id = ?", rs -> Db.instant(rs, "closed_at"), proposal).orElse(now);
        event(proposal, at, status, "PUBLISHED", status, role, text);
        if (!"CITIZEN".equals(role)) {
            db.update("""
                    INSERT INTO moderation_action (target_type, target_id, moderator_id, action, reason_code, note, created_at)
                    VALUES ('PROPOSAL',?,?,?,?,?,?)""", proposal, moderator, "MERGED".equals(status) ? "MERGE" : "HIDE", code, text, at);
        }
    }

    private void answer(long proposal, String org, String outcome, String body, int publishedAgo) {
        Instant at = daysAgo(publishedAgo);
        db.update("""
                UPDATE department_answer SET responder_id = ?, outcome = ?, body = ?, saved_at = ?, status = 'PUBLISHED',
                  published_at = ? WHERE proposal_id = ?""", reviewer, outcome, body, at, at, proposal);
        event(proposal, at, "ANSWERED", "UNDER_REVIEW", "ANSWERED", "DEPT_REVIEWER", "NOT_ACCEPTED".equals(outcome) ? body : null);
    }

    private void pick(long proposal, int daysAgo, String reason) {
        db.insert("""
                INSERT INTO agenda_pick (proposal_id, meeting_date, members_present, reason, decided_by, decided_at)
                VALUES (?,?,?,?,?,?)""", proposal, daysAgo(daysAgo).atZone(Deadlines.SEOUL).toLocalDate(), 11, reason, agenda, daysAgo(daysAgo));
        db.update("UPDATE proposal SET agenda_pick = TRUE WHERE id = ?", proposal);
        db.update("UPDATE proposal_event SET reason = ? WHERE proposal_id = ? AND kind = 'PICKED'", reason, proposal);
        forum(proposal, db.one("SELECT title FROM proposal WHERE id = ?", rs -> rs.getString(1), proposal).orElse(""), daysAgo, "OPEN", 120, null);
    }

    /** A forum with real positions from distinct people; status as given. */
    private void forum(long proposal, String title, int openedAgo, String status, int participants, String mayorAnswer) {
        Instant opens = daysAgo(openedAgo);
        Instant closes = Deadlines.endOfDayAfter(opens, 30);
        boolean mayorCase = participants >= 1000 && !"OPEN".equals(status);
        long id = db.insert("""
                INSERT INTO forum (proposal_id, title, background, pro_brief, con_brief, opens_at, closes_at, status, mayor_threshold,
                  mayor_sla_days, closed_at, mayor_due_at, created_at) VALUES (?,?,?,?,?,?,?,?,1000,30,?,?,?)""",
                proposal, title, db.one("SELECT body FROM proposal WHERE id = ?", rs -> rs.getString(1), proposal).orElse(""),
                "시민 생활에 직접 도움이 되고 비용 대비 효과가 큽니다.", "예산과 관리 인력이 더 필요하고 형평성 문제가 있습니다.",
                opens, closes, status, "OPEN".equals(status) ? null : closes, mayorCase ? Deadlines.endOfDayAfter(closes, 30) : null, opens);
        List<Object[]> rows = new ArrayList<>();
        int pro = 0;
        int con = 0;
        Instant until = closes.isBefore(now) ? closes : now;
        long span = Math.max(1, Duration.between(opens, until).toMinutes());
        for (int i = 0; i < participants; i++) {
            Person p = i < crowd.size() ? crowd.get(i) : citizens.get(i - crowd.size());
            int r = random.nextInt(100);
            String position = r < 58 ? "PRO" : r < 88 ? "CON" : "NEUTRAL";
            if ("PRO".equals(position)) {
                pro++;
            } else if ("CON".equals(position)) {
                con++;
            }
            rows.add(new Object[]{id, p.hash(), p.id(), position, opens.plus(Duration.ofMinutes(span * (i + 1L) / (participants + 1)))});
        }
        db.batch("INSERT INTO forum_position (forum_id, identity_hash, account_id, position, updated_at) VALUES (?,?,?,?,?)", rows);
        db.update("UPDATE forum SET participant_count = ?, pro_count = ?, con_count = ?, neutral_count = ? WHERE id = ?",
                participants, pro, con, participants - pro - con, id);
        event(proposal, opens, "FORUM_OPENED", null, null, "SYSTEM", null);
        if (!"OPEN".equals(status)) {
            event(proposal, closes, mayorCase ? "FORUM_AWAITING_MAYOR" : "FORUM_CLOSED", null, null, "SYSTEM", null);
            if (mayorCase) {
                db.update("UPDATE proposal SET pb_candidate = TRUE WHERE id = ?", proposal);
            }
        }
        if (mayorAnswer != null) {
            Instant at = closes.plus(Duration.ofDays(20));
            db.insert("INSERT INTO mayor_answer (forum_id, body, responder_id, published_at) VALUES (?,?,?,?)", id, mayorAnswer, mayor, at);
            event(proposal, at, "MAYOR_ANSWERED", null, null, "DEPT_REVIEWER", null);
        }
    }

    /** Volume: older proposals, mostly closed below the threshold, a few answered. */
    private void fillers(int n) {
        String[] subjects = {"공원", "도서관", "버스정류장", "횡단보도", "경로당", "어린이집", "공공와이파이", "자전거도로", "쓰레기 분리수거", "가로등",
                "전통시장", "청년 주거", "반려견 놀이터", "공공 체육시설", "골목길 CCTV"};
        String[] verbs = {"확충", "개선", "설치", "운영시간 연장", "정보 공개", "안전 점검"};
        for (int i = 0; i < n; i++) {
            String subject = subjects[random.nextInt(subjects.length)];
            String gu = random.nextInt(4) == 0 ? null : GU[random.nextInt(GU.length)];
            int ago = 35 + random.nextInt(320);
            int supports = random.nextInt(10) == 0 ? 50 + random.nextInt(60) : random.nextInt(45);
            String status = supports >= 50 ? "ANSWERED" : "CLOSED";
            String title = subject + " " + verbs[random.nextInt(verbs.length)] + " 제안 " + (i + 1);
            long id = proposal(title, subject + " 관련해 시민 불편을 줄이는 방안을 제안합니다. 동네에서 직접 겪은 문제입니다.",
                    CATEGORIES[random.nextInt(CATEGORIES.length)], gu, citizens.get(random.nextInt(citizens.size())).id(), status, ago,
                    supports, supports >= 50 ? "CIVIC-PART" : null);
            if (supports >= 50) {
                String outcome = random.nextInt(10) < 3 ? "ACCEPTED" : random.nextInt(2) == 0 ? "PARTIALLY_ACCEPTED" : "LONG_TERM_REVIEW";
                answer(id, "CIVIC-PART", outcome, "검토 결과 관련 부서와 협의하여 단계적으로 추진하겠습니다.", Math.max(1, ago - 30));
            }
        }
    }

    /** 12 questions, 2 open; historic ones from the reports [seed 001:369-371]. */
    private void questions() {
        question("공공기관 화장실에 비상용 생리대 비치하면 어떨까요?", "CIVIC-PART", "REGULAR", Instant.parse("2018-06-01T00:00:00Z"), 30,
                new String[]{"찬성", "반대", "잘 모르겠다"}, 620, "2018년 하반기부터 시청과 구청 화장실에 비상용 생리대를 시범 비치했습니다.");
        question("서울형 공해 차량운행제한 어떻게 생각하십니까?", "SMART", "AD_HOC", Instant.parse("2018-04-02T00:00:00Z"), 30,
                new String[]{"찬성", "반대", "기타"}, 1063, "노후 경유차 운행제한을 녹색교통지역부터 단계적으로 시행했습니다.");
        String[][] topics = {{"한강공원 금연 구역 확대", "CIVIC-PART"}, {"심야 올빼미버스 노선 확대", "SMART"}, {"공공 자전거 요금 인상", "SMART"},
                {"재활용 분리배출 요일제", "RECYCLE"}, {"동네 도서관 운영시간 연장", "CIVIC-COMM"}, {"청년 월세 지원 대상 확대", "CIVIC-SOC"},
                {"서울시 축제 일정 통합", "CIVIC-PART"}, {"공유 주방 설치", "CIVIC-COMM"}};
        for (int i = 0; i < topics.length; i++) {
            question(topics[i][0] + ", 어떻게 생각하세요?", topics[i][1], i % 2 == 0 ? "REGULAR" : "AD_HOC",
                    daysAgo(60 + 30 * i), 14, new String[]{"찬성", "반대", "조건부 찬성"}, 80 + random.nextInt(300),
                    i % 3 == 0 ? null : "응답 결과를 정책 검토 자료로 활용하고 있습니다.");
        }
        question("재활용 분리배출 앱, 필요하십니까?", "RECYCLE", "AD_HOC", daysAgo(3), 14,
                new String[]{"매우 필요", "필요", "필요 없음", "잘 모르겠다"}, 140, null);
        question("서울시 공공데이터, 무엇을 더 공개할까요? (복수 선택)", "SMART", "REGULAR", daysAgo(1), 20,
                new String[]{"교통", "환경", "예산", "복지"}, 75, null);
    }

    private void question(String title, String org, String cadence, Instant opens, int days, String[] options, int participants,
                          String followUp) {
        Instant closes = Deadlines.endOfDayAfter(opens, days);
        boolean multi = title.contains("복수");
        long id = db.insert("""
                INSERT INTO city_question (org_unit, kind, cadence, title, background, multi_select, opens_at, closes_at, participant_count,
                  follow_up, follow_up_due_at, follow_up_at, created_by, created_at) VALUES (?,'POLL',?,?,?,?,?,?,?,?,?,?,?,?)""",
                org, cadence, title, title + " 시민 여러분의 의견을 듣고 정책에 반영하겠습니다.", multi, opens, closes, participants,
                followUp, Deadlines.endOfDayAfter(closes, 60), followUp == null ? null : closes.plus(Duration.ofDays(20)), admin, opens);
        List<Long> optionIds = new ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            optionIds.add(db.insert("INSERT INTO city_question_option (question_id, ordinal, label) VALUES (?,?,?)", id, i + 1, options[i]));
        }
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            Person p = crowd.get(i);
            answers.add(new Object[]{id, p.hash(), p.id(), opens.plus(Duration.ofMinutes(i))});
        }
        db.batch("INSERT INTO city_question_answer (question_id, identity_hash, account_id, created_at) VALUES (?,?,?,?)", answers);
        List<Long> answerIds = db.list("SELECT id FROM city_question_answer WHERE question_id = ? ORDER BY id", rs -> rs.getLong(1), id);
        List<Object[]> choices = new ArrayList<>();
        for (long answer : answerIds) {
            int pick = Math.min(options.length - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 1.2));
            choices.add(new Object[]{answer, optionIds.get(pick)});
            if (multi && random.nextBoolean()) {
                choices.add(new Object[]{answer, optionIds.get((pick + 1) % options.length)});
            }
        }
        db.batch("INSERT INTO city_question_choice (answer_id, option_id) VALUES (?,?)", choices);
        db.update("""
                UPDATE city_question_option o SET vote_count = (SELECT COUNT(*) FROM city_question_choice c WHERE c.option_id = o.id)
                WHERE o.question_id = ?""", id);
    }

    /** Threaded comments; three are hidden automatically after three reports each. */
    private void comments(List<Long> proposals) {
        String[] lines = {"좋은 제안입니다. 꼭 시행되면 좋겠어요.", "우리 동네도 같은 문제가 있습니다.", "예산이 얼마나 드는지 궁금합니다.",
                "반대합니다. 다른 방법이 더 나을 것 같아요.", "구체적인 위치를 알려주시면 좋겠습니다.", "공감합니다!", "시범 사업부터 해 보면 어떨까요?"};
        int made = 0;
        for (long proposal : proposals) {
            Long parent = null;
            for (int i = 0; i < 20; i++) {
                Person author = citizens.get(random.nextInt(citizens.size()));
                int depth = parent == null ? 1 : 2;
                long id = db.insert("""
                        INSERT INTO comment (target_type, target_id, parent_id, depth, author_id, body, status, created_at)
                        VALUES ('PROPOSAL',?,?,?,?,?,'VISIBLE',?)""", proposal, parent, depth, author.id(),
                        lines[random.nextInt(lines.length)], daysAgo(10 - i * 0.3));
                parent = i % 4 == 0 ? Long.valueOf(id) : null;
                made++;
            }
        }
        for (int h = 0; h < 3; h++) {
            long proposal = proposals.get(h);
            Person author = citizens.get(290 + h);
            long id = db.insert("""
                    INSERT INTO comment (target_type, target_id, depth, author_id, body, status, report_count, created_at)
                    VALUES ('PROPOSAL',?,1,?,?,'AUTO_HIDDEN',3,?)""", proposal, author.id(),
                    "이런 제안하는 사람들은 다 세금 도둑입니다. 연락처 010-0000-000" + h, daysAgo(2));
            for (int r = 0; r < 3; r++) {
                Person reporter = citizens.get(100 + h * 3 + r);
                db.insert("""
                        INSERT INTO comment_report (comment_id, reporter_hash, reporter_id, reason, created_at) VALUES (?,?,?,?,?)""",
                        id, reporter.hash(), reporter.id(), r == 0 ? "PRIVACY" : "ABUSE", daysAgo(1.5 - r * 0.1));
            }
            db.update("INSERT INTO notification (account_id, message, link, created_at) VALUES (?,?,?,?)", author.id(),
                    "내 댓글이 신고 3건으로 자동 숨김 처리되어 검토를 기다립니다.", "/proposals/" + proposal + "#comment-" + id, daysAgo(1.3));
            made++;
        }
        String forumLine = "찬성합니다. 주차난이 심각해요.";
        long forum = db.number("SELECT id FROM forum WHERE status = 'OPEN' ORDER BY participant_count DESC LIMIT 1");
        for (int i = 0; i < 30; i++) {
            db.insert("INSERT INTO comment (target_type, target_id, depth, author_id, body, status, created_at) VALUES ('FORUM',?,1,?,?,'VISIBLE',?)",
                    forum, crowd.get(i).id(), i % 2 == 0 ? forumLine : "관리 주체가 분명해야 합니다.", daysAgo(5 - i * 0.1));
            made++;
        }
    }
}
