package kr.hamkke.proposals;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.identity.VerificationService;
import kr.hamkke.identity.VerifiedIdentity;
import kr.hamkke.proposals.rules.CommentRules;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Threaded comments, 신고 and the moderator's decisions (P10). */
@Singleton
public class CommentService {

    static final Set<String> TARGETS = Set.of("PROPOSAL", "FORUM", "QUESTION");
    static final Set<String> REPORT_REASONS = Set.of("ABUSE", "PRIVACY", "SPAM", "FALSE_INFO", "OTHER");
    static final Set<String> POSITIONS = Set.of("PRO", "CON", "OTHER");

    private final Db db;
    private final AuditLog audit;
    private final Notifier notifier;
    private final VerificationService verifications;
    private final ProposalConfig config;
    private final Clock clock;

    CommentService(Db db, AuditLog audit, Notifier notifier, VerificationService verifications, ProposalConfig config, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.notifier = notifier;
        this.verifications = verifications;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public long post(long accountId, String targetType, long targetId, Long parentId, String body) {
        return post(accountId, targetType, targetId, parentId, body, null);
    }

    /** A comment with an optional stated position (찬성/반대/기타); blank means none. */
    @Transactional
    public long post(long accountId, String targetType, long targetId, Long parentId, String body, String position) {
        requireVerified(accountId);
        String stated = position == null || position.isBlank() ? null : position.strip();
        if (stated != null && !POSITIONS.contains(stated)) {
            throw DomainException.invalid("comments.position");
        }
        if (!TARGETS.contains(targetType) || !targetExists(targetType, targetId)) {
            throw DomainException.notFound("comment.target");
        }
        if (!CommentRules.lengthAllowed(body, config.getCommentMaxLength())) {
            throw DomainException.invalid("comments.body");
        }
        int depth = 1;
        if (parentId != null) {
            Comment parent = find(parentId);
            if (parent == null || !parent.targetType().equals(targetType) || parent.targetId() != targetId) {
                throw DomainException.notFound("comment");
            }
            if (!CommentRules.depthAllowed(parent.depth(), config.getCommentMaxDepth())) {
                throw DomainException.invalid("comments.depth");
            }
            depth = parent.depth() + 1;
        }
        long id = db.insert("""
                INSERT INTO comment (target_type, target_id, parent_id, depth, author_id, body, status, created_at, position)
                VALUES (?,?,?,?,?,?,'VISIBLE',?,?)""", targetType, targetId, parentId, depth, accountId, body.strip(), clock.instant(),
                stated);
        audit.record(Actor.citizen(accountId), "comment.post", "comment", id, targetType + ":" + targetId + " depth=" + depth);
        return id;
    }

    /**
     * 추천 (UP), 비추천 (DOWN) or NONE (take one's vote back) by a verified person, one vote per identity. The request
     * states the wanted end state rather than toggling, so a retried or doubled click cannot flip it back.
     */
    @Transactional
    public void vote(long accountId, long commentId, String choice) {
        VerifiedIdentity person = requireVerified(accountId);
        Integer value = switch (choice == null ? "" : choice) {
            case "UP" -> 1;
            case "DOWN" -> -1;
            case "NONE" -> null;
            default -> throw DomainException.invalid("comments.vote.choice");
        };
        // The comment row lock serialises every vote on it, so the counts below are exact.
        Comment c = db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", Comment::map, commentId)
                .orElseThrow(() -> DomainException.notFound("comment"));
        if (!c.visible()) {
            throw DomainException.conflict("comments.vote.hidden");
        }
        if (c.authorId() == accountId) {
            throw DomainException.conflict("comments.vote.own");
        }
        // Locking reads from here on: a plain read would use the snapshot taken before the lock was granted and
        // miss a vote another transaction has just committed (seen as a duplicate key under 100 concurrent clicks).
        Integer current = db.one("SELECT value FROM comment_vote WHERE comment_id = ? AND voter_hash = ? FOR UPDATE",
                rs -> rs.getInt(1), commentId, person.identityHash()).orElse(null);
        if (java.util.Objects.equals(current, value)) {
            return;
        }
        if (value == null) {
            db.update("DELETE FROM comment_vote WHERE comment_id = ? AND voter_hash = ?", commentId, person.identityHash());
        } else if (current == null) {
            db.update("INSERT INTO comment_vote (comment_id, voter_hash, voter_id, value, created_at) VALUES (?,?,?,?,?)",
                    commentId, person.identityHash(), accountId, value, clock.instant());
        } else {
            db.update("UPDATE comment_vote SET value = ?, voter_id = ?, created_at = ? WHERE comment_id = ? AND voter_hash = ?",
                    value, accountId, clock.instant(), commentId, person.identityHash());
        }
        long[] counts = db.one("""
                SELECT COALESCE(SUM(value = 1), 0), COALESCE(SUM(value = -1), 0) FROM comment_vote
                WHERE comment_id = ? FOR UPDATE""", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, commentId).orElseThrow();
        db.update("UPDATE comment SET up_count = ?, down_count = ? WHERE id = ?", counts[0], counts[1], commentId);
        audit.record(Actor.citizen(accountId), "comment.vote", "comment", commentId, "vote=" + choice);
    }

    /** The viewer's votes on one thread's comments (comment id → 1 or -1); empty for visitors. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Integer> votesOf(String identityHash, String targetType, long targetId) {
        java.util.Map<Long, Integer> votes = new java.util.HashMap<>();
        if (identityHash == null) {
            return votes;
        }
        db.list("""
                SELECT v.comment_id, v.value FROM comment_vote v JOIN comment c ON c.id = v.comment_id
                WHERE v.voter_hash = ? AND c.target_type = ? AND c.target_id = ?""",
                rs -> votes.put(rs.getLong(1), rs.getInt(2)), identityHash, targetType, targetId);
        return votes;
    }

    /** 신고 from distinct verified people; the Nth hides the comment until a moderator decides. */
    @Transactional
    public void report(long accountId, long commentId, String reason, String note) {
        VerifiedIdentity person = requireVerified(accountId);
        if (!REPORT_REASONS.contains(reason)) {
            throw DomainException.invalid("comments.report.reason");
        }
        if (note != null && note.length() > 500) {
            throw DomainException.invalid("comments.report.note");
        }
        Comment c = db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", Comment::map, commentId)
                .orElseThrow(() -> DomainException.notFound("comment"));
        if (c.authorId() == accountId) {
            throw DomainException.conflict("comments.report.own");
        }
        try {
            db.insert("""
                    INSERT INTO comment_report (comment_id, reporter_hash, reporter_id, reason, note, created_at)
                    VALUES (?,?,?,?,?,?)""", commentId, person.identityHash(), accountId, reason,
                    note == null || note.isBlank() ? null : note.strip(), clock.instant());
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("comments.report.duplicate");
        }
        int reports = (int) db.number("SELECT COUNT(*) FROM comment_report WHERE comment_id = ?", commentId);
        db.update("UPDATE comment SET report_count = ? WHERE id = ?", reports, commentId);
        audit.record(Actor.citizen(accountId), "comment.report", "comment", commentId, "reason=" + reason + " reports=" + reports);
        if ("VISIBLE".equals(c.status()) && CommentRules.autoHides(reports, config.getAutoHideReports())) {
            db.update("UPDATE comment SET status = 'AUTO_HIDDEN' WHERE id = ?", commentId);
            audit.record(Actor.SYSTEM, "comment.auto-hide", "comment", commentId, "reports=" + reports);
            notifier.tell(c.authorId(), "comments.notify.AUTO_HIDDEN", link(c));
        }
    }

    /** Moderator decision: HIDE or RESTORE, with a reason shown to the author. */
    @Transactional
    public void moderate(Actor moderator, long commentId, String action, String reasonCode, String note) {
        if (!"HIDE".equals(action) && !"RESTORE".equals(action)) {
            throw DomainException.invalid("comments.moderate.action");
        }
        if ("HIDE".equals(action) && (reasonCode == null || !REPORT_REASONS.contains(reasonCode) || note == null || note.strip().length() < 20)) {
            throw DomainException.invalid("proposals.reason.required");
        }
        Comment c = db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", Comment::map, commentId)
                .orElseThrow(() -> DomainException.notFound("comment"));
        String next = "HIDE".equals(action) ? "HIDDEN" : "VISIBLE";
        db.update("UPDATE comment SET status = ? WHERE id = ?", next, commentId);
        db.update("""
                INSERT INTO moderation_action (target_type, target_id, moderator_id, action, reason_code, note, created_at)
                VALUES ('COMMENT',?,?,?,?,?,?)""", commentId, moderator.accountId(), action, reasonCode,
                note == null ? null : note.strip(), clock.instant());
        audit.record(moderator, "comment." + action.toLowerCase(), "comment", commentId, c.status() + "->" + next,
                note == null ? null : note.strip());
        notifier.tell(c.authorId(), "comments.notify." + next, link(c), note == null ? "" : note.strip());
    }

    /** The author removes their own comment (the thread keeps a placeholder). */
    @Transactional
    public void delete(long accountId, long commentId) {
        Comment c = db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", Comment::map, commentId)
                .orElseThrow(() -> DomainException.notFound("comment"));
        if (c.authorId() != accountId) {
            throw DomainException.notAllowed("comments.not-author");
        }
        if ("DELETED_BY_AUTHOR".equals(c.status())) {
            throw DomainException.conflict("comments.already-deleted");
        }
        db.update("UPDATE comment SET status = 'DELETED_BY_AUTHOR' WHERE id = ?", commentId);
        audit.record(Actor.citizen(accountId), "comment.delete", "comment", commentId, c.status() + "->DELETED_BY_AUTHOR");
    }

    /** P10: one appeal against a moderator's HIDE. */
    @Transactional
    public void appeal(long accountId, long commentId, String statement) {
        if (statement == null || statement.isBlank() || statement.length() > 1000) {
            throw DomainException.invalid("comments.appeal.statement");
        }
        Comment c = db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", Comment::map, commentId)
                .orElseThrow(() -> DomainException.notFound("comment"));
        if (c.authorId() != accountId) {
            throw DomainException.notAllowed("comments.not-author");
        }
        if (!"HIDDEN".equals(c.status())) {
            throw DomainException.conflict("comments.appeal.not-hidden");
        }
        try {
            db.insert("INSERT INTO comment_appeal (comment_id, author_id, statement, created_at) VALUES (?,?,?,?)",
                    commentId, accountId, statement.strip(), clock.instant());
        } catch (Db.DuplicateRow e) {
            throw DomainException.conflict("comments.appeal.already");
        }
        audit.record(Actor.citizen(accountId), "comment.appeal", "comment", commentId, "appeal filed");
    }

    /** Another moderator decides the appeal: UPHOLD keeps it hidden, RESTORE shows it again. */
    @Transactional
    public void decideAppeal(Actor moderator, long commentId, String decision) {
        if (!"UPHOLD".equals(decision) && !"RESTORE".equals(decision)) {
            throw DomainException.invalid("comments.appeal.decision");
        }
        Comment c = db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", Comment::map, commentId)
                .orElseThrow(() -> DomainException.notFound("comment"));
        long appeal = db.number("SELECT id FROM comment_appeal WHERE comment_id = ? AND decision IS NULL FOR UPDATE", commentId);
        if (appeal == 0) {
            throw DomainException.conflict("comments.appeal.none");
        }
        long hiddenBy = db.number("""
                SELECT moderator_id FROM moderation_action WHERE target_type = 'COMMENT' AND target_id = ? AND action = 'HIDE'
                ORDER BY id DESC LIMIT 1""", commentId);
        if (hiddenBy == moderator.accountId()) {
            throw DomainException.notAllowed("comments.appeal.same-moderator");
        }
        db.update("UPDATE comment_appeal SET decided_by = ?, decision = ?, decided_at = ? WHERE id = ?",
                moderator.accountId(), decision, clock.instant(), appeal);
        if ("RESTORE".equals(decision)) {
            db.update("UPDATE comment SET status = 'VISIBLE' WHERE id = ?", commentId);
            db.update("""
                    INSERT INTO moderation_action (target_type, target_id, moderator_id, action, reason_code, note, created_at)
                    VALUES ('COMMENT',?,?,'RESTORE','APPEAL',NULL,?)""", commentId, moderator.accountId(), clock.instant());
        }
        audit.record(moderator, "comment.appeal.decide", "comment", commentId, "decision=" + decision);
        notifier.tell(c.authorId(), "comments.notify.APPEAL_" + decision, link(c));
    }

    /** Appeals waiting for a decision, for the moderation queue. */
    public record PendingAppeal(long commentId, String body, String statement) {
    }

    @Transactional(readOnly = true)
    public List<PendingAppeal> pendingAppeals() {
        return db.list("""
                SELECT c.id, c.body, a.statement FROM comment_appeal a JOIN comment c ON c.id = a.comment_id
                WHERE a.decision IS NULL ORDER BY a.id""", rs -> new PendingAppeal(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    @Transactional(readOnly = true)
    public List<Comment> thread(String targetType, long targetId) {
        List<Comment> all = db.list("SELECT * FROM comment WHERE target_type = ? AND target_id = ? ORDER BY id",
                Comment::map, targetType, targetId);
        java.util.Map<Long, List<Comment>> children = new java.util.HashMap<>();
        all.forEach(c -> children.computeIfAbsent(c.parentId() == null ? 0L : c.parentId(), k -> new java.util.ArrayList<>()).add(c));
        List<Comment> ordered = new java.util.ArrayList<>();
        java.util.Deque<Comment> stack = new java.util.ArrayDeque<>();
        List<Comment> roots = children.getOrDefault(0L, List.of());
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Comment c = stack.pop();
            ordered.add(c);
            List<Comment> kids = children.getOrDefault(c.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return ordered;
    }

    @Transactional(readOnly = true)
    public List<Comment> queue() {
        return db.list("SELECT * FROM comment WHERE status IN ('AUTO_HIDDEN') OR (status = 'VISIBLE' AND report_count > 0) ORDER BY id DESC LIMIT 200",
                Comment::map);
    }

    @Transactional(readOnly = true)
    public Comment find(long id) {
        return db.one("SELECT * FROM comment WHERE id = ?", Comment::map, id).orElse(null);
    }

    boolean targetExists(String type, long id) {
        return switch (type) {
            case "PROPOSAL" -> db.number("SELECT COUNT(*) FROM proposal WHERE id = ? AND status NOT IN ('DRAFT','SUBMITTED','HIDDEN')", id) > 0;
            case "FORUM" -> db.number("SELECT COUNT(*) FROM forum WHERE id = ?", id) > 0;
            default -> db.number("SELECT COUNT(*) FROM city_question WHERE id = ?", id) > 0;
        };
    }

    private VerifiedIdentity requireVerified(long accountId) {
        return verifications.find(accountId).orElseThrow(() -> DomainException.notAllowed("proposals.not-verified"));
    }

    static String link(Comment c) {
        return switch (c.targetType()) {
            case "PROPOSAL" -> "/proposals/" + c.targetId();
            case "FORUM" -> "/forums/" + c.targetId();
            default -> "/city-questions/" + c.targetId();
        } + "#comment-" + c.id();
    }

    /** A comment row; the author's nickname is filled in for display. */
    public record Comment(long id, String targetType, long targetId, Long parentId, int depth, long authorId, String body,
                          String status, int reportCount, Instant createdAt, Instant editedAt, Instant maskedAt,
                          String position, int upCount, int downCount) {

        static Comment map(java.sql.ResultSet rs) throws java.sql.SQLException {
            long parent = rs.getLong("parent_id");
            Long parentId = rs.wasNull() ? null : parent;
            return new Comment(rs.getLong("id"), rs.getString("target_type"), rs.getLong("target_id"), parentId,
                    rs.getInt("depth"), rs.getLong("author_id"), rs.getString("body"), rs.getString("status"),
                    rs.getInt("report_count"), Db.instant(rs, "created_at"), Db.instant(rs, "edited_at"), Db.instant(rs, "masked_at"),
                    rs.getString("position"), rs.getInt("up_count"), rs.getInt("down_count"));
        }

        public boolean visible() {
            return "VISIBLE".equals(status);
        }

        /** "수정됨": the author changed the text after posting. */
        public boolean edited() {
            return editedAt != null;
        }
    }
}
