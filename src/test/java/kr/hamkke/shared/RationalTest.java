package kr.hamkke.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void division_of_a_rational_by_an_integer() {
        // 10/3 ÷ 4 = 10/12 = 5/6, and B/n for B = 66490, n = 2066 is 33245/1033.
        assertEquals(Rational.of(5, 6), Rational.of(10, 3).divide(4));
        assertEquals("33245/1033", Rational.of(66490).divide(2066).toString());
        // multiplying back is exact: (B/n)·n = B
        assertEquals(Rational.of(66490), Rational.of(66490).divide(2066).multiply(2066));
        assertThrows(ArithmeticException.class, () -> Rational.ONE.divide(0));
    }

    @Test
    void is_normalised_with_a_positive_denominator() {
        Rational r = Rational.of(-4, -6);
        assertEquals(BigInteger.TWO, r.numerator());
        assertEquals(BigInteger.valueOf(3), r.denominator());
        assertEquals(Rational.of(-2, 3), Rational.of(2, -3));
        assertEquals(Rational.of(2, 3).hashCode(), Rational.of(4, 6).hashCode());
    }

    @Test
    void parses_decimal_strings_exactly() {
        assertEquals("64323669/25", Rational.parse("2572946.76").toString());
        assertEquals(Rational.of(1500), Rational.parse("1.5e3"));
        assertEquals(Rational.of(7, 2), Rational.parse(" 7/2 "));
        assertEquals(Rational.of(-3), Rational.parse("-3"));
        assertEquals(Rational.of(12), Rational.parse("12.000"));
        assertThrows(NumberFormatException.class, () -> Rational.parse("abc"));
    }

    @Test
    void arithmetic_and_comparison() {
        Rational a = Rational.of(1, 3);
        Rational b = Rational.of(1, 6);
        assertEquals(Rational.of(1, 2), a.add(b));
        assertEquals(Rational.of(1, 6), a.subtract(b));
        assertEquals(Rational.of(1, 18), a.multiply(b));
        assertEquals(Rational.of(2), a.divide(b));
        assertEquals(Rational.of(5, 3), a.multiply(5));
        assertTrue(b.lessThan(a));
        assertEquals(b, Rational.min(a, b));
        assertEquals(a, Rational.max(a, b));
        assertEquals(0, Rational.of(2, 4).compareTo(Rational.of(1, 2)));
    }

    @Test
    void exact_and_display_strings() {
        assertEquals("7", Rational.of(14, 2).toString());
        assertEquals("1/3", Rational.of(1, 3).toString());
        assertEquals("0.33", Rational.of(1, 3).toDecimalString(2));
        assertEquals("0.67", Rational.of(2, 3).toDecimalString(2));
        assertEquals("2.5", Rational.of(5, 2).toDecimalString(1));
        assertEquals("3", Rational.of(5, 2).toDecimalString(0)); // half-up
        assertEquals("-3", Rational.of(-5, 2).toDecimalString(0)); // half away from zero
        assertEquals(BigInteger.valueOf(24917), Rational.parse("24916.5").roundHalfUp());
    }
}
