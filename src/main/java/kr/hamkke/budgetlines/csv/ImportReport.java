package kr.hamkke.budgetlines.csv;

import java.time.LocalDate;
import java.util.List;

import kr.hamkke.budgetlines.figures.AmountUnit;

/**
 * The outcome of importing one table: the accepted lines, every finding (typed vs computed), and the
 * table itself (accepted rows) for export.
 *
 * @param format  detected layout, or null when the file was rejected as a whole
 * @param unit    unit from the caption, or null when missing (the file is then rejected)
 * @param rowsRead data rows read (footnotes included)
 */
public record ImportReport(String source, String encoding, TableFormat format, AmountUnit unit, LocalDate asOf,
                           int rowsRead, List<ImportedLine> lines, List<Finding> findings, BudgetTable table) {

    public ImportReport {
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
    }

    public List<Finding> errors() {
        return of(Finding.Level.ERROR);
    }

    public List<Finding> warnings() {
        return of(Finding.Level.WARNING);
    }

    public List<Finding> infos() {
        return of(Finding.Level.INFO);
    }

    /** Errors no correction has resolved: each blocks its row. */
    public List<Finding> blockingErrors() {
        return findings.stream().filter(Finding::blocksRow).toList();
    }

    public List<Finding> findingsAt(int row) {
        return findings.stream().filter(f -> f.row() == row).toList();
    }

    public List<Finding> findingsAt(int row, Column column) {
        return findings.stream().filter(f -> f.row() == row && f.column() == column).toList();
    }

    /** The accepted line with this printed or matched name (spacing and middle dots ignored). */
    public ImportedLine line(String name) {
        String key = LineNames.normalize(name);
        return lines.stream()
                .filter(l -> LineNames.normalize(l.name()).equals(key) || LineNames.normalize(l.matchedName()).equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no accepted line " + name + " in " + source));
    }

    public boolean rejected() {
        return table == null;
    }

    private List<Finding> of(Finding.Level level) {
        return findings.stream().filter(f -> f.level() == level).toList();
    }
}
