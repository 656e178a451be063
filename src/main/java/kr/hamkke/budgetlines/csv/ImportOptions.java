package kr.hamkke.budgetlines.csv;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * @param source        name of the file or table, used in findings
 * @param corrections   user corrections applied on this run
 * @param knownLineNames names of known budget lines, for typo / spacing / middle-dot matching (T3)
 * @param asOf          as-of date when the caption has none (e.g. the 2018 annex prints only "6.30.기준")
 * @param bureau        실국 of the lines when the table has no bureau row (e.g. 시민협력국)
 */
public record ImportOptions(String source, List<Correction> corrections, Set<String> knownLineNames,
                            LocalDate asOf, String bureau) {

    public ImportOptions {
        corrections = List.copyOf(corrections);
        knownLineNames = Set.copyOf(knownLineNames);
    }

    public static ImportOptions named(String source) {
        return new ImportOptions(source, List.of(), Set.of(), null, null);
    }

    public ImportOptions withCorrections(List<Correction> list) {
        return new ImportOptions(source, list, knownLineNames, asOf, bureau);
    }

    public ImportOptions withKnownLineNames(Set<String> names) {
        return new ImportOptions(source, corrections, names, asOf, bureau);
    }

    public ImportOptions withAsOf(LocalDate date) {
        return new ImportOptions(source, corrections, knownLineNames, date, bureau);
    }

    public ImportOptions withBureau(String name) {
        return new ImportOptions(source, corrections, knownLineNames, asOf, name);
    }
}
