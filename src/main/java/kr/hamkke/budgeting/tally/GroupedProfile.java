package kr.hamkke.budgeting.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.hamkke.shared.Rational;

/**
 * Identical ballots (same projects, same utility factors, same weight) merged into one group with a
 * multiplicity. Real elections have far fewer distinct ballots than voters, so rules iterate groups.
 * Only factors > 0 are kept: a zero-utility listing is no support.
 */
final class GroupedProfile {

    final TallyInstance instance;
    final Satisfaction satisfaction;
    final int[][] groupProjects;
    final long[][] groupFactors;
    final long[] multiplicity;
    final Rational[] weight;
    final int[] groupOfBallot;
    /** per project: supporting groups and their factors, aligned. */
    final int[][] supporters;
    final long[][] supporterFactors;
    final boolean[] uniformFactor;
    final long[] approvals;

    private record Key(int[] projects, long[] factors, Rational weight) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(projects, k.projects) && Arrays.equals(factors, k.factors)
                    && weight.equals(k.weight);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(projects) * 31 + Arrays.hashCode(factors)) * 31 + weight.hashCode();
        }
    }

    GroupedProfile(TallyInstance instance, Satisfaction satisfaction) {
        this.instance = instance;
        this.satisfaction = satisfaction;
        int n = instance.ballotCount();
        Map<Key, Integer> groups = new HashMap<>();
        List<int[]> projects = new ArrayList<>();
        List<long[]> factors = new ArrayList<>();
        List<Rational> weights = new ArrayList<>();
        long[] counts = new long[Math.max(16, n)];
        groupOfBallot = new int[n];
        for (int i = 0; i < n; i++) {
            Key key = key(instance, i, satisfaction);
            Integer g = groups.get(key);
            if (g == null) {
                g = projects.size();
                groups.put(key, g);
                projects.add(key.projects);
                factors.add(key.factors);
                weights.add(key.weight);
            }
            counts[g]++;
            groupOfBallot[i] = g;
        }
        int groupCount = projects.size();
        groupProjects = projects.toArray(int[][]::new);
        groupFactors = factors.toArray(long[][]::new);
        weight = weights.toArray(Rational[]::new);
        multiplicity = Arrays.copyOf(counts, groupCount);

        int m = instance.projectCount();
        int[] sizes = new int[m];
        for (int[] ps : groupProjects) for (int p : ps) sizes[p]++;
        supporters = new int[m][];
        supporterFactors = new long[m][];
        for (int p = 0; p < m; p++) {
            supporters[p] = new int[sizes[p]];
            supporterFactors[p] = new long[sizes[p]];
        }
        int[] fill = new int[m];
        approvals = new long[m];
        for (int g = 0; g < groupCount; g++) {
            for (int k = 0; k < groupProjects[g].length; k++) {
                int p = groupProjects[g][k];
                supporters[p][fill[p]] = g;
                supporterFactors[p][fill[p]++] = groupFactors[g][k];
                approvals[p] += multiplicity[g];
            }
        }
        uniformFactor = new boolean[m];
        for (int p = 0; p < m; p++) {
            long[] f = supporterFactors[p];
            boolean uniform = true;
            for (int k = 1; k < f.length && uniform; k++) uniform = f[k] == f[0];
            uniformFactor[p] = uniform;
        }
    }

    private static Key key(TallyInstance instance, int ballot, Satisfaction satisfaction) {
        int[] listed = instance.ballot(ballot);
        int kept = 0;
        long[] f = new long[listed.length];
        int[] ps = new int[listed.length];
        for (int k = 0; k < listed.length; k++) {
            long factor = instance.factor(ballot, k, satisfaction);
            if (factor > 0) {
                ps[kept] = listed[k];
                f[kept++] = factor;
            }
        }
        ps = Arrays.copyOf(ps, kept);
        f = Arrays.copyOf(f, kept);
        sortTogether(ps, f);
        return new Key(ps, f, instance.weight(ballot));
    }

    /** Sorts project indexes ascending, carrying factors along, so equal ballots in any order match. */
    private static void sortTogether(int[] ps, long[] f) {
        for (int i = 1; i < ps.length; i++) {
            int p = ps[i];
            long v = f[i];
            int j = i - 1;
            while (j >= 0 && ps[j] > p) {
                ps[j + 1] = ps[j];
                f[j + 1] = f[j];
                j--;
            }
            ps[j + 1] = p;
            f[j + 1] = v;
        }
    }

    int groupCount() { return multiplicity.length; }

    boolean supported(int project) { return supporters[project].length > 0; }

    Rational totalWeight() {
        if (!instance.weighted()) return Rational.of(instance.ballotCount());
        Rational total = Rational.ZERO;
        for (int g = 0; g < groupCount(); g++) total = total.add(weight[g].multiply(multiplicity[g]));
        return total;
    }
}
