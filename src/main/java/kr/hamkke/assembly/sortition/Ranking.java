package kr.hamkke.assembly.sortition;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw order (DOMAIN §6.3 step 5): applicants ranked by {@code HMAC-SHA256(key = seed, message = utf8(code))}
 * read as an unsigned 256-bit big-endian number, ascending.
 */
public final class Ranking {
    private Ranking() {
    }

    public static byte[] hmac(CommitReveal.Seed seed, String code) {
        return newMac(seed).doFinal(code.getBytes(StandardCharsets.UTF_8));
    }

    /** Indices into {@code applicants}, best rank (smallest HMAC) first. */
    public static int[] order(List<Applicant> applicants, CommitReveal.Seed seed) {
        int n = applicants.size();
        Mac mac = newMac(seed);
        long[] keys = new long[4 * n];
        for (int i = 0; i < n; i++) {
            byte[] h = mac.doFinal(applicants.get(i).code().getBytes(StandardCharsets.UTF_8));
            for (int w = 0; w < 4; w++) {
                long v = 0;
                for (int b = 0; b < 8; b++) {
                    v = (v << 8) | (h[w * 8 + b] & 0xFF);
                }
                keys[4 * i + w] = v;
            }
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            for (int w = 0; w < 4; w++) {
                int c = Long.compareUnsigned(keys[4 * a + w], keys[4 * b + w]);
                if (c != 0) {
                    return c;
                }
            }
            return applicants.get(a).code().compareTo(applicants.get(b).code());
        });
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static Mac newMac(CommitReveal.Seed seed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.bytes(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }
}
