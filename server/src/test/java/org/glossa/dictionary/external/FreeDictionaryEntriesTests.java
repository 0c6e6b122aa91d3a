package org.glossa.dictionary.external;

import java.util.List;
import org.glossa.dictionary.EntryDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Free Dictionary API answers (current, older and recorded shapes) as dictionary entries. */
class FreeDictionaryEntriesTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private List<EntryDocument> read(String sample) {
        return FreeDictionaryEntries.read("en", FreeDictionarySamples.body(sample), json);
    }

    @Test
    void theCurrentShapeGivesOneEntryPerPartOfSpeechWithPronunciationsSensesAndItsDocument() {
        List<EntryDocument> hello = read("v2_current_hello.json");

        assertThat(hello).extracting(EntryDocument::partOfSpeech).containsExactly("noun", "verb", "intj");
        assertThat(hello).allSatisfy(entry -> {
            assertThat(entry.language()).isEqualTo("en");
            assertThat(entry.lemma()).isEqualTo("hello");
            assertThat(entry.homograph()).isNull();
            assertThat(entry.document()).contains("\"sourceUrls\"").contains("CC BY-SA 3.0");
        });
        EntryDocument intj = hello.get(2);
        assertThat(intj.senses()).hasSize(5);
        assertThat(intj.senses().get(0).glosses()).containsExactly(new EntryDocument.Gloss("en",
                "A greeting (salutation) said when meeting someone or acknowledging someone’s arrival or presence."));
        assertThat(intj.senses().get(0).examples()).containsExactly(new EntryDocument.Example("Hello, everyone.", null));
        assertThat(intj.pronunciations()).containsExactly(
                new EntryDocument.Pronunciation(null, "https://api.dictionaryapi.dev/media/pronunciations/en/hello-au.mp3", List.of()),
                new EntryDocument.Pronunciation("/həˈləʊ/", "https://api.dictionaryapi.dev/media/pronunciations/en/hello-uk.mp3", List.of()),
                new EntryDocument.Pronunciation("/həˈloʊ/", null, List.of()));
        assertThat(hello.get(0).senses().get(0).examples()).isEmpty();
    }

    @Test
    void severalElementsAreHomographs() {
        List<EntryDocument> test = read("v2_current_test.json");

        assertThat(test).extracting(e -> e.homograph() + ":" + e.partOfSpeech())
                .containsExactly("1:noun", "1:verb", "2:noun", "2:verb", "3:noun");
        assertThat(test.get(0).senses()).hasSize(8);
        assertThat(test.get(1).senses()).hasSize(7);
        assertThat(test.get(4).senses().get(0).glosses().get(0).text()).isEqualTo("(body building) testosterone");
        assertThat(test.get(0).document()).isEqualTo(test.get(1).document()).isNotEqualTo(test.get(2).document());
    }

    @Test
    void olderShapesAreReadToo() {
        List<EntryDocument> v1 = read("readme_v1_hello.json");
        assertThat(v1).extracting(EntryDocument::partOfSpeech).containsExactly("intj", "noun", "verb");
        assertThat(v1.get(0).pronunciations()).containsExactly(
                new EntryDocument.Pronunciation("həˈləʊ", "https://ssl.gstatic.com/dictionary/static/sounds/20200429/hello--_gb_1.mp3", List.of()),
                new EntryDocument.Pronunciation("hɛˈləʊ", null, List.of()));

        List<EntryDocument> recorded = read("maxzhenzhera_word_hello_API_response.json");
        assertThat(recorded).extracting(EntryDocument::partOfSpeech).containsExactly("intj", "noun", "verb");
        assertThat(recorded.get(2).senses().get(0).examples().get(0).text()).isEqualTo("I pressed the phone button and helloed");
        assertThat(read("readme_v2_hello.json")).extracting(EntryDocument::partOfSpeech).containsExactly("intj", "noun", "verb");
        assertThat(read("v2_current_keyboard.json")).extracting(EntryDocument::partOfSpeech).containsExactly("noun", "verb");
    }

    @Test
    void whatCannotBeReadIsSkipped() {
        assertThat(read("error_404_compact_reconstructed.json")).isEmpty();
        assertThat(FreeDictionaryEntries.read("en", "<html>", json)).isEmpty();
        assertThat(FreeDictionaryEntries.read("en", "[1, {\"word\": \"\"}, {\"word\": \"x\", \"meanings\": "
                + "[{\"definitions\": [{\"definition\": \"no part of speech\"}]}, {\"partOfSpeech\": \"noun\", "
                + "\"definitions\": [{\"example\": \"no definition\"}, {\"definition\": \"kept\"}]}]}]", json))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.partOfSpeech()).isEqualTo("noun");
                    assertThat(entry.senses()).hasSize(1);
                });
    }
}
