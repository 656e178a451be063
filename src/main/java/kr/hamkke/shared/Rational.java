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
        return sum(other.numerator, other.denominator);
    }

    public Rational subtract(Rational other) {
        if (other.isZero()) return this;
        if (isZero()) return other.negate();
        return sum(other.numerator.negate(), other.denominator);
    }

    /**
     * this + n/d with both already normalised (Knuth, TAOCP 4.5.1): the gcds involve only the
     * denominators' common part, far smaller than a gcd of the full result on long fractions.
     */
    private Rational sum(BigInteger n, BigInteger d) {
        BigInteger g = denominator.gcd(d);
        if (g.equals(BigInteger.ONE)) {
            return new Rational(numerator.multiply(d).add(n.multiply(denominator)), denominator.multiply(d));
        }
        BigInteger dOverG = d.divide(g);
        BigInteger t = numerator.multiply(dOverG).add(n.multiply(denominator.divide(g)));
        if (t.signum() == 0) return ZERO;
        BigInteger g2 = t.gcd(g);
        if (g2.equals(BigInteger.ONE)) return new Rational(t, denominator.multiply(dOverG));
        return new Rational(t.divide(g2), denominator.divide(g).multiply(d.divide(g2)));
    }

    public Rational multiply(Rational other) {
        if (isZero() || other.isZero()) return ZERO;
        // Cancel across before multiplying: gcd(a, d) and gcd(c, b) are cheaper than one gcd of the products.
        BigInteger g1 = numerator.gcd(other.denominator);
        BigInteger g2 = other.numerator.gcd(denominator);
        BigInteger n = numerator.divide(g1).multiply(other.numerator.divide(g2));
        BigInteger d = denominator.divide(g2).multiply(other.denominator.divide(g1));
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        return new Rational(n, d);
    }

    public Rational multiply(long factor) {
        if (factor == 1) return this;
        if (factor == 0 || isZero()) return ZERO;
        BigInteger f = BigInteger.valueOf(factor);
        BigInteger g = f.gcd(denominator);
        BigInteger n = numerator.multiply(g.equals(BigInteger.ONE) ? f : f.divide(g));
        BigInteger d = g.equals(BigInteger.ONE) ? denominator : denominator.divide(g);
        if (d.signum() < 0) {
            n = n.negate();
            d = d.negate();
        }
        return new Rational(n, d);
    }

    public Rational divide(Rational other) {
        if (other.isZero()) throw new ArithmeticException("division by zero");
        Rational reciprocal = other.signum() > 0 ? new Rational(other.denominator, other.numerator)
                : new Rational(other.denominator.negate(), other.numerator.negate());
        return multiply(reciprocal);
    }

    public Rational divide(long divisor) {
        if (divisor == 0) throw new ArithmeticException("division by zero");
        if (divisor == 1) return this;
        if (isZero()) return ZERO;
        BigInteger v = BigInteger.valueOf(divisor);
        BigInteger g = numerator.gcd(v);
        BigInteger n = numerator.divide(g);
        BigInteger d = denominator.multiply(v.divide(g));
        return d.signum() < 0 ? new Rational(n.negate(), d.negate()) : new Rational(n, d);
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
