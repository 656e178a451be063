package kr.hamkke.proposals.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalised text for keyword search: NFC, lower case, no whitespace. "공유" then finds
 * "공유 킥보드" and "공유킥보드" with a plain LIKE (MariaDB has no ngram parser).
 */
public final class SearchText {

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    /** A LIKE pattern that matches the keyword anywhere, with %, _ and \ escaped. */
    public static String likePattern(String keyword) {
        String n = normalize(keyword).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + n + "%";
    }
}
