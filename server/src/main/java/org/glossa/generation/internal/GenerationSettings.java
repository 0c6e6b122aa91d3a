package org.glossa.generation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The uses of generation ({@code glossa.generation.*}).
 *
 * @param explanationsPerDay "explain my answer" requests per learner per day (their own day), whichever
 *        generator answers; the {@code unlimited-explanations} entitlement lifts it
 * @param maxSkillWords target words one skill draft may ask for
 * @param enrichmentBatch entries one enrichment run suggests for at most
 */
@ConfigurationProperties("glossa.generation")
public record GenerationSettings(
        @DefaultValue("20") int explanationsPerDay,
        @DefaultValue("30") int maxSkillWords,
        @DefaultValue("50") int enrichmentBatch) {
}
