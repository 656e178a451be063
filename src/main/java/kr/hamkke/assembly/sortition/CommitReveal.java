package kr.hamkke.assembly.sortition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Commit–reveal of DOMAIN §6.3 steps 1 and 4. All text is UTF-8; hashes are lowercase hex.
 * <ul>
 *   <li>{@code commitment = hex(SHA-256(utf8(secret)))}, published before recruitment closes;</li>
 *   <li>{@code seed = SHA-256(utf8(secret) ‖ utf8(pool_hash hex) ‖ utf8(beacon))}, 32 bytes, shown as hex.</li>
 * </ul>
 */
public final class CommitReveal {
    private CommitReveal() {
    }

    public static String commitment(String secret) {
        return Hashing.sha256Hex(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of the secret's commitment with the published one (case-insensitive hex). */
    public static boolean verify(String secret, String publishedCommitment) {
        byte[] expected = commitment(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = publishedCommitment.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Derives the seed; refuses a secret whose commitment differs from the published one. */
    public static Seed deriveSeed(String secret, String publishedCommitment, String poolHash, String beacon) {
        if (!verify(secret, publishedCommitment)) {
            throw new CommitmentMismatch("the revealed secret does not match the published commitment "
                    + publishedCommitment.strip() + " (SHA-256 of the secret is " + commitment(secret) + ")");
        }
        return deriveSeed(secret, poolHash, beacon);
    }

    public static Seed deriveSeed(String secret, String poolHash, String beacon) {
        return new Seed(Hashing.sha256(secret.getBytes(StandardCharsets.UTF_8),
                poolHash.getBytes(StandardCharsets.UTF_8), beacon.getBytes(StandardCharsets.UTF_8)));
    }

    /** Raised when a draw is attempted with a secret that does not open the published commitment. */
    public static final class CommitmentMismatch extends IllegalArgumentException {
        public CommitmentMismatch(String message) {
            super(message);
        }
    }

    /** A 32-byte draw seed. */
    public record Seed(byte[] bytes) {
        public Seed {
            if (bytes.length != 32) {
                throw new IllegalArgumentException("a seed is 32 bytes (64 hex characters), got " + bytes.length + " bytes");
            }
            bytes = bytes.clone();
        }

        public static Seed parseHex(String hex) {
            String h = hex.strip();
            if (!h.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("seed must be 64 hexadecimal characters (a SHA-256), got '" + hex + "'");
            }
            return new Seed(HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT)));
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String hex() {
            return HexFormat.of().formatHex(bytes);
        }

        /** The seed of the i-th fairness re-draw: SHA-256(seed ‖ "fairness" ‖ int32be(i)). */
        public Seed redraw(int i) {
            byte[] idx = {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
            return new Seed(Hashing.sha256(bytes, "fairness".getBytes(StandardCharsets.US_ASCII), idx));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seed s && java.util.Arrays.equals(bytes, s.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return hex();
        }
    }
}
