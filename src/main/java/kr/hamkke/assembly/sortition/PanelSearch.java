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

    /**
     * What does not depend on the seed: each applicant's quota rows and group. Built once per pool and table, and
     * shared by the fairness re-draws.
     */
    static final class Prepared {
        final List<Quota> rows;
        final int n;
        final int k;
        final int[] emin;
        final int[] max;
        final int[][] cats;
        final int[] rowSize;
        final int[] groupOf;
        final int[][] groupCats;
        final int[] groupSize;

        Prepared(List<Applicant> applicants, List<Quota> rows) {
            this.rows = rows;
            n = applicants.size();
            k = rows.size();
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
            rowSize = new int[k];
            groupOf = new int[n];
            int[] buf = new int[k];
            Map<Key, Integer> ids = new HashMap<>();
            List<int[]> gc = new ArrayList<>();
            List<Integer> gs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Applicant a = applicants.get(i);
                int m = 0;
                m = put(buf, m, byAge.get(a.ageBand()));
                m = put(buf, m, byGender.get(a.gender()));
                m = put(buf, m, byGu.get(a.guCode()));
                for (String c : a.seatCategories()) {
                    m = put(buf, m, bySeat.get(c));
                }
                int[] mine = Arrays.copyOf(buf, m);
                Arrays.sort(mine);
                Key key = new Key(mine);
                Integer g = ids.get(key);
                if (g == null) {
                    g = gc.size();
                    ids.put(key, g);
                    gc.add(mine);
                    gs.add(0);
                }
                gs.set(g, gs.get(g) + 1);
                groupOf[i] = g;
                cats[i] = gc.get(g);
                for (int j = 0; j < m; j++) {
                    rowSize[mine[j]]++;
                }
            }
            groupCats = gc.toArray(new int[0][]);
            groupSize = gs.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private final Prepared prepared;
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

    private PanelSearch(Prepared prepared, int[] order, int seats, long rngSeed) {
        this.prepared = prepared;
        this.order = order;
        this.rows = prepared.rows;
        this.seats = seats;
        this.n = prepared.n;
        this.k = prepared.k;
        this.rng = rngSeed;
        this.cats = prepared.cats;
        this.emin = prepared.emin;
        this.max = prepared.max;
        rankOf = new int[n];
        for (int r = 0; r < n; r++) {
            rankOf[order[r]] = r;
        }
        rowMembers = new int[k][];
        int[] fill = new int[k];
        for (int q = 0; q < k; q++) {
            rowMembers[q] = new int[prepared.rowSize[q]];
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
        return run(new Prepared(applicants, rows), order, seats, rngSeed, stage, repair);
    }

    static Outcome run(Prepared prepared, int[] order, int seats, long rngSeed, String stage, boolean repair) {
        return new PanelSearch(prepared, order, seats, rngSeed).search(stage, repair);
    }

    private Outcome search(String stage, boolean repair) {
        boolean[] sel = new boolean[n];
        int[] cnt = new int[k];
        int size = greedy(sel, cnt);
        if (violation(cnt, size) == 0) {
            return outcome(sel, cnt, Method.GREEDY, stage);
        }
        if (repair) {
            boolean[] repaired = repairByGroups();
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

    /**
     * Start of the repair: priority seats as in step 5a, then one walk down the HMAC order that adds an applicant
     * only if it breaks no maximum and leaves enough seats for every dimension's unmet minimums (a dimension whose
     * remaining need equals the remaining seats only accepts applicants who reduce that need); finally fill any
     * seats still empty as in step 5c. Prefix-per-group is preserved: every check depends only on the group.
     */
    private void lookaheadWalk(boolean[] sel) {
        int[] cnt = new int[k];
        int size = 0;
        for (int q = 0; q < k; q++) {
            int target = rows.get(q).prioritySeats();
            for (int j = 0; j < rowMembers[q].length && cnt[q] < target && size < seats; j++) {
                size += tryAdd(rowMembers[q][j], sel, cnt);
            }
        }
        int seatRows = 0;
        int[] dimOf = new int[k];
        for (int q = 0; q < k; q++) {
            Dimension d = rows.get(q).dimension();
            dimOf[q] = d == Dimension.SEAT_CATEGORY ? Math.min(63, 3 + seatRows++) : d.ordinal();
        }
        int dims = Math.min(64, 3 + seatRows);
        int[] need = new int[dims];
        for (int q = 0; q < k; q++) {
            need[dimOf[q]] += Math.max(0, emin[q] - cnt[q]);
        }
        for (int r = 0; r < n && size < seats; r++) {
            int i = order[r];
            if (sel[i]) {
                continue;
            }
            long reduces = 0;
            boolean ok = true;
            for (int q : cats[i]) {
                if (cnt[q] >= max[q]) {
                    ok = false;
                    break;
                }
                if (cnt[q] < emin[q]) {
                    reduces |= 1L << dimOf[q];
                }
            }
            int remainingAfter = seats - size - 1;
            for (int d = 0; ok && d < dims; d++) {
                if (need[d] > remainingAfter && (reduces & (1L << d)) == 0) {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            sel[i] = true;
            size++;
            for (int q : cats[i]) {
                if (cnt[q] < emin[q]) {
                    need[dimOf[q]]--;
                }
                cnt[q]++;
            }
        }
        for (int r = 0; r < n && size < seats; r++) {
            size += tryAdd(order[r], sel, cnt);
        }
    }


    private int groups;
    private int[][] groupCats;
    private int[][] groupMembers;
    private int[][] groupsOfRow;

    private void buildGroups() {
        // groups are numbered by their best-ranked member, as the search's tie-breaks depend on that order
        int[] drawId = new int[prepared.groupCats.length];
        Arrays.fill(drawId, -1);
        int[] fill = new int[drawId.length];
        List<int[]> gc = new ArrayList<>();
        groupMembers = new int[drawId.length][];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            int base = prepared.groupOf[i];
            int g = drawId[base];
            if (g < 0) {
                g = gc.size();
                drawId[base] = g;
                gc.add(prepared.groupCats[base]);
                groupMembers[g] = new int[prepared.groupSize[base]];
            }
            groupMembers[g][fill[g]++] = i;
        }
        groups = gc.size();
        groupCats = gc.toArray(new int[0][]);
        List<List<Integer>> byRow = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            byRow.add(new ArrayList<>());
        }
        for (int g = 0; g < groups; g++) {
            for (int q : groupCats[g]) {
                byRow.get(q).add(g);
            }
        }
        groupsOfRow = new int[k][];
        for (int q = 0; q < k; q++) {
            groupsOfRow[q] = byRow.get(q).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private boolean[] repairByGroups() {
        buildGroups();
        boolean[] start = new boolean[n];
        lookaheadWalk(start);
        int[] x = new int[groups];
        for (int g = 0; g < groups; g++) {
            for (int i : groupMembers[g]) {
                if (start[i]) {
                    x[g]++;
                }
            }
        }
        // a fast focused search first; if it stalls, a broader one from its best point
        if (tabuSearch(x, true, 10_000 + 20 * groups) > 0 && tabuSearch(x, false, 4_000 + 20 * groups) > 0) {
            return null;
        }
        polish(x);
        boolean[] sel = new boolean[n];
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < x[g]; j++) {
                sel[groupMembers[g][j]] = true;
            }
        }
        return sel;
    }

    // state of the current tabu step
    private int stepBestS;
    private int stepBestT;
    private long stepBestKey;
    private boolean stepNoisy;

    /**
     * Tabu search over group counts minimising the total violation V; leaves the best counts found in {@code x}
     * and returns their V. Focused: each step repairs one violated row picked at random (min-conflicts).
     * Broad: each step considers every move that touches any violated row.
     */
    private int tabuSearch(int[] x, boolean focused, int maxIter) {
        int[] cnt = new int[k];
        int size = 0;
        for (int g = 0; g < groups; g++) {
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
        int[] violated = new int[k + 1];
        int[] all = new int[groups];
        int[] excess = new int[groups];
        boolean[] deficitGroup = new boolean[groups];
        for (int g = 0; g < groups; g++) {
            all[g] = g;
        }
        for (int iter = 0; iter < maxIter && v > 0; iter++) {
            stepBestS = -2;
            stepBestT = -2;
            stepBestKey = Long.MAX_VALUE;
            stepNoisy = (nextRandom() & 1023) < 60;
            if (focused) {
                int nv = 0;
                for (int q = 0; q < k; q++) {
                    if (cnt[q] < emin[q] || cnt[q] > max[q]) {
                        violated[nv++] = q;
                    }
                }
                if (size != seats) {
                    violated[nv++] = -1;
                }
                int r = violated[(int) Long.remainderUnsigned(nextRandom(), nv)];
                boolean raise = r >= 0 ? cnt[r] < emin[r] : size < seats;
                for (int fixer : r >= 0 ? groupsOfRow[r] : all) {
                    if (r < 0) {
                        consider(raise ? -1 : fixer, raise ? fixer : -1, x, cnt, size, v, bestV, iter, addTabu, removeTabu, dc);
                        continue;
                    }
                    for (int other = -1; other < groups; other++) {
                        consider(raise ? other : fixer, raise ? fixer : other, x, cnt, size, v, bestV, iter, addTabu, removeTabu, dc);
                    }
                }
            } else {
                int ne = 0;
                for (int g = 0; g < groups; g++) {
                    boolean def = false;
                    boolean exc = false;
                    for (int q : groupCats[g]) {
                        def |= cnt[q] < emin[q];
                        exc |= cnt[q] > max[q];
                    }
                    deficitGroup[g] = def;
                    if (exc) {
                        excess[ne++] = g;
                    }
                }
                for (int t = -1; t < groups; t++) {
                    if (t < 0 || deficitGroup[t]) {
                        for (int s = -1; s < groups; s++) {
                            consider(s, t, x, cnt, size, v, bestV, iter, addTabu, removeTabu, dc);
                        }
                    } else {
                        consider(-1, t, x, cnt, size, v, bestV, iter, addTabu, removeTabu, dc);
                        for (int e = 0; e < ne; e++) {
                            consider(excess[e], t, x, cnt, size, v, bestV, iter, addTabu, removeTabu, dc);
                        }
                    }
                }
            }
            int s = stepBestS;
            int t = stepBestT;
            if (s == -2) {
                break;
            }
            v += delta(s, t, cnt, size, dc);
            if (s >= 0) {
                x[s]--;
                size--;
                for (int q : groupCats[s]) {
                    cnt[q]--;
                }
                addTabu[s] = iter + 5 + (int) (nextRandom() & 7);
            }
            if (t >= 0) {
                x[t]++;
                size++;
                for (int q : groupCats[t]) {
                    cnt[q]++;
                }
                removeTabu[t] = iter + 5 + (int) (nextRandom() & 7);
            }
            if (v < bestV) {
                bestV = v;
                best = x.clone();
            }
        }
        System.arraycopy(best, 0, x, 0, groups);
        return bestV;
    }

    /** Scores the move "drop the worst chosen member of s, add the best unchosen member of t" (-1 = none). */
    private void consider(int s, int t, int[] x, int[] cnt, int size, int v, int bestV, int iter, int[] addTabu,
            int[] removeTabu, int[] dc) {
        if (s == t || (s >= 0 && x[s] == 0) || (t >= 0 && x[t] >= groupMembers[t].length)) {
            return;
        }
        int d = delta(s, t, cnt, size, dc);
        boolean tabu = (t >= 0 && iter < addTabu[t]) || (s >= 0 && iter < removeTabu[s]);
        if (tabu && v + d >= bestV) {
            return;
        }
        long key;
        if (stepNoisy) {
            key = d <= 0 ? (nextRandom() >>> 2) : Long.MAX_VALUE - 1;
        } else {
            long cost = (t >= 0 ? rankOf[groupMembers[t][x[t]]] : 0) - (s >= 0 ? rankOf[groupMembers[s][x[s] - 1]] : 0);
            key = ((long) (d + 1000) << 34) + (cost + (1L << 33));
        }
        if (key < stepBestKey) {
            stepBestKey = key;
            stepBestS = s;
            stepBestT = t;
        }
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
