package kr.hamkke.identity.eligibility;

/**
 * May this person do this now, and if not, why? The first failing condition wins, in the order a
 * person can fix them: sign in, verify, wait for the phase, then age and place (which they cannot).
 */
public final class Eligibility {

    private Eligibility() {
    }

    public static ReasonCode check(Person person, Requirement requirement) {
        if (!person.signedIn()) {
            return ReasonCode.NOT_LOGGED_IN;
        }
        if (requirement.verifiedRequired() && !person.verified()) {
            return ReasonCode.NOT_VERIFIED;
        }
        if (!requirement.open()) {
            return ReasonCode.PHASE_CLOSED;
        }
        if (requirement.minAge() > 0 && person.ageOn(requirement.closingDate()) < requirement.minAge()) {
            return ReasonCode.UNDER_AGE;
        }
        if (requirement.allowedRelations().isEmpty()) {
            return ReasonCode.ELIGIBLE;
        }
        boolean anyAllowedRelation = person.relations().stream()
                .anyMatch(r -> requirement.allowedRelations().contains(r.kind()));
        if (!anyAllowedRelation) {
            return ReasonCode.NO_RELATION;
        }
        if (requirement.guCode() != null && person.relations().stream().noneMatch(r -> inScope(r, requirement))) {
            return ReasonCode.OUT_OF_SCOPE;
        }
        return ReasonCode.ELIGIBLE;
    }

    private static boolean inScope(Person.Relation relation, Requirement requirement) {
        if (!requirement.allowedRelations().contains(relation.kind()) || !requirement.guCode().equals(relation.guCode())) {
            return false;
        }
        return requirement.dongCode() == null || requirement.dongCode().equals(relation.dongCode());
    }
}
