package org.glossa.dictionary.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntryIdsTests {

    @Test
    void entryIdsAreVersion7UuidsOrderedByTheirMillisecond() {
        UUID earlier = EntryStore.timeOrderedId(1_764_000_000_000L);
        UUID later = EntryStore.timeOrderedId(1_764_000_000_001L);
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(1_764_000_000_000L);
        // PostgreSQL orders uuids by their bytes, unsigned: the string order is that order.
        assertThat(earlier.toString()).isLessThan(later.toString());
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            sameMillisecond.add(EntryStore.timeOrderedId(1_764_000_000_000L));
        }
        assertThat(sameMillisecond).hasSize(10_000);
    }
}
