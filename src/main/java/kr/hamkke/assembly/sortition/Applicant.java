package kr.hamkke.assembly.sortition;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One application as it appears in the public pool file: the public pseudonym {@code code} and the strata.
 * Seat categories are kept sorted so that the pool line is canonical.
 */
public record Applicant(String code, String ageBand, String gender, String guCode, Set<String> seatCategories) {

    public Applicant {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(guCode, "guCode");
        if (!code.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("applicant code '" + code + "' must be 1-64 letters, digits, '-' or '_'");
        }
        if (!gender.equals("F") && !gender.equals("M")) {
            throw new IllegalArgumentException("applicant " + code + ": gender '" + gender + "' must be F or M");
        }
        if (!SeoulDistricts.isCode(guCode)) {
            throw new IllegalArgumentException("applicant " + code + ": '" + guCode + "' is not a Seoul 자치구 code");
        }
        for (String c : seatCategories) {
            if (!c.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("applicant " + code + ": seat category '" + c + "' must be UPPER_CASE");
            }
        }
        seatCategories = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(seatCategories));
    }

    public Applicant(String code, String ageBand, String gender, String guCode) {
        this(code, ageBand, gender, guCode, Set.of());
    }

    /** The category this applicant has in a single-valued dimension. */
    public String categoryOf(Dimension dimension) {
        return switch (dimension) {
            case AGE_BAND -> ageBand;
            case GENDER -> gender;
            case GU -> guCode;
            case SEAT_CATEGORY -> throw new IllegalArgumentException("seat_category is multi-valued");
        };
    }

    public boolean belongsTo(Dimension dimension, String category) {
        return dimension == Dimension.SEAT_CATEGORY ? seatCategories.contains(category) : categoryOf(dimension).equals(category);
    }

    /** Full stratum key: age band × gender × 자치구 × seat categories. */
    public String stratum() {
        return ageBand + "|" + gender + "|" + guCode + "|" + seatCategoryField();
    }

    String seatCategoryField() {
        return seatCategories.isEmpty() ? "-" : String.join(",", seatCategories);
    }

    /** {@code code;age_band;gender;gu;seat_category} as in the pool file. */
    public String poolLine() {
        return String.join(";", List.of(code, ageBand, gender, guCode, seatCategoryField()));
    }
}
