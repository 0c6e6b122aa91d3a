package org.glossa.fsrs;

import java.math.BigDecimal;

/**
 * Johannes Baagøe's Alea generator, bit for bit as ts-fsrs 5.4 and go-fsrs seed their fuzz with it, so that the same
 * seed string gives the same fuzzed interval here and there. Not for anything but fuzz: it is small and fast, not
 * strong. Mutable, so each use creates its own.
 */
final class Alea {

    private static final double TWO_POW_MINUS_32 = 2.3283064365386963e-10;

    private double c = 1;
    private double s0;
    private double s1;
    private double s2;

    Alea(String seed) {
        Mash mash = new Mash();
        s0 = mash.apply(" ");
        s1 = mash.apply(" ");
        s2 = mash.apply(" ");
        s0 -= mash.apply(seed);
        if (s0 < 0) {
            s0 += 1;
        }
        s1 -= mash.apply(seed);
        if (s1 < 0) {
            s1 += 1;
        }
        s2 -= mash.apply(seed);
        if (s2 < 0) {
            s2 += 1;
        }
    }

    /** The next number in [0, 1), 32 bits of randomness. */
    double next() {
        double t = 2091639 * s0 + c * TWO_POW_MINUS_32;
        s0 = s1;
        s1 = s2;
        c = (int) t; // JavaScript's `t | 0`: t is in [0, 2091640), so truncation is exact
        s2 = t - c;
        return s2;
    }

    /** JavaScript's {@code prng.int32()}. */
    int int32() {
        return (int) (long) (next() * 4294967296.0);
    }

    /** JavaScript's {@code prng.double()}: 53 bits from two draws. */
    double nextDouble() {
        return next() + ((int) (next() * 0x200000)) * 1.1102230246251565e-16;
    }

    /** Baagøe's Mash hash, carried in doubles exactly as JavaScript numbers behave. */
    private static final class Mash {
        private double n = 0xefc8249dL;

        double apply(String data) {
            for (int i = 0; i < data.length(); i++) {
                n += data.charAt(i);
                double h = 0.02519603282416938 * n;
                n = toUint32(h);
                h -= n;
                h *= n;
                n = toUint32(h);
                h -= n;
                n += h * 4294967296.0;
            }
            return toUint32(n) * TWO_POW_MINUS_32;
        }

        private static double toUint32(double x) {
            return (double) (((long) x) & 0xFFFFFFFFL);
        }
    }

    /**
     * JavaScript's {@code String(number)}, which ts-fsrs uses to build fuzz seeds: shortest round-trip digits, no
     * ".0" on integers, exponent only below 1e-6 or from 1e21.
     */
    static String jsNumber(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return "0";
        }
        double abs = Math.abs(x);
        // Since JDK 19 Double.toString gives the shortest digits that round-trip, as JavaScript does; between 1e-3
        // and 1e7 it has JavaScript's layout too, but for a trailing ".0" on whole numbers.
        if (abs >= 1e-3 && abs < 1e7) {
            String java = Double.toString(x);
            return java.endsWith(".0") ? java.substring(0, java.length() - 2) : java;
        }
        BigDecimal shortest = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (x < 0 ? "-" : "") + mantissa + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }
}
