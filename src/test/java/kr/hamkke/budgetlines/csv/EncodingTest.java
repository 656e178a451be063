package kr.hamkke.budgetlines.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EncodingTest {

    private final BudgetTableImporter importer = new BudgetTableImporter();

    private static String text(String file) {
        byte[] bytes = Fixtures.bytes(file);
        assertEquals((byte) 0xEF, bytes[0], "resources are written with a BOM");
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private static List<ImportedLine> lines(ImportReport report) {
        return report.lines();
    }

    @Test
    void cp949InputImportsTheSameLines() {
        String text = text(Fixtures.PLAN_2022); // has △, · and ’
        ImportReport utf8 = importer.importBytes(Fixtures.bytes(Fixtures.PLAN_2022), Fixtures.PLAN_2022);
        ImportReport cp949 = importer.importBytes(text.getBytes(CsvCodec.CP949), Fixtures.PLAN_2022);
        assertEquals("CP949", cp949.encoding());
        assertEquals(lines(utf8), lines(cp949));
        assertTrue(cp949.infos().stream().anyMatch(f -> f.message().contains("CP949")));
        assertEquals("시민참여 플랫폼 운영·관리", cp949.line("시민참여 플랫폼 운영·관리").name());
    }

    @Test
    void bomIsOptional() {
        ImportReport withBom = importer.importBytes(Fixtures.bytes(Fixtures.EXEC_2021), "bom");
        ImportReport without = importer.importBytes(text(Fixtures.EXEC_2021).getBytes(StandardCharsets.UTF_8), "plain");
        assertEquals("UTF-8 (BOM)", withBom.encoding());
        assertEquals("UTF-8", without.encoding());
        assertEquals(lines(withBom), lines(without));
        assertEquals(20, without.lines().size());
    }

    @Test
    void lfLineEndingsAndBlankLinesAreAccepted() {
        String lf = text(Fixtures.EXEC_2021).replace("\r\n", "\n\n");
        ImportReport report = importer.importBytes(lf.getBytes(StandardCharsets.UTF_8), "lf");
        assertEquals(20, report.lines().size());
        assertTrue(report.errors().isEmpty());
    }

    @Test
    void exportedBytesStartWithBom() {
        byte[] out = new BudgetTableExporter().export(Fixtures.load(Fixtures.EXEC_2021).table());
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                List.of(Arrays.copyOf(out, 3)[0], Arrays.copyOf(out, 3)[1], Arrays.copyOf(out, 3)[2]));
    }
}
