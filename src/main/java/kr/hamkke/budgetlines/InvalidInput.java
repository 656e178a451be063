package kr.hamkke.budgetlines;

import kr.hamkke.shared.DomainException;

/** A refused input, naming the form field it concerns (422; the message key is {@code error.<code>}). */
public class InvalidInput extends DomainException {

    private final String field;

    public InvalidInput(String field, String code) {
        super(Kind.INVALID, code);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
