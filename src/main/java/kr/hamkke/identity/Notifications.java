package kr.hamkke.identity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a person that something they follow changed: an in-app notification and an e-mail in the
 * outbox (a mail relay sends the outbox), written in the caller's transaction so a rolled-back
 * change notifies nobody.
 */
@Singleton
public class Notifications {

    public record Notification(long id, String message, String link, Instant createdAt, boolean read) {
        private static final java.time.format.DateTimeFormatter SHOWN =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Seoul"));

        /** When it happened, in Seoul time, as pages show it. */
        public String shownAt() {
            return SHOWN.format(createdAt);
        }
    }

    private final JdbcOperations jdbc;
    private final Clock clock;

    Notifications(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void notify(long accountId, String message, String link) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.prepareStatement("INSERT INTO notification (account_id, message, link, created_at) VALUES (?,?,?,?)", ps -> {
            ps.setLong(1, accountId);
            ps.setString(2, message.length() > 500 ? message.substring(0, 500) : message);
            ps.setString(3, link);
            ps.setTimestamp(4, now);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO mail_outbox (recipient, subject, body, created_at)
                SELECT email, ?, ?, ? FROM account WHERE id = ? AND status = 'ACTIVE'""", ps -> {
            ps.setString(1, "[함께서울] 알림");
            ps.setString(2, message + (link == null ? "" : "\n\nhttps://hamkke.seoul.kr" + link));
            ps.setTimestamp(3, now);
            ps.setLong(4, accountId);
            return ps.executeUpdate();
        });
    }

    @Transactional(readOnly = true)
    public List<Notification> latest(long accountId) {
        return jdbc.prepareStatement("""
                SELECT id, message, link, created_at, read_at FROM notification WHERE account_id = ?
                ORDER BY id DESC LIMIT 50""", ps -> {
            ps.setLong(1, accountId);
            List<Notification> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Notification(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) != null));
                }
            }
            return list;
        });
    }

    @Transactional
    public void markAllRead(long accountId) {
        jdbc.prepareStatement("UPDATE notification SET read_at = ? WHERE account_id = ? AND read_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setLong(2, accountId);
            return ps.executeUpdate();
        });
    }
}
