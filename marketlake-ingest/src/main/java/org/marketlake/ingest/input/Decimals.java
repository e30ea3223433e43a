package org.marketlake.ingest.input;

import java.nio.charset.StandardCharsets;

/**
 * Decimal text in bytes to double, equal to {@link Double#parseDouble} on the same text. The common case (at
 * most 18 digits, no exponent, a mantissa below 2^53 and at most 22 fraction digits) is Clinger's fast path:
 * both the integer mantissa and the power of ten are exact doubles, so one correctly rounded division gives the
 * correctly rounded value. Anything else goes to {@link Double#parseDouble}.
 */
final class Decimals {
    private static final double[] POWERS = new double[23];
    private static final long EXACT = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private Decimals() {}

    static double parse(byte[] text, int from, int to) {
        int at = from;
        boolean negative = false;
        if (at < to && (text[at] == '-' || text[at] == '+')) {
            negative = text[at] == '-';
            at++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; at < to; at++) {
            byte c = text[at];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return slow(text, from, to);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return slow(text, from, to);
            }
        }
        if (digits == 0 || mantissa > EXACT || fraction > 22) {
            return slow(text, from, to);
        }
        double value = fraction > 0 ? mantissa / POWERS[fraction] : mantissa;
        return negative ? -value : value;
    }

    private static double slow(byte[] text, int from, int to) {
        return Double.parseDouble(new String(text, from, to - from, StandardCharsets.UTF_8));
    }
}
