package kr.hamkke.budgetlines.csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a corrections file: {@code 파일,행,열,값,메모} with 열 as a {@link Column} name (e.g. {@code PREV_FINAL})
 * or its Korean label. UTF-8 (BOM optional) or CP949.
 */
public final class CorrectionsCsv {

    private CorrectionsCsv() {
    }

    /** Corrections grouped by the file they apply to, in file order. */
    public static Map<String, List<Correction>> read(byte[] bytes) {
        List<CsvCodec.Record> records = CsvCodec.parse(CsvCodec.decode(bytes).text());
        Map<String, List<Correction>> byFile = new LinkedHashMap<>();
        for (CsvCodec.Record r : records) {
            if (r.isBlank() || r.cell(0).strip().equals("파일")) {
                continue;
            }
            Correction c = new Correction(Integer.parseInt(r.cell(1).strip()), column(r.cell(2).strip()),
                    r.cell(3).strip(), r.cell(4).strip());
            byFile.computeIfAbsent(r.cell(0).strip(), k -> new ArrayList<>()).add(c);
        }
        return byFile;
    }

    static Column column(String name) {
        for (Column column : Column.values()) {
            if (column.name().equals(name) || column.label().equals(name)) {
                return column;
            }
        }
        throw new IllegalArgumentException("알 수 없는 열: " + name);
    }
}
