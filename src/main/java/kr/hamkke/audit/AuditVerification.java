package kr.hamkke.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.chain.AuditChain;
import kr.hamkke.audit.chain.AuditRecord;
import kr.hamkke.audit.chain.ChainVerifier;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Re-reads every chain from the database and checks every link. */
@Singleton
public class AuditVerification {

    public record Result(long entriesVerified, Optional<ChainVerifier.BrokenLink> firstBroken, String head) {
        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    private final JdbcOperations jdbc;

    public AuditVerification(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Result verifyAll() {
        long total = 0;
        ChainVerifier.BrokenLink first = null;
        List<String> heads = new ArrayList<>();
        for (int chain = 0; chain < AuditLog.CHAINS; chain++) {
            ChainVerifier verifier = new ChainVerifier(chain);
            int chainNo = chain;
            jdbc.prepareStatement("""
                    SELECT id, chain_no, seq, occurred_at, actor_id, actor_role, action, subject_type,
                           subject_id, summary, reason, prev_hash, hash
                    FROM audit_event WHERE chain_no = ? ORDER BY seq""", ps -> {
                ps.setInt(1, chainNo);
                ps.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && verifier.accept(read(rs))) {
                        // keep reading while the chain holds
                    }
                }
                return null;
            });
            String[] head = headOf(chain);
            verifier.finish(Long.parseLong(head[0]), head[1]);
            heads.add(head[1]);
            total += verifier.verified();
            if (first == null && verifier.broken().isPresent()) {
                first = verifier.broken().get();
            }
        }
        return new Result(total, Optional.ofNullable(first), AuditChain.combinedHead(heads));
    }

    /** The published head over all chains, for outsiders to pin. */
    @Transactional(readOnly = true)
    public Head head() {
        List<String> heads = new ArrayList<>();
        long entries = 0;
        for (int chain = 0; chain < AuditLog.CHAINS; chain++) {
            String[] head = headOf(chain);
            entries += Long.parseLong(head[0]);
            heads.add(head[1]);
        }
        return new Head(AuditChain.combinedHead(heads), entries, heads);
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Head(String head, long entries, List<String> chainHeads) {
    }

    private String[] headOf(int chain) {
        return jdbc.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE chain_no = ?", ps -> {
            ps.setInt(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new String[] {Long.toString(rs.getLong(1)), rs.getString(2)};
            }
        });
    }

    static ChainVerifier.StoredRow read(ResultSet rs) throws java.sql.SQLException {
        long actor = rs.getLong("actor_id");
        Long actorId = rs.wasNull() ? null : actor;
        AuditRecord record = new AuditRecord(rs.getInt("chain_no"), rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(), actorId, rs.getString("actor_role"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("summary"), rs.getString("reason"));
        return new ChainVerifier.StoredRow(rs.getLong("id"), record, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
