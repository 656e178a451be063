package kr.hamkke.assembly;

import java.time.Instant;

/** A seat (MEMBER) or a place on the reserve list (RESERVE, with its rank). */
public record Membership(long id, long cycleId, long applicationId, long accountId, String code, Integer reserveRank,
                         Status status, Long replacesId, Long replacedById, Instant selectedAt, Instant appointedAt,
                         Instant preLearningDoneAt, Instant endedAt, String endReason, Position position) {

    /** 위원장, 부위원장 or 시민위원; assigned by staff. */
    public enum Position { MEMBER, CHAIR, VICE_CHAIR }

    public enum Status { RESERVE, SELECTED, APPOINTED, DECLINED, ACTIVE, WITHDRAWN, DISMISSED, COMPLETED }

    /** Holds a seat on the panel (counts for quotas and replacement). */
    public boolean seated() {
        return status == Status.SELECTED || status == Status.APPOINTED || status == Status.ACTIVE;
    }

    /** May use members-only spaces. */
    public boolean participating() {
        return status == Status.APPOINTED || status == Status.ACTIVE;
    }
}
