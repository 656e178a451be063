package kr.hamkke.budgetlines.figures;

import java.util.regex.Pattern;

/**
 * Amount syntax and display. Money is whole 원 as {@code long}; tables show 천원 with thousands
 * separators and {@code △} for negatives, citizen pages show 억/만 원.
 */
public final class Amounts {

    /** The only accepted shape of a typed amount (DOMAIN §7.2): {@code ^△?\d{1,3}(,\d{3})*$}. */
    public static final Pattern AMOUNT_SYNTAX = Pattern.compile("^△?\\d{1,3}(,\\d{3})*$");

    private Amounts() {
    }

    /** True if {@code typed} (already stripped) has the strict amount syntax. */
    public static boolean isWellFormed(String typed) {
        return typed != null && AMOUNT_SYNTAX.matcher(typed).matches();
    }

    /**
     * Parses a strictly formatted amount in the given unit into whole 원.
     *
     * @throws IllegalArgumentException if the syntax is not {@link #AMOUNT_SYNTAX}
     */
    public static long parse(String typed, AmountUnit unit) {
        if (!isWellFormed(typed)) {
            throw new IllegalArgumentException("금액 형식 오류: " + typed);
        }
        boolean negative = typed.startsWith("△");
        String digits = (negative ? typed.substring(1) : typed).replace(",", "");
        long value = Math.multiplyExact(Long.parseLong(digits), unit.won());
        return negative ? -value : value;
    }

    /** 천원 with thousands separators and △ for negatives, e.g. −28,916,456,000 원 → {@code △28,916,456}. */
    public static String formatThousandWon(long won) {
        return format(won, AmountUnit.THOUSAND_WON);
    }

    /** Formats whole 원 in a table unit; the amount must be a whole multiple of the unit. */
    public static String format(long won, AmountUnit unit) {
        if (won % unit.won() != 0) {
            throw new IllegalArgumentException(won + "원은 " + unit.label() + " 단위로 나누어떨어지지 않음");
        }
        long units = won / unit.won();
        String digits = groupThousands(Math.abs(units));
        return units < 0 ? "△" + digits : digits;
    }

    static String groupThousands(long nonNegative) {
        String s = Long.toString(nonNegative);
        StringBuilder out = new StringBuilder(s.length() + s.length() / 3);
        int lead = s.length() % 3 == 0 ? 3 : s.length() % 3;
        out.append(s, 0, lead);
        for (int i = lead; i < s.length(); i += 3) {
            out.append(',').append(s, i, i + 3);
        }
        return out.toString();
    }

    /**
     * Citizen display in 억/만 원: 569,000,000 → {@code 5억 6,900만 원}; 50,000,000 → {@code 5,000만 원};
     * 1,000 → {@code 1,000 원}; negatives get a leading minus sign.
     */
    public static String formatForCitizens(long won) {
        if (won == 0) {
            return "0 원";
        }
        long abs = Math.abs(won);
        long eok = abs / 100_000_000L;
        long man = abs % 100_000_000L / 10_000L;
        long rest = abs % 10_000L;
        StringBuilder out = new StringBuilder(won < 0 ? "-" : "");
        if (eok > 0) {
            out.append(groupThousands(eok)).append('억');
        }
        if (man > 0) {
            if (eok > 0) {
                out.append(' ');
            }
            out.append(groupThousands(man)).append('만');
        }
        if (rest > 0) {
            if (eok > 0 || man > 0) {
                out.append(' ');
            }
            out.append(groupThousands(rest));
        }
        return out.append(" 원").toString();
    }
}
