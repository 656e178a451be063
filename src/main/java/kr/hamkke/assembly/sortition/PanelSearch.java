package kr.hamkke.assembly.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Selects one panel (or the reserve list) from candidates already ranked by HMAC.
 *
 * <p>Phase 1 is the greedy walk of DOMAIN §6.3 step 5. If it leaves a minimum unmet or seats empty, phase 2
 * repairs at the level of <em>groups</em> (applicants who fall in exactly the same quota rows): a tabu local
 * search over the per-group counts that minimises the total quota violation, breaking ties by HMAC rank; a
 * found panel is then polished by rank-improving swaps that keep every quota met. Every step takes members of
 * a group strictly in rank order, so the panel is always "the first x_g of each group" and applicants of the
 * same stratum are exchangeable: each has exactly the same selection probability over the random seed.
 */
final class PanelSearch {

    enum Method { GREEDY, REPAIRED, UNSATISFIED }

    record Outcome(int[] selected, Method method, List<Shortfall> shortfalls, int[] rowCounts) {
    }

    private static final int BIG = Integer.MAX_VALUE / 4;

    private final List<Applicant> applicants;
    private final int[] order;
    private final List<Quota> rows;
    private final int seats;
    private final int n;
    private final int k;
    private final int[] rankOf;
    private final int[][] cats;
    private final int[] emin;
    private final int[] max;
    private final int[][] rowMembers;
    private long rng;

