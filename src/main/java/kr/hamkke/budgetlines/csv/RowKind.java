package kr.hamkke.budgetlines.csv;

/**
 * What a table row is, recognised from its name: totals and org units are subtotals checked against
 * their children; 기본경비 rows become BASIC lines.
 */
public enum RowKind {
    /** 합계 / 계. */
    TOTAL(0),
    /** 실국 level: …국, …기획관, …실, …본부. */
    BUREAU(1),
    /** Category subtotal: 사업예산(계), 행정운영경비(계). */
    GROUP(2),
    /** 과 level: …과, …담당관. */
    DIVISION(3),
    /** A 기본경비 row that sums the 기본경비(…) rows under it. */
    BASIC_GROUP(4),
    /** 사업비 line (세부사업). */
    PROGRAM(5),
    /** 기본경비 line. */
    BASIC(5),
    /** ※ / * footnote under the table. */
    FOOTNOTE(9);

    private final int level;

    RowKind(int level) {
        this.level = level;
    }

    int level() {
        return level;
    }

    public boolean isLine() {
        return this == PROGRAM || this == BASIC;
    }

    public boolean isSubtotal() {
        return level < 5;
    }
}
