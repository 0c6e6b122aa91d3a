package org.glossa.dictionary.internal;

import java.util.ArrayList;
import java.util.List;
import org.glossa.dictionary.DictionarySamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeysTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            niño        | nino
            NIÑO        | nino
            Straße      | strasse
            Ærø         | aero
            fuimos      | fuimos
            ¿Qué tal?   | ¿que tal?
            '  a   b  ' | a b
            ёлка        | елка
            йод         | йод
            ἀγρός       | αγροσ
            が          | が
            독일        | 독일
            पानी        | पानी
            d’accord    | d'accord
            ็           | ็
            """)
    void foldsCaseAndAccentsButNotLetters(String text, String folded) {
        assertThat(SearchKeys.fold(text)).isEqualTo(folded);
    }

    /**
     * ASCII texts fold as the general fold folds them: every character alone, between letters and around spaces, and
     * every lemma and form of the real samples that is ASCII.
     */
    @Test
    void asciiTextsFoldAsAnyText() {
        List<String> texts = new ArrayList<>();
        for (char c = 0; c < 0x80; c++) {
            texts.addAll(List.of(String.valueOf(c), "Ab" + c + "Cd", c + " x " + c, "  " + c + c + "\t" + c + " "));
        }
        JsonMapper json = JsonMapper.builder().build();
        for (String line : DictionarySamples.allWiktextract()) {
            JsonNode entry = json.readTree(line);
            texts.add(entry.path("word").asString());
            entry.path("forms").forEach(form -> texts.add(form.path("form").asString()));
        }
        int ascii = 0;
        for (String text : texts) {
            String folded = SearchKeys.foldAscii(text);
            if (text.chars().allMatch(c -> c < 0x80)) {
                ascii++;
                assertThat(folded).as(text).isEqualTo(SearchKeys.foldAnyScript(text));
            } else {
                assertThat(folded).as(text).isNull();
            }
            assertThat(SearchKeys.fold(text)).as(text).isEqualTo(SearchKeys.foldAnyScript(text));
        }
        assertThat(ascii).isGreaterThan(1000);
    }
}
