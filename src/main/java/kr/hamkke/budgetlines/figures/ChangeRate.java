package kr.hamkke.budgetlines.figures;

import java.util.Optional;

/**
 * 증감률 of this year's A against last year's B. When A or B is 0 the reports print {@code 100.0} /
 * {@code △100.0}; we show 신규 (new) or 폐지 (abolished) instead (DOMAIN §7.2, T15).
 */
public record ChangeRate(Kind kind, Rate rate) {

    public enum Kind {
        /** B &gt; 0 and A &gt; 0: an ordinary rate. */
        RATE(""),
        /** B = 0, A &gt; 0: 신규. */
        NEW("신규"),
        /** A = 0, B &gt; 0: 폐지. */
        ABOLISHED("폐지"),
        /** Both 0. */
        NONE("-");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The rate if it is an ordinary one or a 폐지 (−100.0 is still arithmetically right). */
    public Optional<Rate> arithmetic() {
        return Optional.ofNullable(rate);
    }

    /** Display: the rate (e.g. {@code △37.2}) or 신규 / 폐지. */
    public String display() {
        return kind == Kind.RATE ? rate.format() : kind.label();
    }
}
