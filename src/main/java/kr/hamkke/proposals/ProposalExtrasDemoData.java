package kr.hamkke.proposals;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.proposals.rules.Deadlines;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.demo.DemoData;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Demo 테마토론 (one open with votes, one decided whose forum is open) and attachments on a demo proposal.
 * Runs after {@link ProposalsDemoData}; each part is seeded once, also into a database seeded before they existed.
 */
@Singleton
@Requires(property = "hamkke.demo.enabled", value = "true")
class ProposalExtrasDemoData implements DemoData {

    private final Db db;
    private final AuditLog audit;
    private final AttachmentStore store;
    private final ProposalConfig config;
    private final Clock clock;

    ProposalExtrasDemoData(Db db, AuditLog audit, AttachmentStore store, ProposalConfig config, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 11;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty() {
        long moderator = db.number("SELECT id FROM account WHERE email = 'moderator@hamkke.kr'");
        List<long[]> citizens = db.list("""
                SELECT a.id, 0 FROM account a JOIN verification v ON v.account_id = a.id
                WHERE a.email LIKE 'citizen%@demo.hamkke.kr' ORDER BY a.email""", rs -> new long[]{rs.getLong(1)});
        if (moderator == 0 || citizens.size() < 200) {
            return false;
        }
        boolean seeded = false;
        if (db.number("SELECT COUNT(*) FROM theme_vote") == 0) {
            themes(moderator, citizens);
            seeded = true;
        }
        if (db.number("SELECT COUNT(*) FROM proposal_attachment") == 0) {
            seeded |= attachments();
        }
        return seeded;
    }

    private void themes(long moderator, List<long[]> citizens) {
        Instant now = clock.instant();
        long open = theme(moderator, "2026년 하반기 테마토론: 어떤 주제로 토론할까요?",
                "시민이 고른 주제 하나로 30일 동안 공론장을 엽니다. 한 사람이 한 표, 가장 많이 고른 주제가 선정됩니다.",
                now.minus(Duration.ofDays(3)), Deadlines.endOfDayAfter(now, 11), "OPEN");
        int[] votes = {64, 41, 23};
        String[][] topics = {
                {"한강공원 야간 소음과 음주", "여름밤 한강공원의 소음과 음주를 어디까지 허용할지 이야기합니다."},
                {"보도 없는 골목길 보행 안전", "보도가 없는 이면도로에서 보행자와 차량이 함께 다니는 방법을 찾습니다."},
                {"청년 월세 지원 기준", "청년 월세 지원의 나이·소득 기준을 어떻게 정할지 토론합니다."}};
        int voter = 0;
        for (int i = 0; i < topics.length; i++) {
            long topic = topic(open, i + 1, topics[i], votes[i]);
            for (int v = 0; v < votes[i]; v++) {
                long person = citizens.get(voter++)[0];
                db.update("""
                        INSERT INTO theme_ballot (theme_vote_id, topic_id, identity_hash, account_id, created_at)
                        SELECT ?, ?, identity_hash, account_id, ? FROM verification WHERE account_id = ?""",
                        open, topic, now.minus(Duration.ofHours(1 + v)), person);
            }
        }
        db.update("UPDATE theme_vote SET participant_count = ? WHERE id = ?", voter, open);

        Instant closed = now.minus(Duration.ofDays(20));
        long decided = theme(moderator, "2026년 상반기 테마토론", "상반기에 시민이 고른 토론 주제입니다.",
                closed.minus(Duration.ofDays(14)), closed, "DECIDED");
        long wifi = topic(decided, 1, new String[]{"공공 와이파이를 어디까지 늘릴까", "버스·공원·전통시장의 공공 와이파이 확대 범위를 토론합니다."}, 132);
        topic(decided, 2, new String[]{"공공자전거 요금 체계", "따릉이 요금과 정기권 구조를 토론합니다."}, 87);
        db.update("UPDATE theme_vote SET participant_count = 219, winner_topic_id = ?, closed_at = ? WHERE id = ?", wifi, closed, decided);
        long forum = db.insert("""
                INSERT INTO forum (theme_vote_id, title, background, opens_at, closes_at, status, mayor_threshold, mayor_sla_days,
                  participant_count, pro_count, con_count, neutral_count, created_at)
                VALUES (?,?,?,?,?,'OPEN',?,?,312,190,88,34,?)""", decided, "공공 와이파이를 어디까지 늘릴까",
                "버스·공원·전통시장의 공공 와이파이 확대 범위를 토론합니다.", closed, Deadlines.endOfDayAfter(closed, config.getForumDays()),
                config.getMayorThreshold(), config.getMayorSlaDays(), closed);
        audit.record(Actor.SYSTEM, "demo.seed", "theme_vote", open, "demo theme votes " + open + ", " + decided + " (forum " + forum + ")");
    }

    private long theme(long moderator, String title, String description, Instant opens, Instant closes, String status) {
        return db.insert("""
                INSERT INTO theme_vote (title, description, opens_at, closes_at, status, created_by, created_at)
                VALUES (?,?,?,?,?,?,?)""", title, description, opens, closes, status, moderator, opens);
    }

    private long topic(long theme, int ordinal, String[] t, int votes) {
        return db.insert("INSERT INTO theme_topic (theme_vote_id, ordinal, title, background, vote_count) VALUES (?,?,?,?,?)",
                theme, ordinal, t[0], t[1], votes);
    }

    private boolean attachments() {
        long proposal = db.number("SELECT id FROM proposal WHERE title = '어린이 보호구역 과속 카메라 확대' ORDER BY id LIMIT 1");
        if (proposal == 0) {
            return false;
        }
        long author = db.number("SELECT author_id FROM proposal WHERE id = ?", proposal);
        attach(proposal, author, sketch(), "school-zone.png", "image/png", "초등학교 앞 어린이 보호구역과 카메라 설치 후보 위치 약도");
        attach(proposal, author, pdf(), "camera-plan.pdf", "application/pdf", "과속 카메라 설치 후보 위치 목록");
        audit.record(Actor.SYSTEM, "demo.seed", "proposal", proposal, "demo attachments");
        return true;
    }

    private void attach(long proposal, long author, byte[] bytes, String name, String type, String description) {
        db.insert("""
                INSERT INTO proposal_attachment (proposal_id, stored_name, filename, description, content_type, size_bytes, sha256,
                  uploaded_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)""", proposal, store.write(bytes), name, description, type,
                (long) bytes.length, AttachmentService.sha256(bytes), author,
                clock.instant());
    }

    /** A plain street sketch: roads, a school block and camera spots. */
    private static byte[] sketch() {
        BufferedImage img = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xF4F6FA));
        g.fillRect(0, 0, 480, 300);
        g.setColor(new Color(0xC9CED8));
        g.fillRect(0, 120, 480, 50);
        g.fillRect(200, 0, 50, 300);
        g.setColor(new Color(0xFFE08A));
        g.fillRect(260, 180, 160, 100);
        g.setColor(new Color(0xD93025));
        g.fillOval(180, 100, 16, 16);
        g.fillOval(255, 170, 16, 16);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] pdf() {
        String body = """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
                4 0 obj << /Length 60 >> stream
                BT /F1 18 Tf 72 760 Td (School zone camera candidates) Tj ET
                endstream endobj
                5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """;
        return body.getBytes(StandardCharsets.US_ASCII);
    }
}
