package kr.hamkke.shared.idempotency;

/** What an Idempotency-Key may look like: 1–100 visible ASCII characters (a UUID fits). */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static boolean valid(String key) {
        if (key == null || key.isEmpty() || key.length() > 100) {
            return false;
        }
        return key.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f);
    }
}
