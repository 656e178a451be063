package kr.hamkke.budgetlines;

import jakarta.inject.Singleton;
import kr.hamkke.budgetlines.csv.BudgetTableExporter;
import kr.hamkke.budgetlines.csv.TableFormat;
import kr.hamkke.budgetlines.figures.RiskFlag;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Exports: the reports' table (byte-compatible with the importer) and open-data CSV of lines, links, snapshots. */
@Singleton
public class OpenData {

    private final BudgetReports reports;

    OpenData(BudgetReports reports) {
        this.reports = reports;
    }

    public byte[] reportTable(int fiscalYear, String department, TableFormat format, LocalDate asOf, boolean publishedOnly) {
        return new BudgetTableExporter().export(reports.table(fiscalYear, department, format, asOf, publishedOnly));
    }

    public byte[] linesCsv(Integer fiscalYear, String department, boolean publishedOnly) {
        StringBuilder out = new StringBuilder();
        row(out, "id", "fiscal_year", "bureau", "division", "program_name", "program_code", "kind", "original_won",
                "final_won", "carried_over_won", "budget_current_won", "prev_final_won", "change_won", "change_rate",
                "pb_tag", "gu_code", "status", "status_reason", "allocated_won", "latest_as_of", "committed_won",
                "spent_won", "execution_rate", "commitment_rate", "forecast_won", "risk_flags");
        for (BudgetReports.LineView v : reports.lineViews(fiscalYear, department, publishedOnly)) {
            BudgetLine l = v.line();
            row(out, l.id(), l.fiscalYear(), l.bureau(), l.division(), l.programName(), l.programCode(), l.kind(),
                    l.originalWon(), l.finalWon(), l.carriedOverWon(), l.budgetCurrentWon(), l.prevFinalWon(),
                    l.changeWon(), ApiJson.change(l.changeRate()), l.pbTag(), l.guCode(), l.status().name(),
                    l.statusReason(), v.allocatedWon(), v.latest() == null ? null : v.latest().asOf(), v.committedWon(),
                    v.spentWon(), ApiJson.pct(v.executionRate()), ApiJson.pct(v.commitmentRate()), v.forecastWon(),
                    v.flags().stream().map(RiskFlag::name).collect(Collectors.joining(" ")));
        }
        return bytes(out);
    }

    public byte[] linksCsv(Integer fiscalYear, String department, boolean publishedOnly) {
        StringBuilder out = new StringBuilder();
        row(out, "id", "budget_line_id", "subject_kind", "subject_id", "subject_title", "outcome", "amount_won",
                "reason_code", "public_reason", "created_at");
        for (BudgetReports.LineView v : reports.lineViews(fiscalYear, department, publishedOnly)) {
            for (Funding f : v.funding()) {
                row(out, f.id(), f.lineId(), f.subject().kind(), f.subject().id(), f.subject().title(), f.outcome(),
                        f.amountWon(), f.reasonCode(), f.publicReason(), f.createdAt());
            }
        }
        return bytes(out);
    }

    public byte[] snapshotsCsv(Integer fiscalYear, String department, boolean publishedOnly) {
        StringBuilder out = new StringBuilder();
        row(out, "id", "budget_line_id", "as_of", "committed_won", "spent_won", "stated_forecast_won", "execution_rate",
                "commitment_rate", "risk_flags", "source");
        for (BudgetReports.LineView v : reports.lineViews(fiscalYear, department, publishedOnly)) {
            for (Snapshot s : v.snapshots()) {
                var j = ApiJson.snapshot(s, v.line().budgetCurrentWon());
                row(out, s.id(), s.lineId(), s.asOf(), s.committedWon(), s.spentWon(), s.statedForecastWon(),
                        j.executionRate(), j.commitmentRate(), String.join(" ", j.riskFlags()), s.source());
            }
        }
        return bytes(out);
    }

    public List<ApiJson.LineJson> linesJson(Integer fiscalYear, String department, boolean publishedOnly) {
        return reports.lineViews(fiscalYear, department, publishedOnly).stream().map(v -> ApiJson.line(v, true)).toList();
    }

    private static byte[] bytes(StringBuilder out) {
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[text.length + 3];
        all[0] = (byte) 0xEF;
        all[1] = (byte) 0xBB;
        all[2] = (byte) 0xBF;
        System.arraycopy(text, 0, all, 3, text.length);
        return all;
    }

    static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String s = cells[i] == null ? "" : cells[i].toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            out.append(s);
        }
        out.append("\r\n");
    }
}
