package kr.hamkke.budgetlines.figures;

import java.util.Optional;

/** Units the reports print amounts in, read from the table caption (never guessed). */
public enum AmountUnit {
    WON("원", 1L),
    THOUSAND_WON("천원", 1_000L),
    MILLION_WON("백만원", 1_000_000L);

    private final String label;
    private final long won;

    AmountUnit(String label, long won) {
        this.label = label;
        this.won = won;
    }

    public String label() {
        return label;
    }

    /** How many 원 one printed unit is. */
    public long won() {
        return won;
    }

    /** Parses a unit label such as {@code 천원} or {@code 백만원} (spaces ignored). */
    public static Optional<AmountUnit> fromLabel(String label) {
        String key = label.replaceAll("\\s", "");
        for (AmountUnit unit : values()) {
            if (unit.label.equals(key)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}
