package kr.hamkke.assembly.sortition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stratified sortition engine (DOMAIN §6.3). Output is a pure function of (pool, quota table, seed,
 * {@link #ALGORITHM_VERSION}).
 */
public final class SortitionEngine {

    /** Bump whenever any change could alter a panel for the same inputs. */
    public static final String ALGORITHM_VERSION = "hamkke-sortition/1";

    private SortitionEngine() {
    }

    /**
     * Draws the panel and the reserve list.
     *
     * @throws InfeasibleQuotasException if the pre-draw check proves the panel quotas cannot be met
     */
    public static DrawResult draw(Pool pool, QuotaTable quotas, CommitReveal.Seed seed) {
        List<String> problems = Feasibility.problems(pool, quotas);
        if (!problems.isEmpty()) {
            throw new InfeasibleQuotasException(problems);
        }
        List<Applicant> all = pool.applicants();
        int[] order = Ranking.order(all, seed);
        long rngSeed = rngSeed(seed);
        PanelSearch.Outcome panel = PanelSearch.run(all, order, quotas.rows(), quotas.seats(), rngSeed, "panel", true);
        List<Applicant> selected = pick(all, panel.selected());
        List<Shortfall> shortfalls = new ArrayList<>(panel.shortfalls());

        List<Applicant> reserves = List.of();
        String reserveMethod = "NONE";
        if (quotas.reserveSeats() > 0) {
            Set<Integer> taken = new HashSet<>();
            for (int i : panel.selected()) {
                taken.add(i);
            }
            List<Applicant> rest = new ArrayList<>();
            int[] restOrder = new int[all.size() - taken.size()];
            int m = 0;
            for (int i : order) {
                if (!taken.contains(i)) {
                    restOrder[m++] = rest.size();
                    rest.add(all.get(i));
                }
            }
            QuotaTable scaled = quotas.scaledToReserves();
            PanelSearch.Outcome res = PanelSearch.run(rest, restOrder, scaled.rows(), scaled.seats(),
                    rngSeed ^ 0x5245534552564553L, "reserves", true);
            reserves = pick(rest, res.selected());
            reserveMethod = res.method().name();
            shortfalls.addAll(res.shortfalls());
        }
        return new DrawResult(ALGORITHM_VERSION, pool.poolHash(), quotas.quotaHash(), seed.hex(), quotas,
                selected, reserves, panel.method().name(), reserveMethod, shortfalls);
    }

    /** The panel alone, for fairness re-draws (no pre-check, no reserves); {@code prepared} is shared. */
    static int[] drawPanelIndices(List<Applicant> all, PanelSearch.Prepared prepared, int seats, CommitReveal.Seed seed) {
        int[] order = Ranking.order(all, seed);
        return PanelSearch.run(prepared, order, seats, rngSeed(seed), "panel", true).selected();
    }

    private static long rngSeed(CommitReveal.Seed seed) {
        byte[] b = seed.bytes();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    private static List<Applicant> pick(List<Applicant> list, int[] indices) {
        List<Applicant> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(list.get(i));
        }
        return out;
    }
}
