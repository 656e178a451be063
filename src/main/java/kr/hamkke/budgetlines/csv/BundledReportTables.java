package kr.hamkke.budgetlines.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report tables shipped under {@code budgetlines/} on the classpath, imported through the real importer
 * with the recorded corrections (corrections.csv) and known line names (known-lines.txt): the demo data.
 */
public final class BundledReportTables {

    /** Files grouped by source report; duplicate-line checks run within a report. */
    public static final Map<String, List<String>> BY_REPORT = Map.of(
            "004", List.of("fy2022-plan-summary-by-division.csv", "fy2022-plan-citizen-cooperation-bureau.csv"),
            "002", List.of("fy2021-exec-2021-03-31-innovation-office.csv"),
            "001", List.of("fy2018-section-innovation-park.csv", "fy2018-section-citizen-proposals.csv",
                    "fy2018-section-youth-activity.csv", "fy2018-section-youth-space.csv",
                    "fy2018-section-youth-project.csv", "fy2018-section-human-rights.csv",
                    "fy2018-exec-2018-06-30-annex.csv", "fy2018-hyeopchi-2018-07-10-million-won.csv"),
            "000", List.of("fy2020-section-park-construction.csv", "fy2020-section-park-operation.csv",
                    "fy2020-section-donation.csv", "fy2020-section-transition-lab.csv",
                    "fy2020-section-preventive-conflict.csv", "fy2020-exec-2020-09-30-summary.csv"));

    private BundledReportTables() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = BundledReportTables.class.getResourceAsStream("/budgetlines/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundled table " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> knownLineNames() {
        return Arrays.stream(new String(resource("known-lines.txt"), StandardCharsets.UTF_8).split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).collect(Collectors.toSet());
    }

    public static Map<String, List<Correction>> corrections() {
        return CorrectionsCsv.read(resource("corrections.csv"));
    }

    /** Imports one bundled file with its recorded corrections. */
    public static ImportReport importFile(String name) {
        return new BudgetTableImporter().importBytes(resource(name), ImportOptions.named(name)
                .withKnownLineNames(knownLineNames())
                .withCorrections(corrections().getOrDefault(name, List.of())));
    }

    /** Every bundled file of one report, in order, plus the duplicate-line findings between them. */
    public record ReportImport(String report, List<ImportReport> tables, List<Finding> duplicates) {
    }

    public static Map<String, ReportImport> importAll() {
        Map<String, ReportImport> out = new LinkedHashMap<>();
        for (String report : List.of("000", "001", "002", "004")) {
            List<ImportReport> tables = new ArrayList<>();
            for (String file : BY_REPORT.get(report)) {
                tables.add(importFile(file));
            }
            out.put(report, new ReportImport(report, tables, DuplicateLineCheck.check(tables)));
        }
        return out;
    }
}
