package kr.hamkke.budgeting.tally;

import kr.hamkke.shared.Rational;

/**
 * One MES candidate's evaluation in a round. Buckets are ordered with the {@code poorCount} buckets
 * that pay all they have first. {@code rho ± rhoError} bounds ρ; {@code perFactor} (ρ' = payment per
 * unit of utility factor) and {@code exactRho} are exact once {@code EqualShares.exactify} ran.
 */
final class Evaluation {
    boolean affordable;
    Rational money;
    Buckets buckets;
    int poorCount;
    long remainingFactor;
    double rho;
    double rhoError;
    Rational perFactor;
    Rational exactRho;

    double low() { return rho - rhoError; }

    double high() { return rho + rhoError; }
}

