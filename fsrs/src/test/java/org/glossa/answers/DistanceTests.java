package org.glossa.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edit distances, against the textbook tables, over every pair of short strings of a small alphabet. */
class DistanceTests {

    /** Every string of 0 to 5 letters over {a, b, c}: 364 strings, 132,496 pairs. */
    private static final List<int[]> STRINGS = strings(5);

    @Test
    void bitParallelAndBoundedDistancesAgreeWithTheTable() {
        for (int[] a : STRINGS) {
            Distance.BitParallel fast = new Distance.BitParallel(a);
            for (int[] b : STRINGS) {
                int expected = table(a, b, false);
                assertThat(fast.distanceTo(b)).as("%s %s", str(a), str(b)).isEqualTo(expected);
                assertThat(Distance.levenshtein(a, b, 100)).isEqualTo(expected);
                int bound = expected - 1;
                if (bound >= 0) {
                    assertThat(Distance.levenshtein(a, b, bound)).as("beyond the bound").isGreaterThan(bound);
                }
            }
        }
    }

    @Test
    void oneSlipIsAnOptimalStringAlignmentDistanceOfOne() {
        for (int[] a : STRINGS) {
            for (int[] b : STRINGS) {
                assertThat(Distance.oneSlip(a, b)).as("%s %s", str(a), str(b)).isEqualTo(table(a, b, true) == 1);
            }
        }
    }

    @Test
    void bitParallelHandlesSixtyFourCodePointsAndAnyScript() {
        int[] pattern = "আমি বাংলায় গান গাই, আমি বাংলার গান গাই, আমি আমার আমিকে চিরদিন এই বাংলায় খুঁজে পাই"
                .codePoints().limit(64).toArray();
        int[] text = "আমি বাংলায় গান গাই আমি বাংলার গান গাই".codePoints().toArray();
        assertThat(pattern).hasSize(64);
        assertThat(new Distance.BitParallel(pattern).distanceTo(text)).isEqualTo(table(pattern, text, false));
        assertThat(new Distance.BitParallel(text).distanceTo(pattern)).isEqualTo(table(text, pattern, false));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            elephant | elephant | 0
            elephant | elepant  | 1
            kitten   | sitting  | 3
            el perro | los perros | 4
            """)
    void knownDistances(String a, String b, int distance) {
        assertThat(Distance.levenshtein(a, b)).isEqualTo(distance);
        assertThat(new Distance.BitParallel(a.codePoints().toArray()).distanceTo(b.codePoints().toArray()))
                .isEqualTo(distance);
    }

    /** The textbook dynamic programme; with swaps of neighbours when {@code swaps}. */
    private static int table(int[] a, int[] b, boolean swaps) {
        int[][] d = new int[a.length + 1][b.length + 1];
        for (int i = 0; i <= a.length; i++) {
            for (int j = 0; j <= b.length; j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                d[i][j] = Math.min(Math.min(d[i - 1][j], d[i][j - 1]) + 1,
                        d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (swaps && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length][b.length];
    }

    private static List<int[]> strings(int maxLength) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[0]);
        List<int[]> previous = List.of(new int[0]);
        for (int length = 1; length <= maxLength; length++) {
            List<int[]> next = new ArrayList<>();
            for (int[] s : previous) {
                for (int c = 'a'; c <= 'c'; c++) {
                    int[] longer = java.util.Arrays.copyOf(s, length);
                    longer[length - 1] = c;
                    next.add(longer);
                }
            }
            all.addAll(next);
            previous = next;
        }
        return all;
    }

    private static String str(int[] cps) {
        return new String(cps, 0, cps.length);
    }
}
