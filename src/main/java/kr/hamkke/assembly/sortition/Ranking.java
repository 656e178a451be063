package kr.hamkke.assembly.sortition;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw order (DOMAIN §6.3 step 5): applicants ranked by {@code HMAC-SHA256(key = seed, message = utf8(code))}
 * read as an unsigned 256-bit big-endian number, ascending (ties, which need a SHA-256 collision, by code).
 */
public final class Ranking {
    private static final int INDEX_BITS = 21;
    private static final int PARALLEL_THRESHOLD = 20_000;

    private Ranking() {
    }

    /** Reference implementation with {@link Mac}; {@link #order} must agree with it (tested). */
    public static byte[] hmac(CommitReveal.Seed seed, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.bytes(), "HmacSHA256"));
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    /** Indices into {@code applicants}, best rank (smallest HMAC) first. */
    public static int[] order(List<Applicant> applicants, CommitReveal.Seed seed) {
        int n = applicants.size();
        if (n >= 1 << INDEX_BITS) {
            throw new IllegalArgumentException("pools above " + ((1 << INDEX_BITS) - 1) + " applicants are not supported");
        }
        long[] words = new long[4 * n];
        Hmac template = new Hmac(seed.bytes());
        int chunks = n >= PARALLEL_THRESHOLD ? 8 : 1;
        IntStream range = IntStream.range(0, chunks);
        (chunks > 1 ? range.parallel() : range).forEach(c -> {
            Hmac h = template.copy();
            for (int i = c * n / chunks; i < (c + 1) * n / chunks; i++) {
                byte[] d = h.digest(applicants.get(i).code().getBytes(StandardCharsets.UTF_8));
                for (int w = 0; w < 4; w++) {
                    long v = 0;
                    for (int b = 0; b < 8; b++) {
                        v = (v << 8) | (d[w * 8 + b] & 0xFF);
                    }
                    words[4 * i + w] = v;
                }
            }
        });
        // Sort by the top 42 bits with the index packed below; then settle runs that share those bits exactly.
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((words[4 * i] >>> (INDEX_BITS + 1)) << INDEX_BITS) | i;
        }
        Arrays.sort(packed);
        int[] out = new int[n];
        long mask = (1L << INDEX_BITS) - 1;
        for (int i = 0; i < n; i++) {
            out[i] = (int) (packed[i] & mask);
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            while (end < n && (packed[end] >>> INDEX_BITS) == (packed[start] >>> INDEX_BITS)) {
                end++;
            }
            if (end - start > 1) {
                Integer[] run = new Integer[end - start];
                for (int j = start; j < end; j++) {
                    run[j - start] = out[j];
                }
                Arrays.sort(run, (a, b) -> compare(words, applicants, a, b));
                for (int j = start; j < end; j++) {
                    out[j] = run[j - start];
                }
            }
            start = end;
        }
        return out;
    }

    private static int compare(long[] words, List<Applicant> applicants, int a, int b) {
        for (int w = 0; w < 4; w++) {
            int c = Long.compareUnsigned(words[4 * a + w], words[4 * b + w]);
            if (c != 0) {
                return c;
            }
        }
        return applicants.get(a).code().compareTo(applicants.get(b).code());
    }

    /** HMAC-SHA256 (RFC 2104) with the padded-key states computed once and cloned per message. */
    private static final class Hmac {
        private final MessageDigest inner;
        private final MessageDigest outer;

        Hmac(byte[] key) {
            byte[] k = Arrays.copyOf(key.length > 64 ? Hashing.sha256(key) : key, 64);
            byte[] ipad = new byte[64];
            byte[] opad = new byte[64];
            for (int i = 0; i < 64; i++) {
                ipad[i] = (byte) (k[i] ^ 0x36);
                opad[i] = (byte) (k[i] ^ 0x5c);
            }
            inner = newDigest();
            inner.update(ipad);
            outer = newDigest();
            outer.update(opad);
        }

        private Hmac(MessageDigest inner, MessageDigest outer) {
            this.inner = inner;
            this.outer = outer;
        }

        Hmac copy() {
            return new Hmac(cloned(inner), cloned(outer));
        }

        byte[] digest(byte[] message) {
            MessageDigest in = cloned(inner);
            in.update(message);
            MessageDigest out = cloned(outer);
            out.update(in.digest());
            return out.digest();
        }

        private static MessageDigest cloned(MessageDigest md) {
            try {
                return (MessageDigest) md.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
            }
        }

        private static MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }
    }
}
