package org.glossa.dictionary.external;

import java.util.List;
import org.glossa.dictionary.EntryDocument;
import org.glossa.dictionary.ExternalDictionary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Free Dictionary API as the dictionary's outside source, asked on a search miss: what it finds is stored as
 * entries with its source and license; when it has nothing or is unavailable, the search answers with what is
 * stored.
 */
final class FreeDictionary implements ExternalDictionary {

    private final ExternalDictionarySettings settings;
    private final FreeDictionaryClient client;
    private final JsonMapper json;

    FreeDictionary(ExternalDictionarySettings settings, FreeDictionaryClient client, JsonMapper json) {
        this.settings = settings;
        this.client = client;
        this.json = json;
    }

    @Override
    public String source() {
        return settings.source();
    }

    @Override
    public String license() {
        return settings.license();
    }

    @Override
    public boolean supports(String language) {
        return settings.languages().contains(language);
    }

    @Override
    public List<EntryDocument> lookup(String language, String word) {
        return switch (client.lookup(language, word)) {
            case Answer.Found found -> FreeDictionaryEntries.read(language, found.body(), json);
            case Answer.NotFound notFound -> List.of();
            case Answer.Unavailable unavailable -> List.of();
        };
    }
}
