package kr.hamkke.budgetlines.csv;

/**
 * A user's corrected value for one cell, with the reason. Applied on a re-run of the import; the typed
 * value stays in the report and the finding records this correction as its resolution.
 *
 * @param row    1-based line number in the CSV file
 * @param column canonical column
 * @param value  the corrected value, in the table's own syntax (e.g. {@code 2,111,000})
 * @param note   why (shown in the import log and audited)
 */
public record Correction(int row, Column column, String value, String note) {

    public Correction {
        if (row < 1 || column == null || value == null || note == null || note.isBlank()) {
            throw new IllegalArgumentException("보정에는 행, 열, 값, 사유가 모두 필요합니다");
        }
    }
}
