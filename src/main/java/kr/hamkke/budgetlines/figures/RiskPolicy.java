package kr.hamkke.budgetlines.figures;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.MonthDay;
import java.util.EnumSet;
import java.util.Set;

/**
 * Thresholds of the risk flags; they are effective-dated configuration, so they come in as parameters.
 *
 * @param idleAfter         IDLE when nothing is committed at an as-of date strictly after this day (6.30)
 * @param lagPoints         LAG when 집행률 &lt; f × 100 − lagPoints (30)
 * @param forecastGapPercent FORECAST_GAP when stated − model &gt; forecastGapPercent % of 예산현액 (30)
 * @param shortfallFrom     SHORTFALL is evaluated at as-of dates on or after this day (3.31, the first quarterly report)
 * @param shortfallPercent  SHORTFALL when 예산현액 − model forecast &gt; shortfallPercent % of 예산현액 (30)
 */
public record RiskPolicy(MonthDay idleAfter, BigDecimal lagPoints, BigDecimal forecastGapPercent,
                         MonthDay shortfallFrom, BigDecimal shortfallPercent) {

    /**
     * §7.1's thresholds plus SHORTFALL: with IDLE, LAG and FORECAST_GAP alone the bureau at 12.4% on ’21.3.31
     * raises no flag (LAG needs f × 100 − 30 &gt; 12.4, i.e. mid-May), although §7.1 says the flags must catch it.
     */
    public static final RiskPolicy DEFAULTS = new RiskPolicy(MonthDay.of(6, 30), BigDecimal.valueOf(30),
            BigDecimal.valueOf(30), MonthDay.of(3, 31), BigDecimal.valueOf(30));

    public RiskPolicy {
        if (idleAfter == null || lagPoints == null || forecastGapPercent == null || shortfallFrom == null
                || shortfallPercent == null) {
            throw new IllegalArgumentException("all thresholds are required");
        }
    }

    public RiskPolicy withLagPoints(long points) {
        return new RiskPolicy(idleAfter, BigDecimal.valueOf(points), forecastGapPercent, shortfallFrom, shortfallPercent);
    }

    public RiskPolicy withShortfallPercent(long percent) {
        return new RiskPolicy(idleAfter, lagPoints, forecastGapPercent, shortfallFrom, BigDecimal.valueOf(percent));
    }

    public Set<RiskFlag> evaluate(ExecutionFigures figures) {
        Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
        if (figures.budgetCurrent() <= 0) {
            return flags;
        }
        if (figures.committed() == 0 && figures.asOf().isAfter(idleAfter.atYear(figures.asOf().getYear()))) {
            flags.add(RiskFlag.IDLE);
        }
        if (lags(figures)) {
            flags.add(RiskFlag.LAG);
        }
        if (figures.statedForecast() != null) {
            BigDecimal gap = BigDecimal.valueOf(figures.statedForecast() - figures.modelForecast())
                    .multiply(BigDecimal.valueOf(100));
            BigDecimal limit = forecastGapPercent.multiply(BigDecimal.valueOf(figures.budgetCurrent()));
            if (gap.compareTo(limit) > 0) {
                flags.add(RiskFlag.FORECAST_GAP);
            }
        }
        if (!figures.asOf().isBefore(shortfallFrom.atYear(figures.asOf().getYear()))) {
            // (예산현액 − model) × 100 > percent × 예산현액, exact
            BigDecimal unspent = BigDecimal.valueOf(figures.budgetCurrent() - figures.modelForecast())
                    .multiply(BigDecimal.valueOf(100));
            if (unspent.compareTo(shortfallPercent.multiply(BigDecimal.valueOf(figures.budgetCurrent()))) > 0) {
                flags.add(RiskFlag.SHORTFALL);
            }
        }
        return flags;
    }

    // spent/current × 100 < 100 × num/den − lag   <=>   spent × 100 × den < (100 × num − lag × den) × current
    private boolean lags(ExecutionFigures figures) {
        YearShare f = figures.yearShare();
        BigDecimal den = new BigDecimal(BigInteger.valueOf(f.denominator()));
        BigDecimal left = BigDecimal.valueOf(figures.spent()).multiply(BigDecimal.valueOf(100)).multiply(den);
        BigDecimal right = BigDecimal.valueOf(100L * f.numerator()).subtract(lagPoints.multiply(den))
                .multiply(BigDecimal.valueOf(figures.budgetCurrent()));
        return left.compareTo(right) < 0;
    }
}
