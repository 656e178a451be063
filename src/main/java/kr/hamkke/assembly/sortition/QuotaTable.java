package kr.hamkke.assembly.sortition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Quota table (DOMAIN §6.1): seat counts, the age-band set and the quota rows in table order.
 * CSV format (UTF-8, comma-separated, {@code #} comments, see docs/SORTITION.md):
 * <pre>
 * seats,120
 * reserves,60
 * age_band_set,PB_3
 * dimension,category,min,max,priority_seats
 * gu,11110,0,6,0
 * gender,F,60,60,0
 * seat_category,YOUTH,6,,6
 * </pre>
 * An empty max means "no maximum".
 */
public record QuotaTable(int seats, int reserveSeats, AgeBandSet ageBandSet, List<Quota> rows) {

    public static final String ROW_HEADER = "dimension,category,min,max,priority_seats";

    public QuotaTable {
        if (seats < 0 || reserveSeats < 0) {
            throw new IllegalArgumentException("seats and reserves must be ≥ 0");
        }
        rows = List.copyOf(rows);
        Set<String> seen = new HashSet<>();
        for (Quota q : rows) {
            if (!seen.add(q.label())) {
                throw new IllegalArgumentException("quota " + q.label() + " appears twice");
            }
            if (q.dimension() == Dimension.AGE_BAND && !ageBandSet.contains(q.category())) {
                throw new IllegalArgumentException("quota " + q.label() + ": not a band of " + ageBandSet
                        + " " + ageBandSet.bands());
            }
            if (q.dimension() == Dimension.GU && !SeoulDistricts.isCode(q.category())) {
                throw new IllegalArgumentException("quota " + q.label() + ": not a Seoul 자치구 code");
            }
        }
    }

    public QuotaTable withSeats(int newSeats, int newReserves) {
        return new QuotaTable(newSeats, newReserves, ageBandSet, rows);
    }

    /** The table for the reserve draw: quotas scaled from the panel seats to the reserve seats (step 7). */
    public QuotaTable scaledToReserves() {
        List<Quota> scaled = rows.stream().map(q -> q.scaled(seats, reserveSeats)).toList();
        return new QuotaTable(reserveSeats, 0, ageBandSet, scaled);
    }

    public static QuotaTable parse(String text) {
        Integer seats = null;
        int reserves = 0;
        AgeBandSet set = AgeBandSet.STANDARD_7;
        List<Quota> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (n == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#") || line.equalsIgnoreCase(ROW_HEADER)) {
                continue;
            }
            String[] f = line.split(",", -1);
            String where = "quotas line " + (n + 1) + ": ";
            try {
                if (f.length == 2) {
                    String key = f[0].strip();
                    String value = f[1].strip();
                    switch (key) {
                        case "seats" -> seats = parseCount(value, "seats");
                        case "reserves" -> reserves = parseCount(value, "reserves");
                        case "age_band_set" -> set = parseSet(value);
                        default -> throw new IllegalArgumentException("unknown setting '" + key
                                + "' (expected seats, reserves or age_band_set)");
                    }
                } else if (f.length == 5) {
                    Dimension d = Dimension.parse(f[0]);
                    String max = f[3].strip();
                    rows.add(new Quota(d, f[1].strip(), parseCount(f[2].strip(), "min"),
                            max.isEmpty() ? Quota.NO_MAX : parseCount(max, "max"),
                            f[4].strip().isEmpty() ? 0 : parseCount(f[4].strip(), "priority_seats")));
                } else {
                    throw new IllegalArgumentException("expected 'setting,value' or " + ROW_HEADER
                            + " but found " + f.length + " fields: '" + line + "'");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        try {
            return new QuotaTable(seats == null ? 0 : seats, reserves, set, rows);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("quotas: " + e.getMessage());
        }
    }

    private static AgeBandSet parseSet(String value) {
        try {
            return AgeBandSet.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("age_band_set '" + value + "' is not STANDARD_7 or PB_3");
        }
    }

    private static int parseCount(String value, String what) {
        try {
            int v = Integer.parseInt(value);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a whole number ≥ 0");
        }
    }

    /** Canonical CSV text; {@link #parse} of it gives back an equal table. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("seats,").append(seats).append('\n');
        sb.append("reserves,").append(reserveSeats).append('\n');
        sb.append("age_band_set,").append(ageBandSet).append('\n');
        sb.append(ROW_HEADER).append('\n');
        for (Quota q : rows) {
            sb.append(q.dimension().key()).append(',').append(q.category()).append(',').append(q.min()).append(',')
                    .append(q.hasMax() ? String.valueOf(q.max()) : "").append(',').append(q.prioritySeats()).append('\n');
        }
        return sb.toString();
    }

    /** {@code quota_hash}: SHA-256 of the canonical CSV. */
    public String quotaHash() {
        return Hashing.sha256Hex(toCsv().getBytes(StandardCharsets.UTF_8));
    }
}
