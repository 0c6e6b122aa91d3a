package org.glossa.shared.runtime;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused configuration as a plain list of what is missing, without a stack trace. */
class MisconfigurationFailureAnalyzer extends AbstractFailureAnalyzer<GlossaMisconfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GlossaMisconfiguredException cause) {
        String list = cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
        return new FailureAnalysis("Glossa refused to start with this configuration:\n" + list,
                "Set the settings named above (see README, 'Production configuration').", cause);
    }
}
