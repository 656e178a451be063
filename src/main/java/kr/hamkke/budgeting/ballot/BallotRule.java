package kr.hamkke.budgeting.ballot;

/** B7: how a track's ballot may be filled in. Frozen at vote open. */
public sealed interface BallotRule {

    /** Pick between 1 and {@code maxPicks} projects. */
    record KApproval(int maxPicks) implements BallotRule {
        public KApproval {
            if (maxPicks < 1) throw new IllegalArgumentException("maxPicks must be at least 1");
        }
    }

    /** Picks whose costs sum to at most the envelope and, if set, at least {@code minSpendPercent} of it. */
    record Knapsack(long envelopeWon, int minSpendPercent) implements BallotRule {
        public Knapsack {
            if (envelopeWon <= 0) throw new IllegalArgumentException("envelope must be positive");
            if (minSpendPercent < 0 || minSpendPercent > 100) throw new IllegalArgumentException("minSpendPercent must be 0..100");
        }

        /** Minimum spend in 원, rounded up so that "at least x%" is never undercut. */
        public long minSpendWon() {
            return Math.ceilDiv(Math.multiplyExact(envelopeWon, (long) minSpendPercent), 100L);
        }
    }

    /** Distribute at most {@code totalPoints} points, at most {@code maxPerProject} on any one project. */
    record Cumulative(int totalPoints, int maxPerProject) implements BallotRule {
        public Cumulative {
            if (totalPoints < 1 || maxPerProject < 1) throw new IllegalArgumentException("points must be positive");
        }
    }
}
