package kr.hamkke.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain: hash = SHA-256(prev_hash || canonical row). Plain Java so the same code can be
 * run by outsiders against a published dump.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * Canonical text of a record: fields in a fixed order, each length-prefixed so no two different
     * records can produce the same text. Instants in microseconds, the column's precision.
     */
    public static String canonical(AuditRecord r) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Integer.toString(r.chainNo()));
        field(sb, Long.toString(r.seq()));
        long micros = r.occurredAt().getEpochSecond() * 1_000_000L + r.occurredAt().getNano() / 1_000;
        field(sb, Long.toString(micros));
        field(sb, r.actorId() == null ? "" : r.actorId().toString());
        field(sb, nullToEmpty(r.actorRole()));
        field(sb, r.action());
        field(sb, r.subjectType());
        field(sb, r.subjectId());
        field(sb, r.summary());
        field(sb, nullToEmpty(r.reason()));
        return sb.toString();
    }

    public static String hash(String prevHash, AuditRecord record) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            digest.update(canonical(record).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published head: one hash over every chain's head, in chain order. */
    public static String combinedHead(List<String> chainHeads) {
        StringBuilder sb = new StringBuilder();
        for (String head : chainHeads) {
            sb.append(head);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sb.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append('|');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
