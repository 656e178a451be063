package kr.hamkke.budgeting.tally;

/** What greedy did with a project, as published on the results page. */
public enum GreedyStatus {
    SELECTED,
    /** chosen before greedy ran (e.g. an MES winner when greedy completes MES). */
    ALREADY_SELECTED,
    SKIPPED_DOES_NOT_FIT
}
