package kr.hamkke.proposals;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.proposals.rules.AttachmentRules;
import kr.hamkke.proposals.rules.ProposalRules;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Images and PDFs on a proposal: the author adds or removes them while the proposal may still be edited;
 * anyone sees them once it is public, the author and moderators before that.
 */
@Singleton
public class AttachmentService {

    private final Db db;
    private final AttachmentStore store;
    private final AttachmentConfig config;
    private final AuditLog audit;
    private final ProposalService proposals;
    private final Clock clock;

    AttachmentService(Db db, AttachmentStore store, AttachmentConfig config, AuditLog audit, ProposalService proposals, Clock clock) {
        this.db = db;
        this.store = store;
        this.config = config;
        this.audit = audit;
        this.proposals = proposals;
        this.clock = clock;
    }

    @Serdeable
    public record Attachment(long id, long proposalId, String filename, String description, String contentType, long sizeBytes,
                             Instant createdAt) {

        static Attachment map(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Attachment(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("filename"),
                    rs.getString("description"), rs.getString("content_type"), rs.getLong("size_bytes"), Db.instant(rs, "created_at"));
        }

        public boolean image() {
            return !"application/pdf".equals(contentType);
        }

        public String href() {
            return "/proposals/" + proposalId + "/attachments/" + id;
        }

        /** "1.2 MB" / "340 KB" for the link text. */
        public String size() {
            return sizeBytes >= 1024 * 1024 ? String.format("%.1f MB", sizeBytes / (1024.0 * 1024)) : Math.max(1, sizeBytes / 1024) + " KB";
        }
    }

    /** A refused upload: the field to mark and the message key (shown as a 422 form error). */
    public static final class Refused extends RuntimeException {
        private final AttachmentRules.Refusal refusal;

        Refused(AttachmentRules.Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public String field() {
            return refusal == AttachmentRules.Refusal.DESCRIPTION ? "description" : "file";
        }

        public String messageKey() {
            return "error.proposals.attachment." + refusal.name();
        }
    }

    /**
     * Adds one file. The proposal row is locked, so the number of files per proposal holds under concurrent
     * uploads. The file is written before the row; if the row cannot be written the file is removed again.
     */
    @Transactional
    public long add(long accountId, long proposalId, byte[] bytes, @Nullable String declaredType, @Nullable String filename,
                    @Nullable String description) {
        Proposal p = proposals.lock(proposalId);
        requireEditableBy(p, accountId);
        int already = (int) db.number("SELECT COUNT(*) FROM proposal_attachment WHERE proposal_id = ?", proposalId);
        Optional<AttachmentRules.Refusal> refusal = AttachmentRules.check(bytes, declaredType, filename, description, already,
                config.limits());
        if (refusal.isPresent()) {
            throw new Refused(refusal.get());
        }
        AttachmentRules.Kind kind = AttachmentRules.detect(bytes).orElseThrow();
        String name = AttachmentRules.safeFilename(filename);
        String stored = store.write(bytes);
        try {
            long id = db.insert("""
                    INSERT INTO proposal_attachment (proposal_id, stored_name, filename, description, content_type, size_bytes,
                      sha256, uploaded_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)""", proposalId, stored, name,
                    description.strip(), kind.contentType(), (long) bytes.length, sha256(bytes), accountId, clock.instant());
            audit.record(Actor.citizen(accountId), "proposal.attachment.add", "proposal", proposalId,
                    "attachment=" + id + " type=" + kind.contentType() + " bytes=" + bytes.length);
            return id;
        } catch (RuntimeException e) {
            store.delete(stored);
            throw e;
        }
    }

    @Transactional
    public void remove(long accountId, long proposalId, long attachmentId) {
        Proposal p = proposals.lock(proposalId);
        requireEditableBy(p, accountId);
        String stored = db.one("SELECT stored_name FROM proposal_attachment WHERE id = ? AND proposal_id = ?",
                rs -> rs.getString(1), attachmentId, proposalId).orElseThrow(() -> DomainException.notFound("attachment"));
        db.update("DELETE FROM proposal_attachment WHERE id = ?", attachmentId);
        audit.record(Actor.citizen(accountId), "proposal.attachment.remove", "proposal", proposalId, "attachment=" + attachmentId);
        // The row is gone in this transaction; the file goes with it (a failed commit leaves an unreferenced file only).
        store.delete(stored);
    }

    @Transactional(readOnly = true)
    public List<Attachment> list(long proposalId) {
        return db.list("SELECT * FROM proposal_attachment WHERE proposal_id = ? ORDER BY id", Attachment::map, proposalId);
    }

    /** The file and its bytes, if this viewer may see the proposal; otherwise 404 (nothing leaks). */
    public record Download(Attachment attachment, byte[] bytes, boolean proposalPublic) {
    }

    @Transactional(readOnly = true)
    public Download download(@Nullable Long viewerId, boolean moderator, long proposalId, long attachmentId) {
        Proposal p = proposals.find(proposalId);
        if (p == null || !(p.status().isPublic() || moderator || (viewerId != null && viewerId == p.authorId()))) {
            throw DomainException.notFound("attachment");
        }
        record Row(Attachment a, String stored) {
        }
        Row row = db.one("SELECT * FROM proposal_attachment WHERE id = ? AND proposal_id = ?",
                rs -> new Row(Attachment.map(rs), rs.getString("stored_name")), attachmentId, proposalId)
                .orElseThrow(() -> DomainException.notFound("attachment"));
        if (!store.exists(row.stored())) {
            throw DomainException.notFound("attachment");
        }
        return new Download(row.a(), store.read(row.stored()), p.status().isPublic());
    }

    int maxFiles() {
        return config.getMaxFiles();
    }

    long maxBytes() {
        return config.getMaxBytes();
    }

    private static void requireEditableBy(Proposal p, long accountId) {
        if (p.authorId() != accountId) {
            throw p.status().isPublic() ? DomainException.notAllowed("proposals.not-author") : DomainException.notFound("proposal");
        }
        ProposalRules.Verdict v = ProposalRules.mayEdit(p.facts(), accountId);
        if (v != ProposalRules.Verdict.OK) {
            throw DomainException.conflict("proposals.edit." + v.name());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
