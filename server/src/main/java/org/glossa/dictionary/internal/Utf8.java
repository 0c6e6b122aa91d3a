package org.glossa.dictionary.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 without decoding them: what Java's decoder takes without a replacement
 * character (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF, no sequence cut short). The import
 * checks each line so: decoding a 2 KB line into a string only to look for replacement characters was a sixth of
 * its reading thread, and on PostgreSQL the line's bytes are all it needs.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** Whether {@code bytes[from..to)} is well-formed UTF-8. */
    static boolean wellFormed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            // Most bytes are ASCII: eight at a time while none of them has its high bit.
            if (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
                continue;
            }
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int more;
            int secondMin = 0x80;
            int secondMax = 0xbf;
            if (b >= 0xc2 && b <= 0xdf) {
                more = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                more = 2;
                if (b == 0xe0) {
                    secondMin = 0xa0; // shorter forms are overlong
                } else if (b == 0xed) {
                    secondMax = 0x9f; // ED A0..BF are surrogates
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                more = 3;
                if (b == 0xf0) {
                    secondMin = 0x90; // overlong
                } else if (b == 0xf4) {
                    secondMax = 0x8f; // past U+10FFFF
                }
            } else {
                return false; // a continuation byte where a character starts, C0, C1 or F5..FF
            }
            if (i + more >= to) {
                return false; // cut short by the end
            }
            int second = bytes[i + 1] & 0xff;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }
}
