package kr.hamkke.budgetlines.csv;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Line-name normalisation and matching against known lines: spacing and middle-dot variants
 * ({@code ·} {@code ‧} {@code ・}) are the same name; one edit away is a typo of a known line (T3).
 */
public final class LineNames {

    private static final Pattern IGNORABLE = Pattern.compile("[\\s\\u00B7\\u2027\\u30FB\\uFF65\\u318D\\u2024\\u2022]+");
    private static final Pattern RUNS = Pattern.compile("[\\s\\u3000]+");
    private static final int MIN_LENGTH_FOR_TYPO = 6;

    public enum MatchKind { EXACT, VARIANT, TYPO }

    public record Match(String knownName, MatchKind kind) {
    }

    private LineNames() {
    }

    /** Key for comparing names: no whitespace, no middle dots. */
    public static String normalize(String name) {
        return IGNORABLE.matcher(name).replaceAll("");
    }

    /** A printed name tidied for storage: trimmed, whitespace runs collapsed to one space. */
    public static String tidy(String printed) {
        return RUNS.matcher(printed.strip()).replaceAll(" ");
    }

    /** The known line this name denotes, if any: exact, up to spacing/middle dots, or one typo away (unique). */
    public static Optional<Match> match(String name, Collection<String> known) {
        for (String k : known) {
            if (k.equals(name)) {
                return Optional.of(new Match(k, MatchKind.EXACT));
            }
        }
        String key = normalize(name);
        for (String k : known) {
            if (normalize(k).equals(key)) {
                return Optional.of(new Match(k, MatchKind.VARIANT));
            }
        }
        if (key.length() < MIN_LENGTH_FOR_TYPO) {
            return Optional.empty();
        }
        List<String> typos = known.stream().filter(k -> isOneEditAway(normalize(k), key)).toList();
        return typos.size() == 1 ? Optional.of(new Match(typos.get(0), MatchKind.TYPO)) : Optional.empty();
    }

    static boolean isOneEditAway(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
