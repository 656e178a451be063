package kr.hamkke.budgetlines;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import kr.hamkke.audit.AuditLog;
import kr.hamkke.budgetlines.csv.BudgetTableImporter;
import kr.hamkke.budgetlines.csv.BundledReportTables;
import kr.hamkke.budgetlines.csv.Column;
import kr.hamkke.budgetlines.csv.Correction;
import kr.hamkke.budgetlines.csv.Finding;
import kr.hamkke.budgetlines.csv.ImportOptions;
import kr.hamkke.budgetlines.csv.ImportReport;
import kr.hamkke.budgetlines.csv.ImportedLine;
import kr.hamkke.budgetlines.csv.RowKind;
import kr.hamkke.budgetlines.csv.TableFormat;
import kr.hamkke.shared.Actor;
import kr.hamkke.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CSV imports of the reports' tables through the strict importer: upload (findings stored), corrections with
 * notes (audited; the typed value stays in the findings), and apply (lines and snapshots upserted).
 */
@Singleton
public class BudgetImportService {

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** One stored import. */
    public record ImportRecord(long id, String source, int fiscalYear, String bureau, LocalDate asOf, String status,
                               byte[] content) {
    }

    /** A stored correction with its note. */
    public record StoredCorrection(int row, String column, String value, String note) {
    }

    /** An import as staff and the API see it: the stored record, the current report, the corrections. */
    public record ImportView(ImportRecord record, ImportReport report, List<StoredCorrection> corrections) {
    }

    private final BudgetLineStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Set<String> knownNames = BundledReportTables.knownLineNames();

