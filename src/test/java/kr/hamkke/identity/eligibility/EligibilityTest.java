package kr.hamkke.identity.eligibility;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static kr.hamkke.identity.eligibility.Person.RelationKind.RESIDENT;
import static kr.hamkke.identity.eligibility.Person.RelationKind.STUDENT;
import static kr.hamkke.identity.eligibility.Person.RelationKind.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EligibilityTest {

    private static final LocalDate CLOSING = LocalDate.of(2026, 8, 23);
    private static final Set<Person.RelationKind> ALL = Set.of(RESIDENT, WORKER, STUDENT);

    private static Person verified(LocalDate birth, Person.Relation... relations) {
        return new Person(true, true, birth, List.of(relations));
    }

    private static Person.Relation lives(String gu) {
        return new Person.Relation(RESIDENT, gu, null);
    }

    static Stream<Arguments> cases() {
        LocalDate adult = LocalDate.of(1980, 1, 1);
        return Stream.of(
                Arguments.of("anonymous", Person.ANONYMOUS, Requirement.posting(true), ReasonCode.NOT_LOGGED_IN),
                Arguments.of("signed in, not verified", new Person(true, false, null, List.of()), Requirement.posting(true), ReasonCode.NOT_VERIFIED),
                Arguments.of("posting needs no relation", verified(adult), Requirement.posting(true), ReasonCode.ELIGIBLE),
                Arguments.of("closed phase", verified(adult, lives("11440")), Requirement.posting(false), ReasonCode.PHASE_CLOSED),
                Arguments.of("turns 14 on the closing day", verified(LocalDate.of(2012, 8, 23), lives("11440")),
                        Requirement.voting(14, CLOSING, ALL, null, null, true), ReasonCode.ELIGIBLE),
                Arguments.of("turns 14 the day after closing", verified(LocalDate.of(2012, 8, 24), lives("11440")),
                        Requirement.voting(14, CLOSING, ALL, null, null, true), ReasonCode.UNDER_AGE),
                Arguments.of("city vote without any tie to Seoul", verified(adult),
                        Requirement.voting(14, CLOSING, ALL, null, null, true), ReasonCode.NO_RELATION),
                Arguments.of("relation kind not admitted this cycle", verified(adult, new Person.Relation(STUDENT, "11440", null)),
                        Requirement.voting(14, CLOSING, Set.of(RESIDENT), null, null, true), ReasonCode.NO_RELATION),
                Arguments.of("district track, lives elsewhere", verified(adult, lives("11680")),
                        Requirement.voting(14, CLOSING, ALL, "11440", null, true), ReasonCode.OUT_OF_SCOPE),
                Arguments.of("district track, works there", verified(adult, lives("11680"), new Person.Relation(WORKER, "11440", null)),
                        Requirement.voting(14, CLOSING, ALL, "11440", null, true), ReasonCode.ELIGIBLE),
                Arguments.of("dong track, other dong", verified(adult, new Person.Relation(RESIDENT, "11440", "1144069000")),
                        Requirement.voting(14, CLOSING, ALL, "11440", "1144068000", true), ReasonCode.OUT_OF_SCOPE),
                Arguments.of("dong track, right dong", verified(adult, new Person.Relation(RESIDENT, "11440", "1144068000")),
                        Requirement.voting(14, CLOSING, ALL, "11440", "1144068000", true), ReasonCode.ELIGIBLE),
                Arguments.of("leap-day birthday, 14 on 28 Feb of a common year", verified(LocalDate.of(2012, 2, 29), lives("11440")),
                        Requirement.voting(14, LocalDate.of(2026, 2, 28), ALL, null, null, true), ReasonCode.UNDER_AGE),
                Arguments.of("leap-day birthday, 14 on 1 Mar", verified(LocalDate.of(2012, 2, 29), lives("11440")),
                        Requirement.voting(14, LocalDate.of(2026, 3, 1), ALL, null, null, true), ReasonCode.ELIGIBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reasons(String name, Person person, Requirement requirement, ReasonCode expected) {
        assertEquals(expected, Eligibility.check(person, requirement));
    }
}
