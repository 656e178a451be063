package kr.hamkke.budgeting.tally;

/**
 * An MES candidate's supporters with money left, one entry per (budget class, utility factor), as
 * parallel arrays: evaluations run in the inner loop, so no object per entry.
 */
final class Buckets {
    int[] cls;
    long[] fac;
    long[] voters;
    int n;

    Buckets(int capacity) {
        cls = new int[capacity];
        fac = new long[capacity];
        voters = new long[capacity];
    }

    void add(int c, long f, long m) {
        cls[n] = c;
        fac[n] = f;
        voters[n++] = m;
    }

    /** Moves flagged buckets to the front, keeping both parts in order. */
    void partition(boolean[] first) {
        int[] c2 = new int[n];
        long[] f2 = new long[n];
        long[] v2 = new long[n];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                if (first[i] == (pass == 0)) {
                    c2[k] = cls[i];
                    f2[k] = fac[i];
                    v2[k++] = voters[i];
                }
            }
        }
        cls = c2;
        fac = f2;
        voters = v2;
    }

    void reorder(Integer[] order) {
        int[] c2 = new int[n];
        long[] f2 = new long[n];
        long[] v2 = new long[n];
        for (int i = 0; i < n; i++) {
            c2[i] = cls[order[i]];
            f2[i] = fac[order[i]];
            v2[i] = voters[order[i]];
        }
        cls = c2;
        fac = f2;
        voters = v2;
    }
}

