package kr.hamkke.assembly.sortition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The frozen applicant pool (DOMAIN §6.3 step 2): applicants sorted by pool line (byte order), published as lines
 * {@code code;age_band;gender;gu;seat_category} (UTF-8, LF after every line, seat categories comma-separated,
 * {@code -} for none). {@link #poolHash()} is the SHA-256 of exactly that text.
 */
public record Pool(List<Applicant> applicants) {

    public static final String HEADER = "code;age_band;gender;gu;seat_category";

    public Pool {
        List<Applicant> sorted = new ArrayList<>(applicants);
        // whole-line order (codes are unique, so this is code order up to the ';'), equal to `LC_ALL=C sort`
        sorted.sort(Comparator.comparing(Applicant::poolLine));
        Set<String> codes = new HashSet<>();
        for (Applicant a : sorted) {
            if (!codes.add(a.code())) {
                throw new IllegalArgumentException("duplicate applicant code " + a.code());
            }
        }
        applicants = List.copyOf(sorted);
    }

    public int size() {
        return applicants.size();
    }

    /** Parses a pool file; blank lines, {@code #} comments and the optional header line are skipped. */
    public static Pool parse(String text) {
        List<Applicant> list = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase(HEADER)) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("applicants line " + (n + 1) + ": expected 5 fields "
                        + HEADER + " but found " + f.length + ": '" + line + "'");
            }
            try {
                String cats = f[4].strip();
                Set<String> seat = cats.isEmpty() || cats.equals("-") ? Set.of()
                        : new HashSet<>(Arrays.stream(cats.split(",")).map(String::strip).toList());
                list.add(new Applicant(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), seat));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("applicants line " + (n + 1) + ": " + e.getMessage());
            }
        }
        return new Pool(list);
    }

    /** The canonical pool file text that is published and hashed. */
    public String toPoolFile() {
        StringBuilder sb = new StringBuilder(applicants.size() * 32);
        for (Applicant a : applicants) {
            sb.append(a.poolLine()).append('\n');
        }
        return sb.toString();
    }

    /** {@code pool_hash}: lowercase hex SHA-256 of {@link #toPoolFile()}. */
    public String poolHash() {
        return Hashing.sha256Hex(toPoolFile().getBytes(StandardCharsets.UTF_8));
    }

    /** The pool without the given codes, order kept. */
    Pool without(Set<String> codes) {
        return new Pool(applicants.stream().filter(a -> !codes.contains(a.code())).toList());
    }
}
