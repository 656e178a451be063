package kr.hamkke.assembly.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 시민총회 adoption (DOMAIN §6.2): YES &gt; 50% of YES+NO and turnout (YES+NO+ABSTAIN) ≥ the turnout
 * share of ACTIVE members; adopted items are ranked by YES share (then YES count, then item id).
 */
public final class PlenaryRule {

    public record Count(long itemId, int yes, int no, int abstain) {
        public int turnout() {
            return yes + no + abstain;
        }

        /** YES / (YES + NO), 0 when nobody took a side. */
        public double yesShare() {
            return yes + no == 0 ? 0 : (double) yes / (yes + no);
        }
    }

    public record Outcome(Count count, boolean majority, boolean quorum, boolean adopted, Integer rank) {
    }

    private PlenaryRule() {
    }

    public static boolean majority(Count c) {
        return 2L * c.yes() > (long) c.yes() + c.no();
    }

    /** turnout × 100 ≥ percent × active (integer arithmetic, no rounding surprises). */
    public static boolean quorum(Count c, int activeMembers, int turnoutPercent) {
        return activeMembers > 0 && 100L * c.turnout() >= (long) turnoutPercent * activeMembers;
    }

    public static List<Outcome> decide(List<Count> counts, int activeMembers, int turnoutPercent) {
        List<Count> adopted = counts.stream()
                .filter(c -> majority(c) && quorum(c, activeMembers, turnoutPercent))
                .sorted(Comparator.comparingDouble(Count::yesShare).reversed()
                        .thenComparing(Comparator.comparingInt(Count::yes).reversed())
                        .thenComparingLong(Count::itemId))
                .toList();
        List<Outcome> out = new ArrayList<>();
        for (Count c : counts) {
            int idx = adopted.indexOf(c);
            out.add(new Outcome(c, majority(c), quorum(c, activeMembers, turnoutPercent), idx >= 0, idx >= 0 ? idx + 1 : null));
        }
        return out;
    }
}
