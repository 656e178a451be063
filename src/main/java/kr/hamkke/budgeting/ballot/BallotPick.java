package kr.hamkke.budgeting.ballot;

/** One selection on a ballot: a project and its points (1 for approval and knapsack ballots). */
public record BallotPick(String projectId, int points) {
    public static BallotPick of(String projectId) {
        return new BallotPick(projectId, 1);
    }
}
