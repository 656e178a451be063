package kr.hamkke.budgetlines;

import kr.hamkke.budgetlines.figures.Amounts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Server-rendered SVG of 원인행위액 and 지출액 over the fiscal year against 예산현액, for a line detail page.
 * The same figures are in the data table next to it; the SVG is decorative for screen readers beyond its title.
 */
public final class SpendingChart {

    private static final int W = 640;
    private static final int H = 260;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    private SpendingChart() {
    }

    public static String svg(BudgetLine line, List<Snapshot> snapshots) {
        long max = Math.max(line.budgetCurrentWon(), snapshots.stream().mapToLong(Snapshot::committedWon).max().orElse(0));
        max = Math.max(max, 1000);
        LocalDate start = LocalDate.of(line.fiscalYear(), 1, 1);
        long days = ChronoUnit.DAYS.between(start, LocalDate.of(line.fiscalYear() + 1, 1, 1));
        StringBuilder s = new StringBuilder();
        String title = esc(line.fiscalYear() + "년 " + line.programName() + " 집행 추이");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-labelledby=\"chart-title-").append(line.id()).append("\">")
                .append("<title id=\"chart-title-").append(line.id()).append("\">").append(title)
                .append(": 예산현액 ").append(Amounts.formatThousandWon(line.budgetCurrentWon())).append("천원</title>");
        int plotW = W - LEFT - RIGHT;
        int plotH = H - TOP - BOTTOM;
        // axes and budget line
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"none\" stroke=\"#bbb\"/>");
        double yBudget = y(line.budgetCurrentWon(), max, plotH);
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(fmt(yBudget))
                .append("\" y2=\"").append(fmt(yBudget)).append("\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>");
        s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(yBudget + 4))
                .append("\" text-anchor=\"end\" font-size=\"11\">예산현액</text>");
        for (int m = 1; m <= 12; m += 1) {
            double x = LEFT + plotW * (double) ChronoUnit.DAYS.between(start, LocalDate.of(line.fiscalYear(), m, 1)) / days;
            s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(H - BOTTOM + 16)
                    .append("\" font-size=\"11\" text-anchor=\"middle\">").append(m).append("월</text>");
        }
        s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + plotH)
                .append("\" text-anchor=\"end\" font-size=\"11\">0</text>");
        s.append(series(snapshots, start, days, max, plotW, plotH, true, "#1f5fbf", "원인행위액"));
        s.append(series(snapshots, start, days, max, plotW, plotH, false, "#d9480f", "지출액"));
        // legend
        s.append("<g font-size=\"12\"><rect x=\"").append(LEFT).append("\" y=\"").append(H - 14)
                .append("\" width=\"12\" height=\"4\" fill=\"#1f5fbf\"/><text x=\"").append(LEFT + 16).append("\" y=\"")
                .append(H - 9).append("\">원인행위액</text><rect x=\"").append(LEFT + 100).append("\" y=\"").append(H - 14)
                .append("\" width=\"12\" height=\"4\" fill=\"#d9480f\"/><text x=\"").append(LEFT + 116).append("\" y=\"")
                .append(H - 9).append("\">지출액</text></g>");
        s.append("</svg>");
        return s.toString();
    }

    private static String series(List<Snapshot> snapshots, LocalDate start, long days, long max, int plotW, int plotH,
                                 boolean committed, String color, String label) {
        if (snapshots.isEmpty()) {
            return "";
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Snapshot sn : snapshots) {
            double x = LEFT + plotW * Math.min(1.0, (double) ChronoUnit.DAYS.between(start, sn.asOf()) / days);
            double y = y(committed ? sn.committedWon() : sn.spentWon(), max, plotH);
            points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"3\" fill=\"")
                    .append(color).append("\"><title>").append(sn.asOf()).append(' ').append(label).append(' ')
                    .append(Amounts.formatThousandWon(committed ? sn.committedWon() : sn.spentWon())).append("천원</title></circle>");
        }
        return "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"2\" points=\"" + points.toString().strip()
                + "\"/>" + dots;
    }

    private static double y(long won, long max, int plotH) {
        return TOP + plotH - plotH * (double) won / max;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
