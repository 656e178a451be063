package kr.hamkke.budgeting.ballot;

/** Why a ballot (or adding a project to a draft) is not allowed; the ballot page words each one. */
public enum BallotViolation {
    EMPTY,
    UNKNOWN_PROJECT,
    DUPLICATE_PICK,
    TOO_MANY_PICKS,
    OVER_BUDGET,
    UNDER_MIN_SPEND,
    TOO_MANY_POINTS,
    POINTS_PER_PROJECT_EXCEEDED,
    /** points ≤ 0 on a cumulative ballot, or points other than 1 on an approval or knapsack ballot. */
    INVALID_POINTS
}
