package kr.hamkke.budgetlines.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads the report tables under src/main/resources/budgetlines. */
final class Fixtures {

    static final String PLAN_2022 = "fy2022-plan-citizen-cooperation-bureau.csv";
    static final String PLAN_2022_SUMMARY = "fy2022-plan-summary-by-division.csv";
    static final String EXEC_2021 = "fy2021-exec-2021-03-31-innovation-office.csv";
    static final String ANNEX_2018 = "fy2018-exec-2018-06-30-annex.csv";
    static final String SUMMARY_2020 = "fy2020-exec-2020-09-30-summary.csv";
    static final String MINI_2018_MILLION = "fy2018-hyeopchi-2018-07-10-million-won.csv";

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/budgetlines/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> knownLines() {
        return Arrays.stream(new String(bytes("known-lines.txt"), StandardCharsets.UTF_8).split("\n"))
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).collect(Collectors.toSet());
    }

    static Map<String, List<Correction>> corrections() {
        return CorrectionsCsv.read(bytes("corrections.csv"));
    }

    static ImportReport load(String name) {
        return new BudgetTableImporter().importBytes(bytes(name),
                ImportOptions.named(name).withKnownLineNames(knownLines()));
    }

    static ImportReport loadCorrected(String name) {
        return new BudgetTableImporter().importBytes(bytes(name), ImportOptions.named(name)
                .withKnownLineNames(knownLines()).withCorrections(corrections().getOrDefault(name, List.of())));
    }
}
