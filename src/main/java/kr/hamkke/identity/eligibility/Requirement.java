package kr.hamkke.identity.eligibility;

import java.time.LocalDate;
import java.util.Set;

/**
 * What an action asks of a person. An empty allowedRelations set means no tie to Seoul is needed;
 * guCode/dongCode null = city-wide. closingDate is the date age is
 * counted on; open says whether the process's phase allows the action at all.
 */
public record Requirement(boolean verifiedRequired, int minAge, LocalDate closingDate,
                          Set<Person.RelationKind> allowedRelations, String guCode, String dongCode,
                          boolean open) {

    /** Posting of any kind: verified, no age or place condition. */
    public static Requirement posting(boolean open) {
        return new Requirement(true, 0, null, Set.of(), null, null, open);
    }

    /** Voting: verified, age on the closing date, a relation to the track's area. */
    public static Requirement voting(int minAge, LocalDate closingDate, Set<Person.RelationKind> relations,
                                     String guCode, String dongCode, boolean open) {
        return new Requirement(true, minAge, closingDate, relations, guCode, dongCode, open);
    }
}
