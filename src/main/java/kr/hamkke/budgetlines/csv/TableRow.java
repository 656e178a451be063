package kr.hamkke.budgetlines.csv;

import java.util.EnumMap;
import java.util.Map;

/**
 * One row of a report table with its base amounts in whole 원 (derived columns are never stored).
 * Subtotal rows carry their own amounts only when they have no children in the table.
 */
public record TableRow(String name, RowKind kind, Map<Column, Long> amounts) {

    public TableRow {
        if (name == null || kind == null) {
            throw new IllegalArgumentException("name and kind");
        }
        Map<Column, Long> copy = new EnumMap<>(Column.class);
        amounts.forEach((column, value) -> {
            if (!column.isBaseAmount()) {
                throw new IllegalArgumentException(column + " is derived");
            }
            copy.put(column, value);
        });
        amounts = Map.copyOf(copy);
    }

    public static TableRow of(String name, RowKind kind, Map<Column, Long> amounts) {
        return new TableRow(name, kind, amounts);
    }

    public Long amount(Column column) {
        return amounts.get(column);
    }
}
