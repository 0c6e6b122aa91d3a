package org.glossa.shared.runtime;

import java.util.List;

/** Glossa was started with settings it refuses to run with; each problem says what to set. */
public class GlossaMisconfiguredException extends RuntimeException {

    private final List<String> problems;

    public GlossaMisconfiguredException(List<String> problems) {
        super("Glossa cannot start: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
