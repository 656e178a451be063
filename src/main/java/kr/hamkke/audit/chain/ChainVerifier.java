package kr.hamkke.audit.chain;

import java.util.Optional;

/**
 * Walks one chain in seq order and reports the first broken link: a row whose stored prev_hash is
 * not the previous row's hash, whose stored hash is not the recomputed one, or a gap in seq.
 */
public final class ChainVerifier {

    /** A stored row: the record plus the two hashes kept beside it. */
    public record StoredRow(long id, AuditRecord record, String prevHash, String hash) {
    }

    public record BrokenLink(int chainNo, long seq, long id, String problem) {
    }

    private final int chainNo;
    private String expectedPrev = AuditChain.GENESIS;
    private long expectedSeq = 1;
    private long verified;
    private BrokenLink broken;

    public ChainVerifier(int chainNo) {
        this.chainNo = chainNo;
    }

    /** Feed rows in seq order; returns false once a broken link has been found. */
    public boolean accept(StoredRow row) {
        if (broken != null) {
            return false;
        }
        AuditRecord r = row.record();
        if (r.seq() != expectedSeq) {
            broken = new BrokenLink(chainNo, expectedSeq, row.id(), "missing entry (sequence gap)");
        } else if (!row.prevHash().equals(expectedPrev)) {
            broken = new BrokenLink(chainNo, r.seq(), row.id(), "prev_hash does not match the previous entry");
        } else if (!AuditChain.hash(row.prevHash(), r).equals(row.hash())) {
            broken = new BrokenLink(chainNo, r.seq(), row.id(), "content changed after it was written");
        } else {
            expectedPrev = row.hash();
            expectedSeq++;
            verified++;
            return true;
        }
        return false;
    }

    /** Checks that the chain ends where its published head says it does. */
    public void finish(long headSeq, String headHash) {
        if (broken == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrev))) {
            broken = new BrokenLink(chainNo, headSeq, -1, "chain head does not match the last entry");
        }
    }

    public long verified() {
        return verified;
    }

    public Optional<BrokenLink> broken() {
        return Optional.ofNullable(broken);
    }
}
