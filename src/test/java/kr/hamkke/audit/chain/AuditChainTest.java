package kr.hamkke.audit.chain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainTest {

    private static AuditRecord record(long seq, String summary) {
        return new AuditRecord(0, seq, Instant.parse("2026-11-23T01:02:03.123456Z"), 7L, "ADMIN",
                "role.grant", "account", "42", summary, null);
    }

    @Test
    void hashDependsOnEveryFieldAndOnThePreviousHash() {
        String h1 = AuditChain.hash(AuditChain.GENESIS, record(1, "a"));
        assertEquals(64, h1.length());
        assertNotEquals(h1, AuditChain.hash(AuditChain.GENESIS, record(1, "b")));
        assertNotEquals(h1, AuditChain.hash(h1, record(1, "a")));
        assertNotEquals(h1, AuditChain.hash(AuditChain.GENESIS, record(2, "a")));
    }

    @Test
    void canonicalFormCannotBeForgedByMovingSeparators() {
        AuditRecord a = new AuditRecord(0, 1, Instant.EPOCH, null, "X", "a|b", "c", "d", "", null);
        AuditRecord b = new AuditRecord(0, 1, Instant.EPOCH, null, "X", "a", "b|c", "d", "", null);
        assertNotEquals(AuditChain.canonical(a), AuditChain.canonical(b));
    }

    @Test
    void verifierAcceptsAnIntactChainAndFindsTheFirstChangedEntry() {
        AuditRecord r1 = record(1, "first");
        String h1 = AuditChain.hash(AuditChain.GENESIS, r1);
        AuditRecord r2 = record(2, "second");
        String h2 = AuditChain.hash(h1, r2);

        ChainVerifier intact = new ChainVerifier(0);
        assertTrue(intact.accept(new ChainVerifier.StoredRow(1, r1, AuditChain.GENESIS, h1)));
        assertTrue(intact.accept(new ChainVerifier.StoredRow(2, r2, h1, h2)));
        intact.finish(2, h2);
        assertTrue(intact.broken().isEmpty());
        assertEquals(2, intact.verified());

        ChainVerifier tampered = new ChainVerifier(0);
        assertTrue(tampered.accept(new ChainVerifier.StoredRow(1, r1, AuditChain.GENESIS, h1)));
        assertFalse(tampered.accept(new ChainVerifier.StoredRow(2, record(2, "changed"), h1, h2)));
        assertEquals(2, tampered.broken().orElseThrow().seq());
    }

    @Test
    void verifierDetectsADeletedEntryAndATruncatedTail() {
        AuditRecord r1 = record(1, "first");
        String h1 = AuditChain.hash(AuditChain.GENESIS, r1);
        String h2 = AuditChain.hash(h1, record(2, "second"));
        AuditRecord r3 = record(3, "third");
        String h3 = AuditChain.hash(h2, r3);

        ChainVerifier gap = new ChainVerifier(0);
        gap.accept(new ChainVerifier.StoredRow(1, r1, AuditChain.GENESIS, h1));
        assertFalse(gap.accept(new ChainVerifier.StoredRow(3, r3, h2, h3)));
        assertTrue(gap.broken().orElseThrow().problem().contains("gap"));

        ChainVerifier truncated = new ChainVerifier(0);
        truncated.accept(new ChainVerifier.StoredRow(1, r1, AuditChain.GENESIS, h1));
        truncated.finish(3, h3);
        assertTrue(truncated.broken().isPresent());
    }
}
