package org.glossa.content;

import java.util.UUID;

/**
 * Where a skill came from when a generator drafted it: the generator ({@code offline} or the model's name) and
 * the suggestion an editor reviewed and approved. Imported and hand-written skills have none.
 */
public record GeneratedBy(String generator, UUID suggestionId) {

    public GeneratedBy {
        if (generator == null || generator.isBlank()) {
            throw new IllegalArgumentException("A generated skill names its generator");
        }
        if (generator.length() > 200) {
            generator = generator.substring(0, 200);
        }
    }
}
