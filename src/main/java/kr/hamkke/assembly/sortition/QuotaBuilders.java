package kr.hamkke.assembly.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Quota tables built from data: proportional quotas from a population table, the default 서울시민회의 quotas
 * (DOMAIN §6.3) and the 2023 참여예산위원회 template (DOMAIN §5.5 B4). All arithmetic is exact integer
 * arithmetic; minimums round down and maxima round up so that rounding never makes a table infeasible.
 */
public final class QuotaBuilders {
    /** Seat categories of the B4 vulnerable seats: 청소년, 장애인, 이주민·다문화. */
    public static final List<String> VULNERABLE = List.of("YOUTH", "DISABLED", "MIGRANT");

    private QuotaBuilders() {
    }

    /** Each category of {@code d} within ± tolerancePercent of its population-proportional count. */
    public static List<Quota> proportional(PopulationTable pop, Dimension d, int seats, int tolerancePercent) {
        long total = pop.total();
        List<Quota> rows = new ArrayList<>();
        for (Map.Entry<String, Long> e : pop.byCategory(d).entrySet()) {
            long low = (100L - tolerancePercent) * e.getValue() * seats;
            long high = (100L + tolerancePercent) * e.getValue() * seats;
            long den = 100L * total;
            rows.add(Quota.range(d, e.getKey(), (int) Math.max(0, low / den), (int) Math.ceilDiv(high, den)));
        }
        return rows;
    }

    /**
     * Default 서울시민회의 quotas: gender 50% ± 5 points; each 자치구 within ± 20% of its proportional count;
     * minimums for 14–19 and 20s at 1.5 × their population share (other bands unconstrained).
     */
    public static QuotaTable seoulAssembly(PopulationTable pop, int seats, int reserves) {
        if (pop.ageBandSet() != AgeBandSet.STANDARD_7) {
            throw new IllegalArgumentException("the 서울시민회의 defaults need a STANDARD_7 population table");
        }
        List<Quota> rows = new ArrayList<>();
        int genderMin = (int) Math.ceilDiv(45L * seats, 100);
        int genderMax = (int) (55L * seats / 100);
        rows.add(Quota.range(Dimension.GENDER, "F", genderMin, genderMax));
        rows.add(Quota.range(Dimension.GENDER, "M", genderMin, genderMax));
        Map<String, Long> byBand = pop.byCategory(Dimension.AGE_BAND);
        long total = pop.total();
        for (String band : List.of("14-19", "20s")) {
            int min = (int) (3L * byBand.getOrDefault(band, 0L) * seats / (2L * total));
            rows.add(Quota.range(Dimension.AGE_BAND, band, min, Quota.NO_MAX));
        }
        rows.addAll(proportional(pop, Dimension.GU, seats, 20));
        return new QuotaTable(seats, reserves, AgeBandSet.STANDARD_7, rows);
    }

    /** The 2023 참여예산위원회 template: 120 seats, 60 reserves. */
    public static QuotaTable pbCommittee2023() {
        return pbCommittee(120, 60, 6, 6);
    }

    /**
     * B4 template: ≤ {@code perGuMax} per 자치구; gender 1:1; PB_3 ages 1:1:1; {@code vulnerableEach} priority seats
     * for each of 청소년, 장애인, 이주민·다문화 (drawn first).
     */
    public static QuotaTable pbCommittee(int seats, int reserves, int perGuMax, int vulnerableEach) {
        List<Quota> rows = new ArrayList<>();
        for (String c : VULNERABLE) {
            rows.add(new Quota(Dimension.SEAT_CATEGORY, c, vulnerableEach, Quota.NO_MAX, vulnerableEach));
        }
        rows.add(Quota.range(Dimension.GENDER, "F", seats / 2, seats - seats / 2));
        rows.add(Quota.range(Dimension.GENDER, "M", seats / 2, seats - seats / 2));
        for (String band : AgeBandSet.PB_3.bands()) {
            rows.add(Quota.range(Dimension.AGE_BAND, band, seats / 3, (seats + 2) / 3));
        }
        for (String gu : SeoulDistricts.codes()) {
            rows.add(Quota.range(Dimension.GU, gu, 0, perGuMax));
        }
        return new QuotaTable(seats, reserves, AgeBandSet.PB_3, rows);
    }
}
