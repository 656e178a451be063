package kr.hamkke.audit.chain;

import java.time.Instant;

/** One audit entry as it is hashed: every field a reader can see is covered by the hash. */
public record AuditRecord(
        int chainNo,
        long seq,
        Instant occurredAt,
        Long actorId,
        String actorRole,
        String action,
        String subjectType,
        String subjectId,
        String summary,
        String reason) {
}
