package kr.hamkke.budgetlines.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import kr.hamkke.budgetlines.figures.Amounts;

/**
 * The same line printed in two tables of one report (section vs annex or summary) with different figures
 * (T6–T11): a warning listing both values. Names match up to spacing and middle dots.
 */
public final class DuplicateLineCheck {

    private DuplicateLineCheck() {
    }

    /** Compares every pair of tables; findings point at the row in the later table of each pair. */
    public static List<Finding> check(List<ImportReport> tables) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            for (int j = i + 1; j < tables.size(); j++) {
                findings.addAll(compare(tables.get(i), tables.get(j)));
            }
        }
        return findings;
    }

    public static List<Finding> compare(ImportReport first, ImportReport second) {
        List<Finding> findings = new ArrayList<>();
        for (ImportedLine b : second.lines()) {
            for (ImportedLine a : first.lines()) {
                if (!LineNames.normalize(a.name()).equals(LineNames.normalize(b.name()))) {
                    continue;
                }
                for (Column column : Column.values()) {
                    Long va = a.amount(column);
                    Long vb = b.amount(column);
                    if (va == null || vb == null || Objects.equals(va, vb)) {
                        continue;
                    }
                    String fa = Amounts.formatThousandWon(va);
                    String fb = Amounts.formatThousandWon(vb);
                    findings.add(new Finding(Finding.Level.WARNING, second.source(), b.row(), column, fb, fa,
                            "같은 사업이 두 표에 다른 값으로 나옴: " + first.source() + " " + a.row() + "행 " + fa
                                    + " / " + second.source() + " " + b.row() + "행 " + fb, null));
                }
            }
        }
        return findings;
    }
}
