package kr.hamkke.proposals.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares shown to 0.1 with half-up rounding, computed exactly (DOMAIN §0). */
public final class Percent {

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