    BudgetImportService(BudgetLineStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Stores an upload and its findings. Nothing changes in the budget lines until {@link #apply}. */
    @Transactional
    public ImportView upload(Actor actor, String source, byte[] content, Integer fiscalYear, String bureau, LocalDate asOf) {
        if (content == null || content.length == 0) {
            throw new InvalidInput("file", "budget.import-empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInput("file", "budget.import-too-large");
        }
        if (fiscalYear == null || fiscalYear < 2000 || fiscalYear > 2100) {
            throw new InvalidInput("fiscalYear", "budget.fiscal-year");
        }
        String name = source == null || source.isBlank() ? "upload.csv" : source.strip();
        name = name.length() > 300 ? name.substring(0, 300) : name;
        String b = bureau == null || bureau.isBlank() ? null : bureau.strip();
        if (b != null && !BudgetLineService.BUREAU.matcher(b).matches()) {
            throw new InvalidInput("bureau", "budget.bureau");
        }
        long id = store.insert("INSERT INTO budget_import (source, fiscal_year, bureau, as_of, content, imported_by, "
                + "created_at) VALUES (?,?,?,?,?,?,?)", name, fiscalYear, b, asOf, content, actor.accountId(), now());
        ImportReport report = run(id);
        audit.record(actor, "budgetline.import.upload", "budget_import", id, name + ": " + report.lines().size()
                + "개 사업, 오류 " + report.errors().size() + ", 경고 " + report.warnings().size());
        return view(id);
    }

    /** Adds (or replaces) a correction for one cell with its note and re-runs the import. */
    @Transactional
    public ImportView correct(Actor actor, long importId, Integer row, String column, String value, String note) {
        ImportRecord record = lockRecord(importId);
        if (!record.status().equals("PREVIEW")) {
            throw DomainException.conflict("budget.import-applied");
        }
        Column col;
        try {
            col = Column.valueOf(column == null ? "" : column.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("column", "budget.correction-column");
        }
        if (row == null || row < 1) {
            throw new InvalidInput("row", "budget.correction-row");
        }
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 100) {
            throw new InvalidInput("value", "budget.correction-value");
        }
        String n = note == null ? "" : note.strip();
        if (n.length() < 5 || n.length() > 1000) {
            throw new InvalidInput("note", "budget.correction-note");
        }
        Optional<StoredCorrection> old = corrections(importId).stream()
                .filter(c -> c.row() == row && c.column().equals(col.name())).findFirst();
        store.update("DELETE FROM budget_import_correction WHERE import_id = ? AND row_no = ? AND column_name = ?",
                importId, row, col.name());
        store.insert("INSERT INTO budget_import_correction (import_id, row_no, column_name, value, note, created_by, "
                + "created_at) VALUES (?,?,?,?,?,?,?)", importId, row, col.name(), v, n, actor.accountId(), now());
        ImportReport report = run(importId);
        String typed = report.findingsAt(row, col).stream().map(Finding::typed).filter(t -> t != null).findFirst().orElse("?");
        audit.record(actor, "budgetline.import.correct", "budget_import", importId, record.source() + " " + row + "행 "
                + col.label() + ": " + typed + " → " + v + old.map(o -> " (이전 보정 " + o.value() + ")").orElse(""), n);
        return view(importId);
    }

    /** Writes the accepted lines (and snapshots for execution tables); blocked rows are left out. */
    @Transactional
    public ImportView apply(Actor actor, long importId) {
        ImportRecord record = lockRecord(importId);
        if (!record.status().equals("PREVIEW")) {
            throw DomainException.conflict("budget.import-applied");
        }
        ImportReport report = run(importId);
        if (report.rejected()) {
            throw DomainException.conflict("budget.import-rejected");
        }
        int created = 0;
        int updated = 0;
        int snapshots = 0;
        Instant now = now();
        LocalDate asOf = report.asOf() != null ? report.asOf() : record.asOf();
        for (ImportedLine l : report.lines()) {
            String bureau = firstNonBlank(l.bureau(), record.bureau(), l.division(), "미지정국");
            String division = l.division() == null ? "" : l.division();
            String name = l.matchedName() == null ? l.name() : l.matchedName();
            String kind = l.kind() == RowKind.BASIC ? "BASIC" : "PROGRAM";
            String src = record.source() + ":" + l.row();
            Optional<BudgetLine> existing = store.findLine(record.fiscalYear(), bureau, division, name);
            BudgetLine line;
            if (report.format() == TableFormat.PLAN) {
                long a = nz(l.amount(Column.PLAN_AMOUNT));
                line = existing.map(e -> new BudgetLine(e.id(), e.fiscalYear(), e.bureau(), e.division(), e.programName(),
                                e.programCode(), kind, a, e.originalWon() == e.finalWon() ? a : e.finalWon(),
                                e.carriedOverWon(), l.amount(Column.PREV_ORIGINAL), l.amount(Column.PREV_FINAL),
                                e.pbTag() || l.pbTag(), e.guCode(), e.status(), e.statusReasonCode(), e.statusReason(),
                                e.published(), src))
                        .orElseGet(() -> new BudgetLine(0, record.fiscalYear(), bureau, division, name, null, kind, a, a, 0,
                                l.amount(Column.PREV_ORIGINAL), l.amount(Column.PREV_FINAL), l.pbTag(), null,
                                LineStatus.COMPILED, null, null, true, src));
            } else {
                long current = nz(l.amount(Column.BUDGET_CURRENT));
                Long budget = l.amount(Column.BUDGET);
                long fin = budget != null && budget <= current ? budget
                        : existing.map(BudgetLine::finalWon).filter(f -> f <= current).orElse(current);
                long carried = current - fin;
                line = existing.map(e -> new BudgetLine(e.id(), e.fiscalYear(), e.bureau(), e.division(), e.programName(),
                                e.programCode(), kind, e.originalWon(), fin, carried, e.prevOriginalWon(), e.prevFinalWon(),
                                e.pbTag() || l.pbTag(), e.guCode(), e.status(), e.statusReasonCode(), e.statusReason(),
                                e.published(), src))
                        .orElseGet(() -> new BudgetLine(0, record.fiscalYear(), bureau, division, name, null, kind, fin, fin,
                                carried, null, null, l.pbTag(), null, LineStatus.CONFIRMED, null, null, true, src));
            }
            long lineId;
            if (existing.isPresent()) {
                store.updateLine(line, now);
                lineId = line.id();
                updated++;
            } else {
                lineId = store.insertLine(line, actor.accountId(), now);
                created++;
            }
            if (report.format() != TableFormat.PLAN && asOf != null) {
                long committed = nz(l.amount(Column.COMMITTED));
                long spent = nz(l.amount(Column.SPENT));
                Long forecast = l.amount(Column.FORECAST);
                Optional<Snapshot> snap = store.snapshotOn(lineId, asOf);
                if (snap.isPresent()) {
                    store.updateSnapshot(snap.get().id(), committed, spent, forecast, record.source(), l.row());
                } else {
                    store.insertSnapshot(lineId, asOf, committed, spent, forecast, record.source(), l.row(),
                            actor.accountId(), now);
                }
                snapshots++;
            }
        }
        store.update("UPDATE budget_import SET status = 'APPLIED', applied_at = ? WHERE id = ?", now, importId);
        audit.record(actor, "budgetline.import.apply", "budget_import", importId, record.source() + ": 신규 " + created
                + ", 갱신 " + updated + ", 집행 현황 " + snapshots + " (제외된 행 " + blockedRows(report) + ")");
        return view(importId);
    }

    /** Upload, the given corrections (with their notes) and apply, as the demo data and scripted loads do. */
    @Transactional
    public ImportView importWithCorrections(Actor actor, String source, byte[] content, int fiscalYear, String bureau,
                                            List<Correction> corrections) {
        ImportView v = upload(actor, source, content, fiscalYear, bureau, null);
        for (Correction c : corrections) {
            v = correct(actor, v.record().id(), c.row(), c.column().name(), c.value(), c.note());
        }
        return apply(actor, v.record().id());
    }

    private static long blockedRows(ImportReport report) {
        return report.blockingErrors().stream().map(Finding::row).distinct().count();
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    // ---- reading

    @Transactional
    public ImportView view(long importId) {
        ImportRecord record = record(importId);
        return new ImportView(record, report(record), corrections(importId));
    }

    @Transactional
    public List<ImportRecord> recent(int limit) {
        return store.list("SELECT id, source, fiscal_year, bureau, as_of, status, '' AS content FROM budget_import "
                + "ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 200)), BudgetImportService::recordOf);
    }

    private ImportRecord record(long id) {
        return store.one("SELECT id, source, fiscal_year, bureau, as_of, status, content FROM budget_import WHERE id = ?",
                BudgetImportService::recordOf, id).orElseThrow(() -> DomainException.notFound("budget.import-not-found"));
    }

    private ImportRecord lockRecord(long id) {
        return store.one("SELECT id, source, fiscal_year, bureau, as_of, status, content FROM budget_import WHERE id = ? "
                + "FOR UPDATE", BudgetImportService::recordOf, id).orElseThrow(() -> DomainException.notFound("budget.import-not-found"));
    }

    private static ImportRecord recordOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date d = rs.getDate("as_of");
        return new ImportRecord(rs.getLong("id"), rs.getString("source"), rs.getInt("fiscal_year"), rs.getString("bureau"),
                d == null ? null : d.toLocalDate(), rs.getString("status"), rs.getBytes("content"));
    }

    List<StoredCorrection> corrections(long importId) {
        return store.list("SELECT row_no, column_name, value, note FROM budget_import_correction WHERE import_id = ? "
                + "ORDER BY row_no, column_name", rs -> new StoredCorrection(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), importId);
    }

    private ImportReport report(ImportRecord record) {
        List<Correction> list = new ArrayList<>();
        for (StoredCorrection c : corrections(record.id())) {
            list.add(new Correction(c.row(), Column.valueOf(c.column()), c.value(), c.note()));
        }
        ImportOptions options = ImportOptions.named(record.source()).withKnownLineNames(knownNames).withCorrections(list);
        if (record.bureau() != null) {
            options = options.withBureau(record.bureau());
        }
        if (record.asOf() != null) {
            options = options.withAsOf(record.asOf());
        }
        return new BudgetTableImporter().importBytes(record.content(), options);
    }

    /** Re-runs the importer and stores its findings (typed, computed, resolution) for the import log. */
    private ImportReport run(long importId) {
        ImportRecord record = record(importId);
        ImportReport report = report(record);
        store.update("DELETE FROM budget_import_finding WHERE import_id = ?", importId);
        for (Finding f : report.findings()) {
            store.insert("""
                    INSERT INTO budget_import_finding (import_id, level, row_no, column_name, typed, computed, message,
                      resolved_value, resolved_note) VALUES (?,?,?,?,?,?,?,?,?)""",
                    importId, f.level().name(), f.row(), f.column() == null ? null : f.column().name(),
                    cut(f.typed(), 300), cut(f.computed(), 300), cut(f.message(), 1000),
                    f.resolution() == null ? null : cut(f.resolution().value(), 100),
                    f.resolution() == null ? null : cut(f.resolution().note(), 1000));
        }
        store.update("UPDATE budget_import SET format = ?, encoding = ?, rows_read = ?, lines_accepted = ?, status = "
                        + "CASE WHEN status = 'APPLIED' THEN status WHEN ? THEN 'REJECTED' ELSE 'PREVIEW' END WHERE id = ?",
                report.format() == null ? null : report.format().name(), cut(report.encoding(), 20), report.rowsRead(),
                report.lines().size(), report.rejected(), importId);
        return report;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