    private PanelSearch(List<Applicant> applicants, int[] order, List<Quota> rows, int seats, long rngSeed) {
        this.applicants = applicants;
        this.order = order;
        this.rows = rows;
        this.seats = seats;
        this.n = applicants.size();
        this.k = rows.size();
        this.rng = rngSeed;
        rankOf = new int[n];
        for (int r = 0; r < n; r++) {
            rankOf[order[r]] = r;
        }
        emin = new int[k];
        max = new int[k];
        Map<Dimension, Map<String, Integer>> rowIndex = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            rowIndex.put(d, new HashMap<>());
        }
        for (int q = 0; q < k; q++) {
            Quota row = rows.get(q);
            emin[q] = row.effectiveMin();
            max[q] = row.hasMax() ? row.max() : BIG;
            rowIndex.get(row.dimension()).put(row.category(), q);
        }
        Map<String, Integer> byAge = rowIndex.get(Dimension.AGE_BAND);
        Map<String, Integer> byGender = rowIndex.get(Dimension.GENDER);
        Map<String, Integer> byGu = rowIndex.get(Dimension.GU);
        Map<String, Integer> bySeat = rowIndex.get(Dimension.SEAT_CATEGORY);
        cats = new int[n][];
        int[] rowSizes = new int[k];
        int[] buf = new int[k];
        for (int i = 0; i < n; i++) {
            Applicant a = applicants.get(i);
            int m = 0;
            m = put(buf, m, byAge.get(a.ageBand()));
            m = put(buf, m, byGender.get(a.gender()));
            m = put(buf, m, byGu.get(a.guCode()));
            for (String c : a.seatCategories()) {
                m = put(buf, m, bySeat.get(c));
            }
            cats[i] = Arrays.copyOf(buf, m);
            Arrays.sort(cats[i]);
            for (int j = 0; j < m; j++) {
                rowSizes[cats[i][j]]++;
            }
        }
        rowMembers = new int[k][];
        int[] fill = new int[k];
        for (int q = 0; q < k; q++) {
            rowMembers[q] = new int[rowSizes[q]];
        }
        for (int r = 0; r < n; r++) {
            int i = order[r];
            for (int q : cats[i]) {
                rowMembers[q][fill[q]++] = i;
            }
        }
    }

    private static int put(int[] buf, int m, Integer q) {
        if (q != null) {
            buf[m++] = q;
        }
        return m;
    }

    /** Value-equality wrapper so that row-membership arrays can key a map. */
    private record Key(int[] rows) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Arrays.equals(rows, other.rows);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rows);
        }
    }

    static Outcome run(List<Applicant> applicants, int[] order, List<Quota> rows, int seats, long rngSeed,
            String stage, boolean repair) {
        return new PanelSearch(applicants, order, rows, seats, rngSeed).search(stage, repair);
    }

    private Outcome search(String stage, boolean repair) {
        boolean[] sel = new boolean[n];
        int[] cnt = new int[k];
        int size = greedy(sel, cnt);
        if (violation(cnt, size) == 0) {
            return outcome(sel, cnt, Method.GREEDY, stage);
        }
        if (repair) {
            boolean[] repaired = repairByGroups(sel);
            if (repaired != null) {
                int[] c2 = new int[k];
                for (int i = 0; i < n; i++) {
                    if (repaired[i]) {
                        for (int q : cats[i]) {
                            c2[q]++;
                        }
                    }
                }
                return outcome(repaired, c2, Method.REPAIRED, stage);
            }
        }
        return outcome(sel, cnt, Method.UNSATISFIED, stage);
    }

    // ---- phase 1: DOMAIN §6.3 step 5 ----

    private int greedy(boolean[] sel, int[] cnt) {
        int size = 0;
        for (int q = 0; q < k; q++) {
            int target = rows.get(q).prioritySeats();
            for (int j = 0; j < rowMembers[q].length && cnt[q] < target && size < seats; j++) {
                size += tryAdd(rowMembers[q][j], sel, cnt);
            }
        }
        for (int q = 0; q < k; q++) {
            for (int j = 0; j < rowMembers[q].length && cnt[q] < emin[q] && size < seats; j++) {
                size += tryAdd(rowMembers[q][j], sel, cnt);
            }
        }
        for (int r = 0; r < n && size < seats; r++) {
            size += tryAdd(order[r], sel, cnt);
        }
        return size;
    }

    private int tryAdd(int i, boolean[] sel, int[] cnt) {
        if (sel[i]) {
            return 0;
        }
        for (int q : cats[i]) {
            if (cnt[q] >= max[q]) {
                return 0;
            }
        }
        sel[i] = true;
        for (int q : cats[i]) {
            cnt[q]++;
        }
        return 1;
    }

    private int violation(int[] cnt, int size) {
        int v = Math.abs(size - seats);
        for (int q = 0; q < k; q++) {
            v += rowViolation(q, cnt[q]);
        }
        return v;
    }

    private int rowViolation(int q, int c) {
        return Math.max(0, emin[q] - c) + Math.max(0, c - max[q]);
    }

    // ---- phase 2: group-level repair ----

    private int groups;
    private int[][] groupCats;
    private int[][] groupMembers;

    private void buildGroups() {
        Map<Key, Integer> ids = new HashMap<>();
        List<int[]> gc = new ArrayList<>();
        List<List<Integer>> gm = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int i = order[r];
            Key key = new Key(cats[i]);
            Integer g = ids.get(key);
            if (g == null) {
                g = gc.size();
                ids.put(key, g);
                gc.add(cats[i]);
                gm.add(new ArrayList<>());
            }
            gm.get(g).add(i);
        }
        groups = gc.size();
        groupCats = gc.toArray(new int[0][]);
        groupMembers = new int[groups][];
        for (int g = 0; g < groups; g++) {
            groupMembers[g] = gm.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private boolean[] repairByGroups(boolean[] greedySel) {
        buildGroups();
        int[] x = new int[groups];
        int[] cnt = new int[k];
        int size = 0;
        for (int g = 0; g < groups; g++) {
            for (int i : groupMembers[g]) {
                if (greedySel[i]) {
                    x[g]++;
                }
            }
            for (int q : groupCats[g]) {
                cnt[q] += x[g];
            }
            size += x[g];
        }
        int v = violation(cnt, size);
        int bestV = v;
        int[] best = x.clone();
        int[] addTabu = new int[groups];
        int[] removeTabu = new int[groups];
        int[] dc = new int[k];
        boolean[] touchesDeficit = new boolean[groups];
        boolean[] touchesExcess = new boolean[groups];
        int[] excessS = new int[groups];
        int maxIter = 4000 + 20 * groups;
        for (int iter = 0; iter < maxIter && v > 0; iter++) {
            for (int g = 0; g < groups; g++) {
                touchesDeficit[g] = false;
                touchesExcess[g] = false;
                for (int q : groupCats[g]) {
                    touchesDeficit[g] |= cnt[q] < emin[q];
                    touchesExcess[g] |= cnt[q] > max[q];
                }
            }
            boolean noisy = (nextRandom() & 1023) < 60;
            int bestS = -2;
            int bestT = -2;
            long bestKey = Long.MAX_VALUE;
            long seen = 0;
            int excessCount = 0;
            for (int g = 0; g < groups; g++) {
                if (touchesExcess[g] && x[g] > 0) {
                    excessS[excessCount++] = g;
                }
            }
            for (int t = -1; t < groups; t++) {
                if (t >= 0 && x[t] >= groupMembers[t].length) {
                    continue;
                }
                boolean allSources = t < 0 || touchesDeficit[t];
                int sources = allSources ? groups + 1 : excessCount + 1;
                for (int si = 0; si < sources; si++) {
                    int s = si == 0 ? -1 : allSources ? si - 1 : excessS[si - 1];
                    if (s == t || (s >= 0 && x[s] == 0)) {
                        continue;
                    }
                    int d = delta(s, t, cnt, size, dc);
                    boolean tabu = (t >= 0 && iter < addTabu[t]) || (s >= 0 && iter < removeTabu[s]);
                    if (tabu && v + d >= bestV) {
                        continue;
                    }
                    long key;
                    if (noisy) {
                        key = d <= 0 ? (nextRandom() >>> 2) : Long.MAX_VALUE - 1;
                    } else {
                        long cost = (t >= 0 ? rankOf[groupMembers[t][x[t]]] : 0)
                                - (s >= 0 ? rankOf[groupMembers[s][x[s] - 1]] : 0);
                        key = ((long) (d + 1000) << 34) + (cost + (1L << 33));
                    }
                    seen++;
                    if (key < bestKey) {
                        bestKey = key;
                        bestS = s;
                        bestT = t;
                    }
                }
            }
            if (seen == 0 || bestS == -2) {
                break;
            }
            v += delta(bestS, bestT, cnt, size, dc);
            if (bestS >= 0) {
                x[bestS]--;
                size--;
                for (int q : groupCats[bestS]) {
                    cnt[q]--;
                }
                addTabu[bestS] = iter + 5 + (int) (nextRandom() & 7);
            }
            if (bestT >= 0) {
                x[bestT]++;
                size++;
                for (int q : groupCats[bestT]) {
                    cnt[q]++;
                }
                removeTabu[bestT] = iter + 5 + (int) (nextRandom() & 7);
            }
            if (v < bestV) {
                bestV = v;
                best = x.clone();
            }
        }
        if (bestV > 0) {
            return null;
        }
        polish(best);
        boolean[] sel = new boolean[n];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < best[g]; j++) {
                sel[groupMembers[g][j]] = true;
            }
        }
        return sel;
    }

    /** Rank-improving swaps that keep every quota met: move the panel back towards the HMAC order. */
    private void polish(int[] x) {
        int[] cnt = new int[k];
        for (int g = 0; g < groups; g++) {
            for (int q : groupCats[g]) {
                cnt[q] += x[g];
            }
        }
        int[] dc = new int[k];
        for (int iter = 0; iter < 2 * seats + 100; iter++) {
            int bestS = -1;
            int bestT = -1;
            int bestGain = 0;
            for (int t = 0; t < groups; t++) {
                if (x[t] >= groupMembers[t].length) {
                    continue;
                }
                int next = rankOf[groupMembers[t][x[t]]];
                for (int s = 0; s < groups; s++) {
                    if (s == t || x[s] == 0) {
                        continue;
                    }
                    int gain = rankOf[groupMembers[s][x[s] - 1]] - next;
                    if (gain > bestGain && delta(s, t, cnt, seats, dc) == 0) {
                        bestGain = gain;
                        bestS = s;
                        bestT = t;
                    }
                }
            }
            if (bestS < 0) {
                return;
            }
            x[bestS]--;
            x[bestT]++;
            for (int q : groupCats[bestS]) {
                cnt[q]--;
            }
            for (int q : groupCats[bestT]) {
                cnt[q]++;
            }
        }
    }

    /** Change in total violation when one member of group s leaves and one of group t joins (-1 = none). */
    private int delta(int s, int t, int[] cnt, int size, int[] dc) {
        int d = 0;
        if (s >= 0) {
            for (int q : groupCats[s]) {
                dc[q]--;
            }
        }
        if (t >= 0) {
            for (int q : groupCats[t]) {
                dc[q]++;
            }
        }
        if (s >= 0) {
            for (int q : groupCats[s]) {
                if (dc[q] != 0) {
                    d += rowViolation(q, cnt[q] + dc[q]) - rowViolation(q, cnt[q]);
                    dc[q] = 0;
                }
            }
        }
        if (t >= 0) {
            for (int q : groupCats[t]) {
                if (dc[q] != 0) {
                    d += rowViolation(q, cnt[q] + dc[q]) - rowViolation(q, cnt[q]);
                }
                dc[q] = 0;
            }
        }
        int newSize = size + (t >= 0 ? 1 : 0) - (s >= 0 ? 1 : 0);
        return d + Math.abs(newSize - seats) - Math.abs(size - seats);
    }

    /** splitmix64: a fixed, documented generator so that draws stay reproducible across JDK versions. */
    private long nextRandom() {
        long z = (rng += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Outcome outcome(boolean[] sel, int[] cnt, Method method, String stage) {
        int size = 0;
        for (boolean b : sel) {
            size += b ? 1 : 0;
        }
        int[] out = new int[size];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (sel[order[r]]) {
                out[m++] = order[r];
            }
        }
        List<Shortfall> shortfalls = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            if (cnt[q] < emin[q]) {
                shortfalls.add(new Shortfall(stage, rows.get(q).label(), emin[q], cnt[q],
                        stage + ": " + rows.get(q).label() + " needs at least " + emin[q] + " but only " + cnt[q]
                                + " could be drawn (" + rowMembers[q].length + " in the pool)"));
            }
        }
        if (size < seats) {
            shortfalls.add(new Shortfall(stage, "seats", seats, size,
                    stage + ": only " + size + " of " + seats + " seats could be filled without breaking a maximum"));
        }
        return new Outcome(out, method, List.copyOf(shortfalls), cnt);
    }
}
