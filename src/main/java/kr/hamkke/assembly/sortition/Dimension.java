package kr.hamkke.assembly.sortition;

/** A stratification dimension; each quota row constrains one category of one dimension. */
public enum Dimension {
    AGE_BAND("age_band"),
    GENDER("gender"),
    GU("gu"),
    /** Seat categories (청소년, 장애인, 이주민·다문화 …); an applicant may hold several or none. */
    SEAT_CATEGORY("seat_category");

    private final String key;

    Dimension(String key) {
        this.key = key;
    }

    /** The name used in quota CSV files and JSON output. */
    public String key() {
        return key;
    }

    public static Dimension parse(String key) {
        for (Dimension d : values()) {
            if (d.key.equals(key.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + key + "' (expected age_band, gender, gu or seat_category)");
    }
}
