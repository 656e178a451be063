package kr.hamkke.budgeting.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgeting.service.Models.Project;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

/**
 * B3 recusal: a 참여예산위원회 member tied to a project's proposer declares it (ground + public note);
 * from then on they take no committee decision on that project. A member who proposed the project
 * is recused without declaring. One declaration per member and project (UNIQUE; INSERT IGNORE so a
 * double submit answers 409, never a duplicate-key error).
 */
@Singleton
public class Recusals {

    public static final Set<String> GROUNDS = Set.of("JOB", "CONTRACT", "FAMILY", "OTHER");

    public record Recusal(String ground, String publicNote, Instant declaredAt) {
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd")
                    .format(declaredAt.atZone(kr.hamkke.shared.ClockFactory.SEOUL));
        }
    }

    private final Db db;
    private final AuditLog audit;
    private final ProjectService projects;
    private final Clock clock;

    Recusals(Db db, AuditLog audit, ProjectService projects, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional
    public void declare(Actor member, long projectId, String ground, String note) {
        Project p = projects.find(projectId);
        if (ground == null || !GROUNDS.contains(ground)) {
            throw DomainException.invalid("budgeting.recusal-ground");
        }
        if (note == null || note.strip().length() < 10 || note.strip().length() > 500) {
            throw DomainException.invalid("budgeting.recusal-note");
        }
        int inserted = db.update("""
                INSERT IGNORE INTO pb_recusal (project_id, account_id, ground, public_note, declared_at) VALUES (?,?,?,?,?)""",
                projectId, member.accountId(), ground, note.strip(), clock.instant());
        if (inserted != 1) {
            throw DomainException.conflict("budgeting.recused-already");
        }
        projects.event(projectId, member, "recuse", null, null, ground, note);
        audit.record(member, "pb.project.recuse", "pb_project", projectId, "ground=" + ground, note.strip());
    }

    /** True when this member may take no committee decision on the project (declared, or its proposer). */
    @Transactional(readOnly = true)
    public boolean recused(long accountId, Project p) {
        return projects.recused(accountId, p);
    }

    @Transactional(readOnly = true)
    public List<Recusal> of(long projectId) {
        return db.list("SELECT ground, public_note, declared_at FROM pb_recusal WHERE project_id = ? ORDER BY id",
                rs -> new Recusal(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), projectId);
    }
}
