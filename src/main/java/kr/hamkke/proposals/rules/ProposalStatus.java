package kr.hamkke.proposals.rules;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Where a proposal is in its life (DOMAIN §4.2). */
public enum ProposalStatus {
    DRAFT, SUBMITTED, PUBLISHED, UNDER_REVIEW, ANSWERED, CLOSED, WITHDRAWN, HIDDEN, MERGED;

    private static final Map<ProposalStatus, Set<ProposalStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED),
            SUBMITTED, EnumSet.of(PUBLISHED, HIDDEN, MERGED, WITHDRAWN, DRAFT),
            PUBLISHED, EnumSet.of(UNDER_REVIEW, CLOSED, WITHDRAWN, HIDDEN, MERGED),
            UNDER_REVIEW, EnumSet.of(ANSWERED, HIDDEN),
            ANSWERED, EnumSet.of(HIDDEN),
            CLOSED, EnumSet.of(UNDER_REVIEW, HIDDEN),
            WITHDRAWN, EnumSet.noneOf(ProposalStatus.class),
            HIDDEN, EnumSet.noneOf(ProposalStatus.class),
            MERGED, EnumSet.noneOf(ProposalStatus.class));

    public boolean canTransitionTo(ProposalStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Visible to the public (drafts, pending screening and hidden ones are not). */
    public boolean isPublic() {
        return this != DRAFT && this != SUBMITTED && this != HIDDEN;
    }
}
