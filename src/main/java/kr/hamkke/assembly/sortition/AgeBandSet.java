package kr.hamkke.assembly.sortition;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** Age-band sets of DOMAIN §6.3: bands are data, age is counted on the recruitment closing date. */
public enum AgeBandSet {
    /** 14–19, 20s, 30s, 40s, 50s, 60s, 70+ (서울시민회의). */
    STANDARD_7(List.of("14-19", "20s", "30s", "40s", "50s", "60s", "70+")),
    /** ≤39, 40–59, 60+ (2023 참여예산위원회). */
    PB_3(List.of("14-39", "40-59", "60+"));

    /** Applicants must be at least this old on the reference date (vote.minAge). */
    public static final int MIN_AGE = 14;

    private final List<String> bands;

    AgeBandSet(List<String> bands) {
        this.bands = bands;
    }

    public List<String> bands() {
        return bands;
    }

    public boolean contains(String band) {
        return bands.contains(band);
    }

    /** Completed years on {@code referenceDate}; a birthday on that date counts as reached. */
    public static int ageOn(LocalDate birthDate, LocalDate referenceDate) {
        if (birthDate.isAfter(referenceDate)) {
            throw new IllegalArgumentException("birth date " + birthDate + " is after reference date " + referenceDate);
        }
        return Period.between(birthDate, referenceDate).getYears();
    }

    public String bandFor(LocalDate birthDate, LocalDate referenceDate) {
        return bandForAge(ageOn(birthDate, referenceDate));
    }

    public String bandForAge(int age) {
        if (age < MIN_AGE) {
            throw new IllegalArgumentException("age " + age + " is below the minimum age " + MIN_AGE);
        }
        return switch (this) {
            case STANDARD_7 -> age <= 19 ? "14-19" : age >= 70 ? "70+" : (age / 10) * 10 + "s";
            case PB_3 -> age <= 39 ? "14-39" : age <= 59 ? "40-59" : "60+";
        };
    }
}
