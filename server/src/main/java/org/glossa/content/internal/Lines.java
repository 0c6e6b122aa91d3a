package org.glossa.content.internal;

import java.util.Arrays;
import java.util.List;

/** Short lists stored one entry per line in a text column. */
final class Lines {

    private Lines() {
    }

    static String join(List<String> values) {
        return String.join("\n", values.stream().map(v -> v.replace('\n', ' ')).toList());
    }

    static List<String> split(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }
}
