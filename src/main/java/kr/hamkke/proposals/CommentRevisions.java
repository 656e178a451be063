package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.proposals.rules.CommentRules;
import kr.hamkke.proposals.rules.PersonalData;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A comment's versions: the author edits (each earlier text is kept and can be read, the comment shows
 * "수정됨"), and a moderator masks personal data in the current text and in every earlier version at once.
 */
@Singleton
public class CommentRevisions {

    private final Db db;
    private final CommentService comments;
    private final AuditLog audit;
    private final Notifier notifier;
    private final ProposalConfig config;
    private final Clock clock;

    CommentRevisions(Db db, CommentService comments, AuditLog audit, Notifier notifier, ProposalConfig config, Clock clock) {
        this.db = db;
        this.comments = comments;
        this.audit = audit;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    /** One version of the text: the current one first, then earlier ones, newest first. */
    public record Version(String body, Instant writtenAt, boolean current) {
    }

    @Transactional
    public void edit(long accountId, long commentId, String body) {
        CommentService.Comment c = lock(commentId);
        if (c.authorId() != accountId) {
            throw DomainException.notAllowed("comments.not-author");
        }
        if (!c.visible()) {
            throw DomainException.conflict("comments.edit.not-visible");
        }
        if (!CommentRules.lengthAllowed(body, config.getCommentMaxLength())) {
            throw DomainException.invalid("comments.body");
        }
        if (body.strip().equals(c.body())) {
            return;
        }
        Instant now = clock.instant();
        db.insert("INSERT INTO comment_revision (comment_id, body, written_at, replaced_at) VALUES (?,?,?,?)",
                commentId, c.body(), c.editedAt() == null ? c.createdAt() : c.editedAt(), now);
        db.update("UPDATE comment SET body = ?, edited_at = ? WHERE id = ?", body.strip(), now, commentId);
        long versions = db.number("SELECT COUNT(*) FROM comment_revision WHERE comment_id = ?", commentId);
        audit.record(Actor.citizen(accountId), "comment.edit", "comment", commentId, "earlier versions=" + versions);
    }

    /**
     * Every version, if this viewer may read the comment: anyone while it is visible on a public page; its
     * author and moderators otherwise. 404 for everyone else.
     */
    @Transactional(readOnly = true)
    public List<Version> history(@Nullable Long viewerId, boolean moderator, long commentId) {
        CommentService.Comment c = comments.find(commentId);
        if (c == null) {
            throw DomainException.notFound("comment");
        }
        boolean own = viewerId != null && viewerId == c.authorId();
        if (!moderator && !own && (!c.visible() || !comments.targetExists(c.targetType(), c.targetId()))) {
            throw DomainException.notFound("comment");
        }
        List<Version> out = new ArrayList<>();
        out.add(new Version(c.body(), c.editedAt() == null ? c.createdAt() : c.editedAt(), true));
        out.addAll(db.list("SELECT body, written_at FROM comment_revision WHERE comment_id = ? ORDER BY id DESC",
                rs -> new Version(rs.getString(1), Db.instant(rs, "written_at"), false), commentId));
        return out;
    }

    /**
     * Masks personal data in the comment and all its earlier versions. {@code text} names what to mask; blank
     * means everything that looks like 주민등록번호, a phone number or an e-mail address. The reason (≥ 20
     * characters) goes to the author; the audit entry says how much was masked, never what.
     */
    @Transactional
    public int mask(Actor moderator, long commentId, @Nullable String text, @Nullable String reason) {
        if (reason == null || reason.strip().length() < 20 || reason.length() > 1000) {
            throw DomainException.invalid("proposals.reason.required");
        }
        CommentService.Comment c = lock(commentId);
        record Revision(long id, String body) {
        }
        List<Revision> revisions = db.list("SELECT id, body FROM comment_revision WHERE comment_id = ? FOR UPDATE",
                rs -> new Revision(rs.getLong(1), rs.getString(2)), commentId);
        List<String> targets = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            targets.add(text.strip());
        } else {
            targets.addAll(PersonalData.find(c.body()));
            revisions.forEach(r -> PersonalData.find(r.body()).stream().filter(t -> !targets.contains(t)).forEach(targets::add));
        }
        PersonalData.Masked current = PersonalData.mask(c.body(), targets);
        int count = current.count();
        int revisionsChanged = 0;
        for (Revision r : revisions) {
            PersonalData.Masked m = PersonalData.mask(r.body(), targets);
            if (m.count() > 0) {
                db.update("UPDATE comment_revision SET body = ? WHERE id = ?", m.text(), r.id());
                count += m.count();
                revisionsChanged++;
            }
        }
        if (count == 0) {
            throw DomainException.invalid("comments.mask.nothing");
        }
        Instant now = clock.instant();
        db.update("UPDATE comment SET body = ?, masked_at = ? WHERE id = ?", current.text(), now, commentId);
        db.insert("INSERT INTO comment_redaction (comment_id, moderator_id, reason, masked_count, created_at) VALUES (?,?,?,?,?)",
                commentId, moderator.accountId(), reason.strip(), count, now);
        audit.record(moderator, "comment.mask", "comment", commentId,
                "masked=" + count + " earlier versions changed=" + revisionsChanged, reason.strip());
        notifier.tell(c.authorId(), "comments.notify.MASKED", CommentService.link(c), reason.strip());
        return count;
    }

    private CommentService.Comment lock(long id) {
        return db.one("SELECT * FROM comment WHERE id = ? FOR UPDATE", CommentService.Comment::map, id)
                .orElseThrow(() -> DomainException.notFound("comment"));
    }
}
