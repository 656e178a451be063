package kr.hamkke.assembly.sortition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Population counts per 자치구 × gender × age band, CSV {@code gu,gender,age_band,population}. The shipped
 * {@code /sortition/seoul-population.csv} is an approximation to be replaced by the official 주민등록인구 table.
 */
public record PopulationTable(AgeBandSet ageBandSet, List<Cell> cells) {

    public static final String RESOURCE = "/sortition/seoul-population.csv";

    public record Cell(String guCode, String gender, String ageBand, long population) {
    }

    public PopulationTable {
        cells = List.copyOf(cells);
        for (Cell c : cells) {
            if (!SeoulDistricts.isCode(c.guCode()) || !ageBandSet.contains(c.ageBand())
                    || !(c.gender().equals("F") || c.gender().equals("M")) || c.population() < 0) {
                throw new IllegalArgumentException("population row " + c + " is not a valid 자치구/gender/"
                        + ageBandSet + " band/count");
            }
        }
    }

    /** The bundled Seoul table (STANDARD_7 bands). */
    public static PopulationTable seoul() {
        try (InputStream in = PopulationTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), AgeBandSet.STANDARD_7);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PopulationTable parse(String text, AgeBandSet set) {
        List<Cell> cells = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("gu,")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 4) {
                throw new IllegalArgumentException("population line " + (n + 1) + ": expected gu,gender,age_band,population");
            }
            try {
                cells.add(new Cell(f[0].strip(), f[1].strip(), f[2].strip(), Long.parseLong(f[3].strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("population line " + (n + 1) + ": '" + f[3] + "' is not a count");
            }
        }
        return new PopulationTable(set, cells);
    }

    public long total() {
        return cells.stream().mapToLong(Cell::population).sum();
    }

    /** Population per category of a single-valued dimension, in category order. */
    public Map<String, Long> byCategory(Dimension d) {
        Map<String, Long> out = new TreeMap<>();
        for (Cell c : cells) {
            String key = switch (d) {
                case GU -> c.guCode();
                case GENDER -> c.gender();
                case AGE_BAND -> c.ageBand();
                case SEAT_CATEGORY -> throw new IllegalArgumentException("no population shares for seat categories");
            };
            out.merge(key, c.population(), Long::sum);
        }
        return out;
    }

    /** Share of the population in that category, for display (quotas use exact integer arithmetic). */
    public double share(Dimension d, String category) {
        long t = total();
        return t == 0 ? 0 : (double) byCategory(d).getOrDefault(category, 0L) / t;
    }
}
