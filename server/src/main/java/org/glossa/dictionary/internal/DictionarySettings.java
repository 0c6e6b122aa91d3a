package org.glossa.dictionary.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dictionary imports ({@code glossa.dictionary.*}).
 *
 * @param importBatchSize lines committed together, with the import's progress, in one transaction
 * @param errorBudget bad lines an import may have before it fails (an import may ask for another budget)
 * @param importDirectory the only directory (and below) from which imports may read files on the server;
 *        empty to refuse server paths. Every node must see the same files there (a shared volume).
 * @param keptErrors how many bad lines of one import are kept with their line number and message
 */
@ConfigurationProperties("glossa.dictionary")
public record DictionarySettings(
        @DefaultValue("500") int importBatchSize,
        @DefaultValue("100") int errorBudget,
        @DefaultValue("") String importDirectory,
        @DefaultValue("1000") int keptErrors) {
}
