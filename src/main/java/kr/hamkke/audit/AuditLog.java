package kr.hamkke.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.chain.AuditChain;
import kr.hamkke.audit.chain.AuditRecord;
import kr.hamkke.shared.Actor;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends audit entries inside the caller's transaction, so an entry exists exactly when its
 * change does. The chain head row is locked until commit; concurrent writers spread over
 * {@link #CHAINS} chains by thread, so one transaction always appends to one chain (no lock cycles).
 */
@Singleton
public class AuditLog {

    public static final int CHAINS = 8;

    private final JdbcOperations jdbc;
    private final Clock clock;

    public AuditLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public void record(Actor actor, String action, String subjectType, Object subjectId, String summary) {
        record(actor, action, subjectType, subjectId, summary, null);
    }

    @Transactional(propagation = io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY)
    public void record(Actor actor, String action, String subjectType, Object subjectId, String summary, String reason) {
        int chainNo = (int) (Thread.currentThread().threadId() % CHAINS);
        Head head = lockHead(chainNo);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AuditRecord record = new AuditRecord(chainNo, head.seq + 1, now, actor.accountId(), actor.role(),
                action, subjectType, String.valueOf(subjectId), summary == null ? "" : summary, reason);
        String hash = AuditChain.hash(head.hash, record);
        jdbc.prepareStatement("""
                INSERT INTO audit_event (chain_no, seq, occurred_at, actor_id, actor_role, action,
                  subject_type, subject_id, summary, reason, prev_hash, hash)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""", ps -> {
            ps.setInt(1, chainNo);
            ps.setLong(2, record.seq());
            ps.setTimestamp(3, Timestamp.from(now));
            if (actor.accountId() == null) {
                ps.setNull(4, java.sql.Types.BIGINT);
            } else {
                ps.setLong(4, actor.accountId());
            }
            ps.setString(5, actor.role());
            ps.setString(6, action);
            ps.setString(7, subjectType);
            ps.setString(8, record.subjectId());
            ps.setString(9, record.summary());
            ps.setString(10, reason);
            ps.setString(11, head.hash);
            ps.setString(12, hash);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE audit_chain_head SET seq = ?, hash = ? WHERE chain_no = ?", ps -> {
            ps.setLong(1, record.seq());
            ps.setString(2, hash);
            ps.setInt(3, chainNo);
            return ps.executeUpdate();
        });
    }

    private record Head(long seq, String hash) {
    }

    private Head lockHead(int chainNo) {
        return jdbc.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE chain_no = ? FOR UPDATE", ps -> {
            ps.setInt(1, chainNo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2));
            }
        });
    }

}
