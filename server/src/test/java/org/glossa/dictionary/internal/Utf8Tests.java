package org.glossa.dictionary.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.glossa.dictionary.DictionarySamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The UTF-8 check takes exactly the bytes that Java's decoder takes without replacing any. */
class Utf8Tests {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    private final CharBuffer decoded = CharBuffer.allocate(64);

    /** Whether Java's decoder takes the bytes without a replacement (short sequences: at most 32 bytes). */
    private boolean decodes(byte[] bytes) {
        decoder.reset();
        decoded.clear();
        return !decoder.decode(ByteBuffer.wrap(bytes), decoded, true).isError() && !decoder.flush(decoded).isError();
    }

    /** Byte sequences the check takes otherwise than the decoder (collected: an assertion each would be slow). */
    private final List<String> differing = new ArrayList<>();

    private void assertAsDecoder(byte[] bytes) {
        if (Utf8.wellFormed(bytes, 0, bytes.length) != decodes(bytes)) {
            differing.add(Arrays.toString(bytes));
        }
    }

    @AfterEach
    void noSequenceIsTakenOtherwise() {
        assertThat(differing).isEmpty();
    }

    /**
     * Every one- and two-byte sequence, and every lead byte of three and four with following bytes at each range's edges: alone, cut
     * short, after ASCII (read eight bytes at a time) and before it.
     */
    @Test
    void sequencesOfEveryByteAreTakenAsTheDecoderTakesThem() {
        int[] edges = { 0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef,
                0xf0, 0xf4, 0xf5, 0xff };
        byte[] ascii = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        int wellFormed = 0;
        for (int b1 = 0; b1 < 256; b1++) {
            for (int b2 = 0; b2 < 256; b2++) {
                assertAsDecoder(new byte[] { (byte) b1, (byte) b2 });
            }
            assertAsDecoder(new byte[] { (byte) b1 });
            if (b1 < 0xe0) {
                continue;
            }
            for (int b2 : edges) {
                for (int b3 : edges) {
                    for (int b4 : edges) {
                        byte[] four = { (byte) b1, (byte) b2, (byte) b3, (byte) b4 };
                        assertAsDecoder(four);
                        assertAsDecoder(Arrays.copyOf(four, 3));
                        for (int before : new int[] { 1, 8, 9 }) {
                            byte[] padded = new byte[before + 4 + 5];
                            System.arraycopy(ascii, 0, padded, 0, before);
                            System.arraycopy(four, 0, padded, before, 4);
                            System.arraycopy(ascii, 0, padded, before + 4, 5);
                            assertAsDecoder(padded);
                        }
                        wellFormed += decodes(four) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(wellFormed).as("well-formed sequences among those tried").isPositive();
    }

    /**
     * The real sample lines, whole, and pieces of them cut at every byte (also inside characters) and with that byte
     * changed.
     */
    @Test
    void realLinesWholeCutAndChangedAreTakenAsTheDecoderTakesThem() {
        List<String> lines = DictionarySamples.allWiktextract();
        int cutInsideACharacter = 0;
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(Utf8.wellFormed(bytes, 0, bytes.length)).isTrue();
            for (int cut = 0; cut < bytes.length; cut++) {
                boolean inside = (bytes[cut] & 0xc0) == 0x80;
                cutInsideACharacter += inside ? 1 : 0;
                int from = Math.max(0, cut - 20);
                while ((bytes[from] & 0xc0) == 0x80) { // from a character's start
                    from++;
                }
                int to = Math.min(bytes.length, cut + 20);
                while (to < bytes.length && (bytes[to] & 0xc0) == 0x80) { // to a character's end
                    to--;
                }
                assertThat(Utf8.wellFormed(bytes, from, cut)).as(line).isEqualTo(!inside);
                assertThat(Utf8.wellFormed(bytes, cut, to)).as(line).isEqualTo(!inside);
                byte[] changed = Arrays.copyOfRange(bytes, from, to);
                changed[cut - from] ^= 0x40;
                assertAsDecoder(changed);
            }
        }
        assertThat(cutInsideACharacter).isPositive();
    }

    @Test
    void aLongLineIsCheckedToItsEnd() {
        byte[] bytes = ("é" + "a".repeat(1 << 20) + "€😀").getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.wellFormed(bytes, 0, bytes.length)).isTrue();
        assertThat(Utf8.wellFormed(bytes, 0, bytes.length - 1)).isFalse();
        bytes[bytes.length - 5] = (byte) 0xe2; // the euro sign's last byte, a lead byte instead
        assertThat(Utf8.wellFormed(bytes, 0, bytes.length)).isFalse();
        assertThat(Utf8.wellFormed(bytes, 1, 1 << 20)).as("inside the bytes given only").isFalse();
        assertThat(Utf8.wellFormed(bytes, 2, 1 << 20)).isTrue();
    }
}
