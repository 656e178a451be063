package kr.hamkke.shared.demo;

/** One feature's demo data: seeded once, skipped when already there. */
public interface DemoData {

    /** Lower runs first (identity before the features that need its accounts). */
    int order();

    /** Seeds in one transaction; returns false when the data was already there. */
    boolean seedIfEmpty();
}
