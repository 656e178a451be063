package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 회의록 per topic meeting: staff or a facilitator leading a table of that meeting save drafts and publish.
 * Every save appends a version, so earlier published texts stay on record; the public sees the latest published one.
 */
@Singleton
public class MinutesService {

    public static final int MAX_LENGTH = 20_000;

    public enum Status { DRAFT, PUBLISHED }

    public record Version(long id, long meetingId, int version, Status status, String body, Instant savedAt) {
        private static final java.time.format.DateTimeFormatter SHOWN =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Seoul"));

        public String shownAt() {
            return SHOWN.format(savedAt);
        }
    }

    private final Sql sql;
    private final AuditLog audit;
    private final DeliberationService deliberation;
    private final Clock clock;

    MinutesService(Sql sql, AuditLog audit, DeliberationService deliberation, Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.deliberation = deliberation;
        this.clock = clock;
    }

    /** ADMIN, or a facilitator leading a table of this meeting (other facilitators 403). */
    @Transactional(readOnly = true)
    public void requireEditor(CurrentUser user, long meetingId) {
        deliberation.meeting(meetingId);
        boolean leadsTable = deliberation.tables(meetingId).stream().anyMatch(t -> t.facilitatorAccountId() == user.accountId());
        if (!user.has(Role.Names.ADMIN) && !leadsTable) {
            throw DomainException.notAllowed("assembly.minutes-not-allowed");
        }
    }

    /** Whether the text is acceptable (the controller shows the message key inline). */
    public static Optional<String> problem(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of("error.assembly.minutes-empty");
        }
        if (body.strip().length() > MAX_LENGTH) {
            return Optional.of("error.assembly.minutes-too-long");
        }
        return Optional.empty();
    }

    /** Saves a new version (draft or published); the meeting row is locked so versions never collide. */
    @Transactional
    public int save(CurrentUser user, long meetingId, String body, Status status) {
        requireEditor(user, meetingId);
        if (problem(body).isPresent()) {
            throw DomainException.invalid("assembly.minutes-empty");
        }
        sql.one("SELECT id FROM assembly_meeting WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), meetingId);
        int version = (int) sql.count("SELECT COALESCE(MAX(version), 0) FROM assembly_minutes WHERE meeting_id = ?", meetingId) + 1;
        String text = body.strip();
        Optional<Version> previous = latestPublished(meetingId); // read before the insert, or it would find itself
        sql.insert("INSERT INTO assembly_minutes (meeting_id, version, status, body, author_account_id, saved_at) VALUES (?,?,?,?,?,?)",
                meetingId, version, status.name(), text, user.accountId(), clock.instant());
        Actor actor = user.has(Role.Names.ADMIN) ? user.as(Role.Names.ADMIN) : user.as(Role.Names.FACILITATOR);
        audit.record(actor, status == Status.PUBLISHED ? "assembly.minutes.publish" : "assembly.minutes.draft",
                "assembly_meeting", meetingId, "version=" + version + " length=" + text.length()
                        + previous.map(v -> " replaces-published=" + v.version()).orElse(""));
        return version;
    }

    /** Every saved version, newest first (editors only). */
    @Transactional(readOnly = true)
    public List<Version> history(long meetingId) {
        return sql.list("SELECT id, meeting_id, version, status, body, saved_at FROM assembly_minutes WHERE meeting_id = ? ORDER BY version DESC",
                MinutesService::version, meetingId);
    }

    /** The text the public sees: the latest published version. */
    @Transactional(readOnly = true)
    public Optional<Version> latestPublished(long meetingId) {
        return sql.one("""
                SELECT id, meeting_id, version, status, body, saved_at FROM assembly_minutes
                WHERE meeting_id = ? AND status = 'PUBLISHED' ORDER BY version DESC LIMIT 1""", MinutesService::version, meetingId);
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(rs.getLong(1), rs.getLong(2), rs.getInt(3), Status.valueOf(rs.getString(4)), rs.getString(5),
                Sql.instant(rs, "saved_at"));
    }
}
