package kr.hamkke.budgeting.tally;

/** B10: the group a ballot counts in, fixed at vote open. Booth and paper ballots count as CITIZEN. */
public enum ChannelGroup {
    CITIZEN, COMMITTEE, BUDGET_SCHOOL
}
