package kr.hamkke.budgeting.tally;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kr.hamkke.shared.Rational;

/**
 * The money voters hold during an MES run, shared by "budget classes": every voter of a class holds
 * the same amount. A root class holds a starting budget; a child class holds its parent's amount
 * minus one payment ρ'_r · f made in round r. Each class carries a double approximation with a
 * proven error bound, so most decisions need no big-number arithmetic; the exact rational value is
 * built only on demand, and sums over many classes are done exactly by collecting, per round, the
 * integer total of factors paid ({@link #exactSum}).
 */
final class BudgetClasses {

    static final double EPS = Math.ulp(1.0);
    /** The class of voters who have spent everything. */
    static final int EMPTY = 0;

    private int size;
    private int[] parent = new int[64];
    private int[] round = new int[64];
    private long[] factor = new long[64];
    private double[] approx = new double[64];
    private double[] error = new double[64];
    private Rational[] exact = new Rational[64];
    private final List<Rational> roundPayment = new ArrayList<>();
    private final List<Double> roundPaymentApprox = new ArrayList<>();

    BudgetClasses() {
        root(Rational.ZERO);
    }

    static double toDouble(Rational r) {
        if (r.isZero()) return 0;
        return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MathContext.DECIMAL64).doubleValue();
    }

    int root(Rational value) {
        int c = grow();
        parent[c] = -1;
        exact[c] = value;
        approx[c] = toDouble(value);
        error[c] = Math.abs(approx[c]) * 2 * EPS;
        return c;
    }

    /** Records round r's payment per unit factor ρ'_r; rounds are numbered 0, 1, … in order. */
    void addRound(Rational perFactor) {
        roundPayment.add(perFactor);
        roundPaymentApprox.add(toDouble(perFactor));
    }

    Rational roundPayment(int r) {
        return roundPayment.get(r);
    }

    /** A class holding {@code from}'s amount minus ρ'_r · f, for the round just added. */
    int child(int from, long f) {
        int r = roundPayment.size() - 1;
        double pay = roundPaymentApprox.get(r) * f;
        int c = grow();
        parent[c] = from;
        round[c] = r;
        factor[c] = f;
        approx[c] = approx[from] - pay;
        error[c] = error[from] + (Math.abs(approx[from]) + Math.abs(pay)) * 4 * EPS;
        return c;
    }

    double approx(int c) { return approx[c]; }

    double error(int c) { return error[c]; }

    int size() { return size; }

    Rational exact(int c) {
        if (exact[c] == null) {
            exact[c] = exact(parent[c]).subtract(roundPayment.get(round[c]).multiply(factor[c]));
        }
        return exact[c];
    }

    /** Σ voters[i] · value(classes[i]), exactly, using few big-number operations. */
    Rational exactSum(int[] classes, long[] voters, int count) {
        long[] perRound = new long[roundPayment.size()];
        Rational total = Rational.ZERO;
        java.util.Map<Integer, Long> perRoot = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            int c = classes[i];
            long m = voters[i];
            while (parent[c] >= 0) {
                perRound[round[c]] = Math.addExact(perRound[round[c]], Math.multiplyExact(m, factor[c]));
                c = parent[c];
            }
            perRoot.merge(c, m, Long::sum);
        }
        for (var e : perRoot.entrySet()) total = total.add(exact[e.getKey()].multiply(e.getValue()));
        for (int r = 0; r < perRound.length; r++) {
            if (perRound[r] != 0) total = total.subtract(roundPayment.get(r).multiply(perRound[r]));
        }
        return total;
    }

    private int grow() {
        if (size == parent.length) {
            int n = size * 2;
            parent = Arrays.copyOf(parent, n);
            round = Arrays.copyOf(round, n);
            factor = Arrays.copyOf(factor, n);
            approx = Arrays.copyOf(approx, n);
            error = Arrays.copyOf(error, n);
            exact = Arrays.copyOf(exact, n);
        }
        return size++;
    }
}
