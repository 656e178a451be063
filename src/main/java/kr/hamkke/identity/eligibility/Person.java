package kr.hamkke.identity.eligibility;

import java.time.LocalDate;
import java.util.List;

/** What eligibility needs to know about someone: nothing more than verification recorded. */
public record Person(boolean signedIn, boolean verified, LocalDate birthDate, List<Relation> relations) {

    public static final Person ANONYMOUS = new Person(false, false, null, List.of());

    public record Relation(RelationKind kind, String guCode, String dongCode) {
    }

    public enum RelationKind { RESIDENT, WORKER, STUDENT }

    /** Age in full years on a date (the process's closing date). */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
