package kr.hamkke.budgeting.tally;

import java.util.LinkedHashMap;
import java.util.Map;
import kr.hamkke.shared.Rational;

/** B13: one plain-Korean sentence per project saying why it was or was not funded. */
public final class Explanations {

    private Explanations() {
    }

    /** Keyed by project id, in greedy order. */
    public static Map<String, String> of(GreedyResult result) {
        Map<String, String> sentences = new LinkedHashMap<>();
        for (GreedyStep step : result.steps()) {
            String cost = KoreanWon.format(step.cost());
            String left = KoreanWon.format(step.remainingBefore());
            String sentence = switch (step.status()) {
                case SELECTED -> step.rank() + "위, 사업비 " + cost + "이 남은 예산 " + left + " 이내라 선정";
                case ALREADY_SELECTED -> step.rank() + "위, 균등배분(MES)으로 이미 선정";
                case SKIPPED_DOES_NOT_FIT -> step.rank() + "위, 남은 예산 " + left + " < 사업비 " + cost + "이라 미선정";
            };
            sentences.put(step.projectId(), sentence);
        }
        return sentences;
    }

    /** Keyed by project id: winners in round order, then losers in drop-out order. */
    public static Map<String, String> of(MesResult result) {
        Map<String, String> sentences = new LinkedHashMap<>();
        for (MesRound round : result.rounds()) {
            String sentence = round.cost().isZero()
                    ? "MES: 사업비 0원이라 지지자 " + people(round.supporters()) + "의 부담 없이 선정"
                    : "MES: 지지자 " + people(round.supporters()) + "이 1인당 최대 " + KoreanWon.format(round.maxPayment()) + "씩 분담";
            sentences.put(round.projectId(), sentence);
        }
        for (MesLoser loser : result.losers()) {
            sentences.put(loser.projectId(), "MES: 지지자 " + people(loser.supporters()) + "에게 남은 돈 "
                    + KoreanWon.format(loser.moneyHeld()) + " < 사업비 " + KoreanWon.format(loser.cost()) + "이라 미선정");
        }
        return sentences;
    }

    /** A sentence for a project nobody voted for (neither list above mentions it under MES). */
    public static String unsupported(Rational cost) {
        return "지지표가 없어 미선정 (사업비 " + KoreanWon.format(cost) + ")";
    }

    private static String people(long count) {
        return KoreanWon.grouped(count) + "명";
    }
}
