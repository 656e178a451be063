package kr.hamkke.budgeting.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.hamkke.budgeting.ballot.BallotRule;

/** Read models of the budgeting feature (records mapped straight from rows). */
public final class Models {

    private Models() {
    }

    @Serdeable
    public record Cycle(long id, String name, int fiscalYear, String template, int weightCitizen, int weightCommittee,
                        int weightSchool, int minAge, String relations) {
    }

    @Serdeable
    public record Phase(long id, long cycleId, PhaseKind kind, int ordinal, LocalDate startsOn, LocalDate endsOn) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }
    }

    @Serdeable
    public record Track(long id, long cycleId, String code, String nameKo, String nameEn, String scope, String scopeUnit,
                        long envelopeWon, String runningOrgUnit, String fundingOrgUnit, String ballotRule, int maxPicks,
                        int ruleParam, String allocation, String source, boolean readOnly) {

        public BallotRule rule() {
            return switch (ballotRule) {
                case "KNAPSACK" -> new BallotRule.Knapsack(envelopeWon, ruleParam);
                case "CUMULATIVE" -> new BallotRule.Cumulative(ruleParam, Math.max(1, maxPicks));
                default -> new BallotRule.KApproval(maxPicks);
            };
        }

        public String guCode() {
            return scopeUnit == null || "CITY".equals(scope) ? null : scopeUnit.substring(0, 5);
        }

        public String dongCode() {
            return "DONG".equals(scope) ? scopeUnit : null;
        }
    }

    @Serdeable
    public record Project(long id, String code, long cycleId, long trackId, String title, String description,
                          String guCode, String dongCode, String category, Long proposerId, long requestedCostWon,
                          Long adjustedCostWon, String status, Instant createdAt) {
        /** The cost on the ballot: the adjusted cost once feasibility changed it. */
        public long costWon() {
            return adjustedCostWon != null ? adjustedCostWon : requestedCostWon;
        }
    }

    @Serdeable
    public record Event(Instant occurredAt, String actorRole, String action, String fromStatus, String toStatus,
                        String reasonCode, String publicText) {
        /** KST time for the timeline. */
        public String when() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(occurredAt.atZone(kr.hamkke.shared.ClockFactory.SEOUL));
        }
    }

    @Serdeable
    public record Feasibility(int version, String verdict, Long adjustedCostWon, String adjustmentReason, Instant reviewedAt) {
    }

    @Serdeable
    public record CycleView(Cycle cycle, List<Phase> phases, PhaseKind current, List<Track> tracks) {
    }
}
