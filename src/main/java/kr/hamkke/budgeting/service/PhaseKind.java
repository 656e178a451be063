package kr.hamkke.budgeting.service;

import java.util.EnumSet;
import java.util.Set;

/** §5.3: the phases of a cycle in order, and the capabilities each switches on. */
public enum PhaseKind {
    AGENDA(EnumSet.of(Capability.COMMENT)),
    SUBMISSION(EnumSet.of(Capability.SUBMIT, Capability.EDIT, Capability.COMMENT)),
    SCREENING(EnumSet.of(Capability.SCREEN)),
    FEASIBILITY(EnumSet.of(Capability.REVIEW)),
    DELIBERATION(EnumSet.of(Capability.SHORTLIST)),
    VOTING(EnumSet.of(Capability.VOTE, Capability.BOOTH, Capability.PAPER, Capability.TURNOUT)),
    TALLY(EnumSet.of(Capability.PAPER, Capability.TALLY, Capability.RESULTS, Capability.TURNOUT)),
    ASSEMBLY(EnumSet.of(Capability.ASSEMBLY, Capability.RESULTS, Capability.TURNOUT)),
    COUNCIL(EnumSet.of(Capability.RESULTS, Capability.TURNOUT)),
    EXECUTION(EnumSet.of(Capability.RESULTS, Capability.TURNOUT));

    private final Set<Capability> capabilities;

    PhaseKind(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public boolean allows(Capability capability) {
        return capabilities.contains(capability);
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    public String messageKey() {
        return "budgeting.phase." + name();
    }
}
