package kr.hamkke.budgeting.tally;

import kr.hamkke.shared.Rational;

/** In one MES round, {@code voters} supporters each paid {@code amount}. */
public record PaymentShare(Rational amount, long voters) {
    public Rational total() {
        return amount.multiply(voters);
    }
}
