package kr.hamkke.budgeting.tally;

import kr.hamkke.shared.Rational;

/**
 * One line of the greedy audit trail, in greedy order.
 *
 * @param rank           1-based position in greedy order
 * @param votes          number of ballots listing the project (weighted ballots counted once each)
 * @param score          Σ weight × factor: weighted supporters, points or positional points
 * @param remainingBefore budget left when the project was considered
 * @param cumulativeCost total cost of everything selected so far, including this project if selected
 */
public record GreedyStep(int rank, String projectId, long votes, Rational score, Rational cost,
                         Rational remainingBefore, Rational cumulativeCost, GreedyStatus status) {
}
