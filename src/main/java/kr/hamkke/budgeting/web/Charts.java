package kr.hamkke.budgeting.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Server-rendered horizontal bar charts with the same data as a table; cells under 10 show "<10". */
public final class Charts {

    public record Bar(String label, String value, int y, int width) {
    }

    public record Chart(String titleKey, List<Bar> bars, int height) {
    }

    private Charts() {
    }

    public static String suppress(long n) {
        return n < 10 ? "<10" : Long.toString(n);
    }

    public static Chart bars(String titleKey, Map<String, Long> data) {
        long max = data.values().stream().mapToLong(Long::longValue).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<String, Long> e : data.entrySet()) {
            long shown = e.getValue() < 10 ? 0 : e.getValue();
            int width = (int) Math.round(300.0 * shown / Math.max(1, max));
            bars.add(new Bar(e.getKey(), suppress(e.getValue()), y, width));
            y += 24;
        }
        return new Chart(titleKey, bars, Math.max(24, y));
    }
}
