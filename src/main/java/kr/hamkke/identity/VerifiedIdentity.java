package kr.hamkke.identity;

import kr.hamkke.identity.eligibility.Person;

import java.time.LocalDate;
import java.util.List;

/** A verified person as other features see them: the identity hash and what eligibility needs. */
public record VerifiedIdentity(long accountId, String identityHash, LocalDate birthDate, String gender,
                               List<Person.Relation> relations) {

    public Person asPerson() {
        return new Person(true, true, birthDate, relations);
    }

    /** 자치구 of residence, else of work or study. */
    public String homeGu() {
        return relations.stream().map(Person.Relation::guCode).findFirst().orElse(null);
    }
}
