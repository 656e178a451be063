package kr.hamkke.assembly.sortition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Necessary conditions checked before a draw. Each problem is one sentence naming the quota and the numbers.
 * Passing the check does not prove feasibility (joint quotas on crossing dimensions can still conflict); the
 * engine then reports any unmet minimum as a shortfall.
 */
public final class Feasibility {
    private Feasibility() {
    }

    public static List<String> problems(Pool pool, QuotaTable table) {
        List<String> out = new ArrayList<>();
        int seats = table.seats();
        if (seats <= 0) {
            out.add("seats is 0: set 'seats,N' in the quota file or pass --seats N");
        }
        if (pool.size() < seats) {
            out.add("the pool has " + pool.size() + " applicants, fewer than the " + seats + " seats");
        }
        Map<Dimension, Map<String, Integer>> counts = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            counts.put(d, new HashMap<>());
        }
        int badBands = 0;
        for (Applicant a : pool.applicants()) {
            if (!table.ageBandSet().contains(a.ageBand())) {
                if (badBands++ < 5) {
                    out.add("applicant " + a.code() + ": age band '" + a.ageBand() + "' is not a band of "
                            + table.ageBandSet() + " " + table.ageBandSet().bands());
                }
            }
            counts.get(Dimension.AGE_BAND).merge(a.ageBand(), 1, Integer::sum);
            counts.get(Dimension.GENDER).merge(a.gender(), 1, Integer::sum);
            counts.get(Dimension.GU).merge(a.guCode(), 1, Integer::sum);
            for (String c : a.seatCategories()) {
                counts.get(Dimension.SEAT_CATEGORY).merge(c, 1, Integer::sum);
            }
        }
        if (badBands > 5) {
            out.add("… and " + (badBands - 5) + " more applicants with an age band outside " + table.ageBandSet());
        }
        Map<Dimension, Integer> minSums = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<String, Quota>> byDim = new EnumMap<>(Dimension.class);
        int prioritySum = 0;
        for (Quota q : table.rows()) {
            int available = counts.get(q.dimension()).getOrDefault(q.category(), 0);
            byDim.computeIfAbsent(q.dimension(), d -> new HashMap<>()).put(q.category(), q);
            prioritySum += q.prioritySeats();
            if (q.min() > q.max()) {
                out.add(q.label() + ": min " + q.min() + " is above max " + q.max());
            }
            if (q.prioritySeats() > q.max()) {
                out.add(q.label() + ": " + q.prioritySeats() + " priority seats are above max " + q.max());
            }
            if (q.effectiveMin() > available) {
                out.add(q.label() + ": needs at least " + q.effectiveMin() + " but the pool has only "
                        + available + " such applicants");
            }
            if (q.effectiveMin() > seats) {
                out.add(q.label() + ": needs at least " + q.effectiveMin() + " but there are only " + seats + " seats");
            }
            minSums.merge(q.dimension(), q.effectiveMin(), Integer::sum);
        }
        if (prioritySum > seats) {
            out.add("priority seats add up to " + prioritySum + ", more than the " + seats + " seats");
        }
        for (Dimension d : List.of(Dimension.AGE_BAND, Dimension.GENDER, Dimension.GU)) {
            int minSum = minSums.getOrDefault(d, 0);
            if (minSum > seats) {
                out.add("the " + d.key() + " minimums add up to " + minSum + ", more than the " + seats + " seats");
            }
            long capacity = 0;
            Map<String, Quota> rows = byDim.getOrDefault(d, Map.of());
            for (Map.Entry<String, Integer> e : counts.get(d).entrySet()) {
                Quota q = rows.get(e.getKey());
                capacity += q == null ? e.getValue() : Math.min(e.getValue(), q.max());
            }
            if (capacity < seats && pool.size() >= seats) {
                out.add("the " + d.key() + " maxima (capped by the pool counts) allow at most " + capacity
                        + " of the " + seats + " seats to be filled");
            }
        }
        return out;
    }
}
