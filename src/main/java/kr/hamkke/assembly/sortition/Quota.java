package kr.hamkke.assembly.sortition;

/**
 * One quota row: seats drawn from {@code category} of {@code dimension} must lie in [min, max];
 * the first {@code prioritySeats} of them are drawn before anything else (DOMAIN §6.3 step 5a).
 * {@link #NO_MAX} means the row sets no maximum.
 */
public record Quota(Dimension dimension, String category, int min, int max, int prioritySeats) {

    public static final int NO_MAX = Integer.MAX_VALUE;

    public Quota {
        if (category == null || category.isBlank()) {
            throw new IllegalArgumentException("quota row for " + dimension.key() + " has an empty category");
        }
        if (min < 0 || max < 0 || prioritySeats < 0) {
            throw new IllegalArgumentException("quota " + dimension.key() + "=" + category + ": min, max and priority_seats must be ≥ 0");
        }
    }

    public static Quota range(Dimension dimension, String category, int min, int max) {
        return new Quota(dimension, category, min, max, 0);
    }

    /** The minimum the draw must meet: priority seats are also a minimum. */
    public int effectiveMin() {
        return Math.max(min, prioritySeats);
    }

    public boolean hasMax() {
        return max != NO_MAX;
    }

    public String label() {
        return dimension.key() + "=" + category;
    }

    /** Scales to another seat count: minimums and priority seats round down, maxima round up. */
    Quota scaled(int fromSeats, int toSeats) {
        int newMax = hasMax() ? (int) ceilDiv((long) max * toSeats, fromSeats) : NO_MAX;
        return new Quota(dimension, category, (int) ((long) min * toSeats / fromSeats), newMax,
                (int) ((long) prioritySeats * toSeats / fromSeats));
    }

    private static long ceilDiv(long a, long b) {
        return b == 0 ? 0 : Math.floorDiv(a + b - 1, b);
    }
}
