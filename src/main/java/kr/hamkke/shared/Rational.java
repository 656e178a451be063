package kr.hamkke.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number (numerator / denominator over {@link BigInteger}), always normalised:
 * the denominator is positive and shares no factor with the numerator. Counting rules use it
 * because budgets are decimal and B/n is usually a repeating fraction; floats would change ties.
 */
public final class Rational implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Rational(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Rational of(long value) {
        if (value == 0) return ZERO;
        if (value == 1) return ONE;
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Rational of(BigInteger value) {
        return new Rational(value, BigInteger.ONE);
    }

    public static Rational of(long numerator, long denominator) {
        return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) throw new ArithmeticException("denominator is zero");
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        if (denominator.equals(BigInteger.ONE)) return new Rational(numerator, denominator);
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        return new Rational(numerator, denominator);
    }

    /** Parses "12", "-3", "2572946.76", "1.5e3" or "a/b" exactly. */
    public static Rational parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) throw new NumberFormatException("empty number");
        int slash = s.indexOf('/');
        if (slash >= 0) {
            return of(new BigInteger(s.substring(0, slash).strip()), new BigInteger(s.substring(slash + 1).strip()));
        }
        BigDecimal decimal = new BigDecimal(s);
        if (decimal.scale() <= 0) return of(decimal.toBigIntegerExact());
        return of(decimal.unscaledValue(), BigInteger.TEN.pow(decimal.scale()));
    }

    public BigInteger numerator() { return numerator; }

    public BigInteger denominator() { return denominator; }

    public int signum() { return numerator.signum(); }

    public boolean isZero() { return numerator.signum() == 0; }

    public boolean isInteger() { return denominator.equals(BigInteger.ONE); }

    public Rational add(Rational other) {
        if (other.isZero()) return this;
        if (isZero()) return other;
        if (denominator.equals(other.denominator)) return of(numerator.add(other.numerator), denominator);
        return of(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational subtract(Rational other) {
        if (other.isZero()) return this;
        if (denominator.equals(other.denominator)) return of(numerator.subtract(other.numerator), denominator);
        return of(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Rational multiply(Rational other) {
        if (isZero() || other.isZero()) return ZERO;
        return of(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Rational multiply(long factor) {
        if (factor == 1) return this;
        if (factor == 0 || isZero()) return ZERO;
        return of(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    public Rational divide(Rational other) {
        if (other.isZero()) throw new ArithmeticException("division by zero");
        return of(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Rational divide(long divisor) {
        if (divisor == 0) throw new ArithmeticException("division by zero");
        if (divisor == 1) return this;
        return of(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    public Rational negate() { return new Rational(numerator.negate(), denominator); }

    @Override
    public int compareTo(Rational other) {
        if (denominator.equals(other.denominator)) return numerator.compareTo(other.numerator);
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    public boolean lessThan(Rational other) { return compareTo(other) < 0; }

    public boolean greaterThan(Rational other) { return compareTo(other) > 0; }

    public static Rational min(Rational a, Rational b) { return a.compareTo(b) <= 0 ? a : b; }

    public static Rational max(Rational a, Rational b) { return a.compareTo(b) >= 0 ? a : b; }

    /** Rounds half away from zero to a whole number, e.g. for 원 amounts on a results page. */
    public BigInteger roundHalfUp() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.HALF_UP).toBigIntegerExact();
    }

    /** Decimal for display only, rounded half-up to {@code scale} places; publish {@link #toString()} beside it. */
    public String toDecimalString(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** Exact form: "a" for integers, otherwise "a/b". */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && numerator.equals(r.numerator) && denominator.equals(r.denominator);
    }

    @Override
    public int hashCode() { return Objects.hash(numerator, denominator); }
}
