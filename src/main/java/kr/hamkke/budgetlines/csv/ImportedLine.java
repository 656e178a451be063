package kr.hamkke.budgetlines.csv;

import java.util.Map;

/**
 * An accepted budget line (사업비 or 기본경비) from an import.
 *
 * @param row         1-based line in the CSV file
 * @param bureau      실국 (from a bureau row or the import option), may be null
 * @param division    과 / 담당관, may be null
 * @param name        사업명 as printed (whitespace runs collapsed)
 * @param matchedName the known line's name when the printed one matched only up to a variant (T3), else {@code name}
 * @param pbTag       the name carries the "(시민참여)" suffix
 * @param amounts     base amounts in whole 원 (corrections applied)
 */
public record ImportedLine(int row, String bureau, String division, String name, String matchedName,
                           RowKind kind, boolean pbTag, Map<Column, Long> amounts) {

    public ImportedLine {
        amounts = Map.copyOf(amounts);
    }

    public Long amount(Column column) {
        return amounts.get(column);
    }

    /** Same line regardless of where it sat in the file: for round-trip comparisons. */
    public ImportedLine withoutRow() {
        return new ImportedLine(0, bureau, division, name, matchedName, kind, pbTag, amounts);
    }
}
