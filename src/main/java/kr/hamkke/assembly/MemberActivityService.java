package kr.hamkke.assembly;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.Role;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;
import kr.hamkke.shared.web.CurrentUser;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What members do besides deliberating: positions (위원장·부위원장), attendance per meeting, 사전학습 materials. */
@Singleton
public class MemberActivityService {

    /** One 위원장 and at most two 부위원장 per cycle. */
    static final Map<Membership.Position, Integer> POSITION_LIMITS = Map.of(Membership.Position.CHAIR, 1, Membership.Position.VICE_CHAIR, 2);

    public enum Attendance { PRESENT, ABSENT, EXCUSED }

    public record Material(long id, long cycleId, String title, String url, String body, Instant createdAt) {
    }

    public record MaterialRate(Material material, long done, long members) {
        public int percent() {
            return members == 0 ? 0 : (int) Math.round(100.0 * done / members);
        }
    }

    public record AttendanceLine(int meetingSeq, String meetingTitle, Attendance status) {
    }

    private final Sql sql;
    private final AuditLog audit;
    private final MembershipService members;
    private final DeliberationService deliberation;
    private final java.time.Clock clock;

    MemberActivityService(Sql sql, AuditLog audit, MembershipService members, DeliberationService deliberation, java.time.Clock clock) {
        this.sql = sql;
        this.audit = audit;
        this.members = members;
        this.deliberation = deliberation;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- positions

    /** Staff give an appointed or active member a position; the cycle row is locked so limits hold under concurrency. */
    @Transactional
    public Membership assignPosition(Actor staff, long membershipId, Membership.Position position) {
        Membership m = members.find(membershipId).orElseThrow(() -> DomainException.notFound("assembly.membership"));
        sql.one("SELECT id FROM assembly_cycle WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), m.cycleId());
        m = members.lockForUpdate(membershipId);
        if (!m.participating()) {
            throw DomainException.conflict("assembly.position-not-member");
        }
        if (m.position() == position) {
            return m;
        }
        Integer limit = POSITION_LIMITS.get(position);
        if (limit != null && sql.count("SELECT COUNT(*) FROM assembly_membership WHERE cycle_id = ? AND position_code = ? AND id <> ?",
                m.cycleId(), position, m.id()) >= limit) {
            throw DomainException.conflict("assembly.position-taken");
        }
        sql.update("UPDATE assembly_membership SET position_code = ? WHERE id = ?", position, m.id());
        audit.record(staff, "assembly.member.position", "assembly_membership", m.id(),
                "code=" + m.code() + " position=" + m.position() + "->" + position);
        return members.lockForUpdate(m.id());
    }

    /** Public: who chairs the cycle (by public code). */
    @Transactional(readOnly = true)
    public List<Membership> officers(long cycleId) {
        return members.ofCycle(cycleId).stream().filter(m -> m.position() != Membership.Position.MEMBER && m.participating())
                .sorted(java.util.Comparator.comparing(Membership::position)).toList();
    }

    // ---------------------------------------------------------------- attendance

    /** Staff, or a facilitator leading a table of this meeting, may take attendance. */
    @Transactional(readOnly = true)
    public void requireAttendanceTaker(CurrentUser user, long meetingId) {
        deliberation.meeting(meetingId);
        boolean leadsTable = deliberation.tables(meetingId).stream().anyMatch(t -> t.facilitatorAccountId() == user.accountId());
        if (!user.has(Role.Names.ADMIN) && !leadsTable) {
            throw DomainException.notAllowed("assembly.attendance-not-allowed");
        }
    }

    /** Records (or corrects) attendance; each changed line is audited. Returns how many lines changed. */
    @Transactional
    public int recordAttendance(CurrentUser user, long meetingId, Map<Long, Attendance> marks) {
        requireAttendanceTaker(user, meetingId);
        var meeting = deliberation.meeting(meetingId);
        Map<Long, Membership> eligible = new HashMap<>();
        members.ofCycle(meeting.cycleId()).stream().filter(Membership::participating).forEach(m -> eligible.put(m.id(), m));
        for (Long id : marks.keySet()) {
            if (!eligible.containsKey(id)) {
                throw DomainException.invalid("assembly.attendance-member");
            }
        }
        Map<Long, Attendance> before = attendance(meetingId);
        Actor actor = user.has(Role.Names.ADMIN) ? user.as(Role.Names.ADMIN) : user.as(Role.Names.FACILITATOR);
        Instant now = clock.instant();
        int changed = 0;
        for (var e : marks.entrySet()) {
            if (e.getValue() == before.get(e.getKey())) {
                continue;
            }
            sql.update("""
                    INSERT INTO assembly_attendance (meeting_id, membership_id, status, recorded_by, recorded_at) VALUES (?,?,?,?,?)
                    ON DUPLICATE KEY UPDATE status = ?, recorded_by = ?, recorded_at = ?""",
                    meetingId, e.getKey(), e.getValue(), user.accountId(), now, e.getValue(), user.accountId(), now);
            audit.record(actor, "assembly.attendance", "assembly_membership", e.getKey(),
                    "meeting=" + meetingId + " code=" + eligible.get(e.getKey()).code() + " status=" + before.get(e.getKey()) + "->" + e.getValue());
            changed++;
        }
        return changed;
    }

    @Transactional(readOnly = true)
    public Map<Long, Attendance> attendance(long meetingId) {
        Map<Long, Attendance> out = new HashMap<>();
        sql.list("SELECT membership_id, status FROM assembly_attendance WHERE meeting_id = ?",
                rs -> Map.entry(rs.getLong(1), Attendance.valueOf(rs.getString(2))), meetingId).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Public: members present per meeting id. */
    @Transactional(readOnly = true)
    public Map<Long, Long> presentCounts(long cycleId) {
        Map<Long, Long> out = new LinkedHashMap<>();
        sql.list("""
                SELECT a.meeting_id, COUNT(*) FROM assembly_attendance a JOIN assembly_meeting m ON m.id = a.meeting_id
                WHERE m.cycle_id = ? AND a.status = 'PRESENT' GROUP BY a.meeting_id""",
                rs -> Map.entry(rs.getLong(1), rs.getLong(2)), cycleId).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Transactional(readOnly = true)
    public List<AttendanceLine> attendanceOf(long membershipId) {
        return sql.list("""
                SELECT m.seq, m.title, a.status FROM assembly_attendance a JOIN assembly_meeting m ON m.id = a.meeting_id
                WHERE a.membership_id = ? ORDER BY m.seq""",
                rs -> new AttendanceLine(rs.getInt(1), rs.getString(2), Attendance.valueOf(rs.getString(3))), membershipId);
    }

    // ---------------------------------------------------------------- 사전학습 materials

    @Transactional
    public long addMaterial(Actor staff, long cycleId, String title, String url, String body) {
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw DomainException.invalid("assembly.material-title");
        }
        if (body == null || body.isBlank() || body.strip().length() > 4000) {
            throw DomainException.invalid("assembly.material-body");
        }
        String link = url == null || url.isBlank() ? null : url.strip();
        if (link != null && (link.length() > 500 || !link.matches("https?://[^\\s<>\"]+"))) {
            throw DomainException.invalid("assembly.material-url");
        }
        long id = sql.insert("INSERT INTO assembly_material (cycle_id, title, url, body, created_at) VALUES (?,?,?,?,?)",
                cycleId, title.strip(), link, body.strip(), clock.instant());
        audit.record(staff, "assembly.material.create", "assembly_material", id, "cycle=" + cycleId + " title=" + title.strip());
        return id;
    }

    @Transactional(readOnly = true)
    public List<Material> materials(long cycleId) {
        return sql.list("SELECT id, cycle_id, title, url, body, created_at FROM assembly_material WHERE cycle_id = ? ORDER BY id",
                rs -> new Material(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Sql.instant(rs, "created_at")), cycleId);
    }

    @Transactional(readOnly = true)
    public Set<Long> doneBy(long membershipId) {
        return new HashSet<>(sql.list("SELECT material_id FROM assembly_material_done WHERE membership_id = ?", rs -> rs.getLong(1), membershipId));
    }

    /** The member's membership for the materials page: appointed or active members only (403 otherwise). */
    @Transactional(readOnly = true)
    public Membership requireLearner(long cycleId, long accountId) {
        return members.of(cycleId, accountId).filter(Membership::participating)
                .orElseThrow(() -> DomainException.notAllowed("assembly.learning-members-only"));
    }

    /**
     * A member marks one material as studied (once: again is 409). When the last material of the cycle is done, an
     * APPOINTED member becomes ACTIVE, exactly as with the 사전학습 button.
     */
    @Transactional
    public boolean markDone(long accountId, long materialId) {
        Material material = sql.one("SELECT id, cycle_id, title, url, body, created_at FROM assembly_material WHERE id = ?",
                rs -> new Material(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Sql.instant(rs, "created_at")), materialId).orElseThrow(() -> DomainException.notFound("assembly.material"));
        Membership m = requireLearner(material.cycleId(), accountId);
        m = members.lockForUpdate(m.id());
        if (sql.count("SELECT COUNT(*) FROM assembly_material_done WHERE material_id = ? AND membership_id = ?", materialId, m.id()) > 0) {
            throw DomainException.conflict("assembly.material-done");
        }
        sql.update("INSERT INTO assembly_material_done (material_id, membership_id, done_at) VALUES (?,?,?)", materialId, m.id(), clock.instant());
        audit.record(Actor.citizen(accountId), "assembly.material.done", "assembly_membership", m.id(), "material=" + materialId + " code=" + m.code());
        if (m.status() == Membership.Status.APPOINTED && members.preLearningLeft(m.id(), m.cycleId()) == 0) {
            members.completePreLearning(accountId, m.id());
            return true;
        }
        return false;
    }

    @Transactional(readOnly = true)
    public long materialCycle(long materialId) {
        return sql.one("SELECT cycle_id FROM assembly_material WHERE id = ?", rs -> rs.getLong(1), materialId)
                .orElseThrow(() -> DomainException.notFound("assembly.material"));
    }

    /** Staff: per material, how many appointed/active members marked it done. */
    @Transactional(readOnly = true)
    public List<MaterialRate> completionRates(long cycleId) {
        long learners = members.ofCycle(cycleId).stream().filter(Membership::participating).count();
        return materials(cycleId).stream().map(mat -> new MaterialRate(mat, sql.count("""
                SELECT COUNT(*) FROM assembly_material_done d JOIN assembly_membership m ON m.id = d.membership_id
                WHERE d.material_id = ? AND m.status IN ('APPOINTED','ACTIVE')""", mat.id()), learners)).toList();
    }
}
