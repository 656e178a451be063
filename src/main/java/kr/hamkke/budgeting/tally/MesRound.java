package kr.hamkke.budgeting.tally;

import java.util.List;
import kr.hamkke.shared.Rational;

/**
 * One MES round: the project chosen, its ρ, the cap a supporter paid per unit of utility factor
 * (for cost and cardinality utilities this is the most any supporter paid), and the payments.
 */
public record MesRound(int round, String projectId, Rational cost, Rational rho, Rational capPerFactor,
                       long supporters, List<PaymentShare> payments) {
    public MesRound {
        payments = List.copyOf(payments);
    }

    public Rational paid() {
        Rational total = Rational.ZERO;
        for (PaymentShare share : payments) total = total.add(share.total());
        return total;
    }

    /** The largest single payment in the round. */
    public Rational maxPayment() {
        Rational max = Rational.ZERO;
        for (PaymentShare share : payments) max = Rational.max(max, share.amount());
        return max;
    }
}
