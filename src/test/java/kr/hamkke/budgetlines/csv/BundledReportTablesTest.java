package kr.hamkke.budgetlines.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import kr.hamkke.budgetlines.figures.RiskFlag;
import kr.hamkke.budgetlines.figures.RiskPolicy;
import org.junit.jupiter.api.Test;

class BundledReportTablesTest {

    @Test
    void everyBundledTableImportsWithItsCorrectionsRecorded() {
        Map<String, BundledReportTables.ReportImport> all = BundledReportTables.importAll();
        assertEquals(17, all.values().stream().mapToInt(r -> r.tables().size()).sum());
        for (BundledReportTables.ReportImport report : all.values()) {
            for (ImportReport table : report.tables()) {
                assertTrue(!table.rejected() && !table.table().rows().isEmpty(), table.source());
            }
        }
        List<Finding> resolved = all.values().stream().flatMap(r -> r.tables().stream())
                .flatMap(t -> t.findings().stream()).filter(Finding::isResolved).toList();
        assertEquals(5, resolved.size(), resolved::toString); // T1, T2 ×2, T12 ×2
        // what still blocks a row: only the 2018 off-by-one subtotal, which no trap or correction explains
        Set<String> blocking = all.values().stream().flatMap(r -> r.tables().stream())
                .flatMap(t -> t.blockingErrors().stream()).map(f -> f.source() + ":" + f.row()).collect(Collectors.toSet());
        assertEquals(Set.of("fy2018-exec-2018-06-30-annex.csv:19"), blocking);
        // duplicate-line warnings T6–T11 across each report's tables
        Set<String> dupLines = all.values().stream().flatMap(r -> r.duplicates().stream())
                .map(f -> f.source() + ":" + f.row()).collect(Collectors.toSet());
        assertTrue(dupLines.size() >= 7, dupLines::toString);
    }

    @Test
    void executionRiskWarningsForLaggingLines() {
        ImportReport exec2021 = BundledReportTables.importFile("fy2021-exec-2021-03-31-innovation-office.csv");
        List<ExecutionRisks.LineRisk> risks = ExecutionRisks.evaluate(exec2021, RiskPolicy.DEFAULTS);
        assertTrue(risks.stream().noneMatch(r -> r.flags().contains(RiskFlag.LAG)),
                "LAG cannot fire on 3.31 with the default 30 points");
        assertTrue(risks.stream().anyMatch(r -> r.line().name().equals("공유서울 확산")
                && r.flags().equals(EnumSet.of(RiskFlag.SHORTFALL))), risks::toString);
        List<ExecutionRisks.LineRisk> strict = ExecutionRisks.evaluate(exec2021, RiskPolicy.DEFAULTS.withLagPoints(10));
        assertTrue(strict.stream().anyMatch(r -> r.line().name().equals("공유서울 확산")
                && r.flags().equals(EnumSet.of(RiskFlag.LAG, RiskFlag.SHORTFALL))));

        ImportReport annex = BundledReportTables.importFile("fy2018-exec-2018-06-30-annex.csv");
        List<Finding> warnings = ExecutionRisks.warnings(annex, RiskPolicy.DEFAULTS);
        assertTrue(warnings.stream().anyMatch(f -> f.row() == annex.line("지하보도 공유공간 조성(시민참여)").row()
                && f.message().contains("FORECAST_GAP")), warnings::toString);
        warnings.forEach(f -> assertEquals(Finding.Level.WARNING, f.level()));
    }
}
