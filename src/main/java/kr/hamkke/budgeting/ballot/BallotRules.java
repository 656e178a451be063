package kr.hamkke.budgeting.ballot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * B7 ballot validation as pure functions. {@code projectCosts} is the track's ballot: project id →
 * cost in 원. Results list every problem once, in a stable order, so the page can show them all.
 */
public final class BallotRules {

    private BallotRules() {
    }

    /** Problems with a ballot about to be submitted; empty when it may be submitted. */
    public static List<BallotViolation> validate(BallotRule rule, Map<String, Long> projectCosts, List<BallotPick> picks) {
        Set<BallotViolation> problems = new LinkedHashSet<>();
        if (picks.isEmpty()) problems.add(BallotViolation.EMPTY);
        problems.addAll(draftProblems(rule, projectCosts, picks));
        if (rule instanceof BallotRule.Knapsack k && !picks.isEmpty() && spend(projectCosts, picks) < k.minSpendWon()) {
            problems.add(BallotViolation.UNDER_MIN_SPEND);
        }
        return new ArrayList<>(problems);
    }

    /**
     * Why {@code projectId} (with {@code points}) cannot be added to {@code draft}, for the ballot
     * page's disabled button; empty when it can. Minimum spend is not checked: a draft may be short.
     */
    public static Optional<BallotViolation> whyCannotAdd(BallotRule rule, Map<String, Long> projectCosts,
                                                         List<BallotPick> draft, String projectId, int points) {
        if (!projectCosts.containsKey(projectId)) return Optional.of(BallotViolation.UNKNOWN_PROJECT);
        if (draft.stream().anyMatch(p -> p.projectId().equals(projectId))) return Optional.of(BallotViolation.DUPLICATE_PICK);
        List<BallotPick> next = new ArrayList<>(draft);
        next.add(new BallotPick(projectId, points));
        return draftProblems(rule, projectCosts, next).stream().findFirst();
    }

    public static Optional<BallotViolation> whyCannotAdd(BallotRule rule, Map<String, Long> projectCosts,
                                                         List<BallotPick> draft, String projectId) {
        return whyCannotAdd(rule, projectCosts, draft, projectId, 1);
    }

    /** Everything except emptiness and minimum spend, which only matter on submit. */
    private static List<BallotViolation> draftProblems(BallotRule rule, Map<String, Long> projectCosts, List<BallotPick> picks) {
        Set<BallotViolation> problems = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (BallotPick pick : picks) {
            if (!projectCosts.containsKey(pick.projectId())) problems.add(BallotViolation.UNKNOWN_PROJECT);
            if (!seen.add(pick.projectId())) problems.add(BallotViolation.DUPLICATE_PICK);
        }
        switch (rule) {
            case BallotRule.KApproval k -> {
                if (picks.stream().anyMatch(p -> p.points() != 1)) problems.add(BallotViolation.INVALID_POINTS);
                if (seen.size() > k.maxPicks()) problems.add(BallotViolation.TOO_MANY_PICKS);
            }
            case BallotRule.Knapsack k -> {
                if (picks.stream().anyMatch(p -> p.points() != 1)) problems.add(BallotViolation.INVALID_POINTS);
                if (spend(projectCosts, picks) > k.envelopeWon()) problems.add(BallotViolation.OVER_BUDGET);
            }
            case BallotRule.Cumulative c -> {
                if (picks.stream().anyMatch(p -> p.points() < 1)) problems.add(BallotViolation.INVALID_POINTS);
                if (picks.stream().anyMatch(p -> p.points() > c.maxPerProject())) problems.add(BallotViolation.POINTS_PER_PROJECT_EXCEEDED);
                long total = picks.stream().mapToLong(BallotPick::points).filter(x -> x > 0).sum();
                if (total > c.totalPoints()) problems.add(BallotViolation.TOO_MANY_POINTS);
            }
        }
        return new ArrayList<>(problems);
    }

    /** Σ cost of the distinct known projects picked. */
    private static long spend(Map<String, Long> projectCosts, List<BallotPick> picks) {
        Set<String> counted = new HashSet<>();
        long total = 0;
        for (BallotPick p : picks) {
            Long cost = projectCosts.get(p.projectId());
            if (cost != null && counted.add(p.projectId())) total = Math.addExact(total, cost);
        }
        return total;
    }
}
