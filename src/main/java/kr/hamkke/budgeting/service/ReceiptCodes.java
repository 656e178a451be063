package kr.hamkke.budgeting.service;

import java.security.SecureRandom;
import java.util.Locale;
import kr.hamkke.shared.Hashing;

/** B8: 12 Crockford-base32 characters shown as 7K3M-Q9XD-2F4A; only SHA-256 of the code is stored. */
public final class ReceiptCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    public static String fresh() {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return sb.toString();
    }

    /** Crockford decoding rules: case-insensitive, I/L read as 1, O as 0, hyphens and spaces ignored. */
    public static String normalize(String code) {
        if (code == null) {
            return "";
        }
        String s = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('I', '1').replace('L', '1').replace('O', '0');
        return s;
    }

    public static boolean wellFormed(String code) {
        String n = normalize(code);
        return n.length() == 12 && n.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    public static String hash(String code) {
        return Hashing.sha256Hex("pb-receipt|" + normalize(code));
    }
}
