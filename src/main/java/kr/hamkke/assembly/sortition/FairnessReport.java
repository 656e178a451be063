package kr.hamkke.assembly.sortition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * The published fairness report (DOMAIN §6.3): per category the pool count, shares, quota and seats drawn; and
 * the empirical selection probability of each stratum over N re-draws with seeds {@code seed.redraw(i)}.
 */
public final class FairnessReport {

    /** One category line. {@code populationShare} is null without a population table; {@code max} null = none. */
    public record CategoryLine(Dimension dimension, String category, int pool, double poolShare, Double populationShare,
            Integer min, Integer max, int seats, int reserves) {
    }

    /**
     * One stratum (age band × gender × 자치구 × seat categories): {@code probability} is the mean selection frequency
     * of its applicants; {@code minIndividual}/{@code maxIndividual} show the spread between individual applicants.
     */
    public record StratumLine(String stratum, int pool, double probability, double minIndividual, double maxIndividual) {
    }

    private FairnessReport() {
    }

    public static List<CategoryLine> categories(Pool pool, DrawResult draw, PopulationTable population) {
        Map<Dimension, Map<String, int[]>> counts = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            counts.put(d, new TreeMap<>());
        }
        for (Quota q : draw.quotas().rows()) {
            counts.get(q.dimension()).computeIfAbsent(q.category(), c -> new int[3]);
        }
        tally(counts, pool.applicants(), 0);
        tally(counts, draw.selected(), 1);
        tally(counts, draw.reserves(), 2);
        Map<String, Quota> quotaByLabel = new LinkedHashMap<>();
        draw.quotas().rows().forEach(q -> quotaByLabel.put(q.label(), q));
        List<CategoryLine> out = new ArrayList<>();
        for (Map.Entry<Dimension, Map<String, int[]>> d : counts.entrySet()) {
            for (Map.Entry<String, int[]> e : d.getValue().entrySet()) {
                Quota q = quotaByLabel.get(d.getKey().key() + "=" + e.getKey());
                Double popShare = population == null || d.getKey() == Dimension.SEAT_CATEGORY
                        || (d.getKey() == Dimension.AGE_BAND && population.ageBandSet() != draw.quotas().ageBandSet())
                        ? null : population.share(d.getKey(), e.getKey());
                int[] c = e.getValue();
                out.add(new CategoryLine(d.getKey(), e.getKey(), c[0], pool.size() == 0 ? 0 : (double) c[0] / pool.size(),
                        popShare, q == null ? null : q.min(), q == null || !q.hasMax() ? null : q.max(), c[1], c[2]));
            }
        }
        return out;
    }

    private static void tally(Map<Dimension, Map<String, int[]>> counts, List<Applicant> list, int slot) {
        for (Applicant a : list) {
            counts.get(Dimension.AGE_BAND).computeIfAbsent(a.ageBand(), c -> new int[3])[slot]++;
            counts.get(Dimension.GENDER).computeIfAbsent(a.gender(), c -> new int[3])[slot]++;
            counts.get(Dimension.GU).computeIfAbsent(a.guCode(), c -> new int[3])[slot]++;
            for (String s : a.seatCategories()) {
                counts.get(Dimension.SEAT_CATEGORY).computeIfAbsent(s, c -> new int[3])[slot]++;
            }
        }
    }

    /** Per-stratum selection probability over {@code redraws} panels drawn with {@code seed.redraw(0..N-1)}. */
    public static List<StratumLine> empirical(Pool pool, QuotaTable quotas, CommitReveal.Seed seed, int redraws) {
        if (redraws < 1) {
            throw new IllegalArgumentException("the fairness report needs at least 1 re-draw, got " + redraws);
        }
        List<String> problems = Feasibility.problems(pool, quotas);
        if (!problems.isEmpty()) {
            throw new InfeasibleQuotasException(problems);
        }
        List<Applicant> all = pool.applicants();
        AtomicIntegerArray hits = new AtomicIntegerArray(all.size());
        PanelSearch.Prepared prepared = new PanelSearch.Prepared(all, quotas.rows());
        IntStream.range(0, redraws).parallel().forEach(i -> {
            for (int idx : SortitionEngine.drawPanelIndices(all, prepared, quotas.seats(), seed.redraw(i))) {
                hits.incrementAndGet(idx);
            }
        });
        Map<String, List<Integer>> strata = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            strata.computeIfAbsent(all.get(i).stratum(), s -> new ArrayList<>()).add(i);
        }
        List<StratumLine> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : strata.entrySet()) {
            long sum = 0;
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (int i : e.getValue()) {
                int h = hits.get(i);
                sum += h;
                lo = Math.min(lo, h);
                hi = Math.max(hi, h);
            }
            double n = redraws;
            out.add(new StratumLine(e.getKey(), e.getValue().size(), sum / (n * e.getValue().size()), lo / n, hi / n));
        }
        return out;
    }
}
