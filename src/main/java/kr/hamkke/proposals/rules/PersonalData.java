package kr.hamkke.proposals.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data in citizens' text (P10: hidden at once): what a moderator may mask without typing it —
 * 주민등록번호, phone numbers, e-mail addresses — and the masking itself. The mask has a fixed length, so it
 * does not tell how long the hidden text was.
 */
public final class PersonalData {

    public static final String MASK = "●●●●";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<!\\d)\\d{6}[- ]?[1-8]\\d{6}(?!\\d)"),
            Pattern.compile("(?<![\\d+])(?:\\+82[- ]?)?0?1[016789][- .]?\\d{3,4}[- .]?\\d{4}(?!\\d)"),
            Pattern.compile("(?<!\\d)0(?:2|[3-6][1-5])[- .)]?\\d{3,4}[- .]?\\d{4}(?!\\d)"),
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"));

    private PersonalData() {
    }

    public record Masked(String text, int count) {
    }

    /** Everything in the text that looks like personal data, in order of appearance, without duplicates. */
    public static List<String> find(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (text == null) {
            return List.of();
        }
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                int s = m.start();
                int e = m.end();
                if (spans.stream().noneMatch(x -> s < x[1] && e > x[0])) {
                    spans.add(new int[]{s, e});
                }
            }
        }
        spans.sort(Comparator.comparingInt(x -> x[0]));
        spans.forEach(x -> found.add(text.substring(x[0], x[1])));
        return List.copyOf(found);
    }

    /** Replaces every occurrence of each target (longest first, so a part never leaves the rest visible). */
    public static Masked mask(String text, Collection<String> targets) {
        if (text == null) {
            return new Masked(null, 0);
        }
        String out = text;
        int count = 0;
        List<String> ordered = targets.stream().filter(t -> t != null && !t.isBlank()).map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String t : ordered) {
            int at = out.indexOf(t);
            while (at >= 0) {
                out = out.substring(0, at) + MASK + out.substring(at + t.length());
                count++;
                at = out.indexOf(t, at + MASK.length());
            }
        }
        return new Masked(out, count);
    }
}
