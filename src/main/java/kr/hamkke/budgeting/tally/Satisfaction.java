package kr.hamkke.budgeting.tally;

/** How much a voter gains from a funded project (PB-RULES.md "Satisfaction"). */
public enum Satisfaction {
    /** cost(p) if the ballot lists p. */
    COST,
    /** 1 if the ballot lists p. */
    CARDINALITY,
    /** the points the ballot gives p. */
    POINTS,
    /** K − rank with K = max_length (ordinal ballots). */
    POSITIONAL
}
