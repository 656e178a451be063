package kr.hamkke.budgeting.tally;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.hamkke.shared.Rational;

/**
 * A supported project MES did not fund: after {@code winnersBefore} winners its supporters held only
 * {@code moneyHeld} (less than its cost) and had paid {@code paidForWinners} towards earlier winners.
 * {@code paidForWinners} is empty when the run was not traced.
 */
public record MesLoser(String projectId, Rational cost, long supporters, int winnersBefore,
                       Rational moneyHeld, Map<String, Rational> paidForWinners) {
    public MesLoser {
        paidForWinners = Collections.unmodifiableMap(new LinkedHashMap<>(paidForWinners));
    }
}
