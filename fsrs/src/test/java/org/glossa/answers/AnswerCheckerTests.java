package org.glossa.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One table per rule. Columns: language | typed | accepted answers (separated by {@code ;}) | verdict | expected |
 * note (empty for none). The vocabulary is {@link #VOCABULARY} unless a table says otherwise.
 */
class AnswerCheckerTests {

    /** Words a typo could spell by accident: horse/house, perro/pero, gato/gatos. */
    private static final Set<String> VOCABULARY = Set.of("horse", "house", "the horse", "mouse", "perro", "pero",
            "gatos", "gato", "casa", "cosa", "cama", "llama", "llamo", "sobre", "mesa", "sobremesa", "para", "paraguas");

    private static void assertCheck(String language, String typed, String accepted, Verdict verdict, String expected,
                                    String note) {
        Check check = new AnswerChecker(language, VOCABULARY).check(typed, list(accepted));
        // the checker answers in NFC; the table may be in either form (ড় is stored decomposed even in NFC)
        assertThat(check).as("%s: %s for %s", language, typed, accepted)
                .isEqualTo(new Check(verdict, nfc(expected), nfc(note)));
        assertThat(check.accepted()).isEqualTo(verdict != Verdict.WRONG);
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static List<String> list(String accepted) {
        return accepted == null ? List.of() : Arrays.stream(accepted.split(";")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            en | the dog                 | The dog.                 | CORRECT | The dog.                 |
            en | THE DOG                 | the dog                  | CORRECT | the dog                  |
            en | the   dog               | the dog                  | CORRECT | the dog                  |
            en | `  the dog  `           | the dog                  | CORRECT | the dog                  |
            en | the dog!!!              | the dog                  | CORRECT | the dog                  |
            en | the, dog                | the dog                  | CORRECT | the dog                  |
            en | what's up               | What's up?               | CORRECT | What's up?               |
            en | what’s up               | What's up?               | CORRECT | What's up?               |
            en | whatʼs up               | What's up?               | CORRECT | What's up?               |
            en | whats up                | What's up?               | CORRECT | What's up?               |
            en | What's up?              | what’s up                | CORRECT | what’s up                |
            en | "Hello," she said        | Hello she said           | CORRECT | Hello she said           |
            en | «Hello» she said        | “Hello” she said         | CORRECT | “Hello” she said         |
            es | buenos dias             | ¡Buenos días!            | ACCENT  | ¡Buenos días!            | Mind the accent: días
            es | ¿Qué tal?               | ¿Qué tal?                | CORRECT | ¿Qué tal?                |
            es | que tal                 | ¿Qué tal?                | ACCENT  | ¿Qué tal?                | Mind the accent: Qué
            es | Qué tal                 | ¿Qué tal?                | CORRECT | ¿Qué tal?                |
            es | ¡hasta luego!           | Hasta luego              | CORRECT | Hasta luego              |
            de | Straße                  | Strasse                  | CORRECT | Strasse                  |
            de | strasse                 | die Straße               | WRONG   | die Straße               |
            de | die strasse             | die Straße               | CORRECT | die Straße               |
            de | DIE STRASSE             | die Straße               | CORRECT | die Straße               |
            de | die STRAẞE              | die Strasse              | CORRECT | die Strasse              |
            de | weiss                   | weiß                     | CORRECT | weiß                     |
            tr | ILIK                    | ılık                     | CORRECT | ılık                     |
            tr | İSTANBUL                | istanbul                 | CORRECT | istanbul                 |
            tr | ISTANBUL                | istanbul                 | ACCENT  | istanbul                 | Mind the accent: istanbul
            el | ΣΟΦΟΣ                   | σοφος                    | CORRECT | σοφος                    |
            el | σοφοσ                   | σοφος                    | CORRECT | σοφος                    |
            """)
    void setsAsideCasePunctuationSpacingAndQuotes(String language, String typed, String accepted, Verdict verdict,
                                                  String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    @Test
    void readsAnyUnicodeFormAsNfc() {
        String decomposed = "dı\u0301as".replace('ı', 'i'); // i + combining acute, not the precomposed í
        AnswerChecker checker = new AnswerChecker("es", Set.of());
        assertThat(checker.check("buenos " + decomposed, List.of("Buenos días"))).isEqualTo(
                new Check(Verdict.CORRECT, "Buenos días", null));
        assertThat(checker.check("Buenos días", List.of("Buenos " + decomposed)).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(checker.check("Buenos días", List.of("Buenos " + decomposed)).expected()).isEqualTo("Buenos días");
    }

    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            es | el nino come                | El niño come               | ACCENT | El niño come               | Mind the accent: niño
            es | Tu estas aqui               | Tú estás aquí              | ACCENT | Tú estás aquí              | Mind the accents: Tú, estás, aquí
            es | él está aquí                | Él está aquí               | CORRECT| Él está aquí               |
            es | el esta aqui                | Él está aquí               | ACCENT | Él está aquí               | Mind the accents: Él, está, aquí
            es | dìas                        | días                       | ACCENT | días                       | Mind the accent: días
            es | díás                        | días                       | ACCENT | días                       | Mind the accent: días
            fr | ou est la gare              | Où est la gare ?           | ACCENT | Où est la gare ?           | Mind the accent: Où
            fr | l'hôpital                   | L’hôpital                  | CORRECT| L’hôpital                  |
            fr | l'hopital                   | L’hôpital                  | ACCENT | L’hôpital                  | Mind the accent: L’hôpital
            de | Madchen                     | Mädchen                    | ACCENT | Mädchen                    | Mind the accent: Mädchen
            pl | zolw                        | żółw                       | ACCENT | żółw                       | Mind the accent: żółw
            pl | zlo                         | zło                        | ACCENT | zło                        | Mind the accent: zło
            da | sø                          | so                         | ACCENT | so                         | Mind the accent: so
            vi | Viet Nam                    | Việt Nam                   | ACCENT | Việt Nam                   | Mind the accent: Việt
            el | καλημερα                    | καλημέρα                   | ACCENT | καλημέρα                   | Mind the accent: καλημέρα
            el | Καλημέρα                    | καλημέρα                   | CORRECT| καλημέρα                   |
            el | προϊον                      | προϊόν                     | ACCENT | προϊόν                     | Mind the accent: προϊόν
            el | προιόν                      | προϊόν                     | ACCENT | προϊόν                     | Mind the accent: προϊόν
            ru | еж                          | ёж                         | ACCENT | ёж                         | Mind the accent: ёж
            ru | ЁЖ                          | ёж                         | CORRECT| ёж                         |
            ru | мои                         | мой                        | ACCENT | мой                        | Mind the accent: мой
            uk | Київ                        | Київ                       | CORRECT| Київ                       |
            uk | Кiев                        | Київ                       | WRONG  | Київ                       |
            """)
    void acceptsMissingOrWrongLatinGreekAndCyrillicDiacriticsAsAccent(String language, String typed, String accepted,
                                                                      Verdict verdict, String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    /**
     * Bangla vowel signs, virama, nukta and chandrabindu are letters: a word without them is another spelling, which
     * in a short word is wrong and in a long one (5 or more code points) at most one typo.
     */
    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bn | বিড়াল                     | বিড়াল                      | CORRECT | বিড়াল                      |
            bn | বিড়াল।                    | বিড়াল                      | CORRECT | বিড়াল                      |
            bn | বড়াল                      | বিড়াল                      | TYPO    | বিড়াল                      | Typo: বড়াল → বিড়াল
            bn | বিডাল                      | বিড়াল                      | TYPO    | বিড়াল                      | Typo: বিডাল → বিড়াল
            bn | বডাল                       | বিড়াল                      | WRONG   | বিড়াল                      |
            bn | হাস                        | হাঁস                        | WRONG   | হাঁস                        |
            bn | কুকর                       | কুকুর                       | TYPO    | কুকুর                       | Typo: কুকর → কুকুর
            bn | মা                         | মা                          | CORRECT | মা                          |
            bn | ম                          | মা                          | WRONG   | মা                          |
            bn | হাঁসটা                     | হাঁসটা; হাঁসটি              | CORRECT | হাঁসটা                      |
            bn | হাঁসটি                     | হাঁসটা; হাঁসটি              | CORRECT | হাঁসটি                      |
            hi | किताब                      | किताब                       | CORRECT | किताब                       |
            hi | कताब                       | किताब                       | TYPO    | किताब                       | Typo: कताब → किताब
            hi | कल                         | काल                         | WRONG   | काल                         |
            """)
    void neverTreatsMarksThatAreLettersAsAccents(String language, String typed, String accepted, Verdict verdict,
                                                 String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    @Test
    void decomposedBanglaVowelSignsEqualComposedOnes() {
        // ো is also typed as ে followed by া; NFC makes them one
        AnswerChecker checker = new AnswerChecker("bn", Set.of());
        assertThat(checker.check("ব\u09C7\u09BEন", List.of("ব\u09CBন")).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(checker.check("ব\u09CBন", List.of("ব\u09C7\u09BEন")).verdict()).isEqualTo(Verdict.CORRECT);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            en | elephant        | elephant            | CORRECT | elephant            |
            en | elepphant       | elephant            | TYPO    | elephant            | Typo: elepphant → elephant
            en | elphant         | elephant            | TYPO    | elephant            | Typo: elphant → elephant
            en | elefant         | elephant            | WRONG   | elephant            |
            en | elephsnt        | elephant            | TYPO    | elephant            | Typo: elephsnt → elephant
            en | elehpant        | elephant            | TYPO    | elephant            | Typo: elehpant → elephant
            en | leephant        | elephant            | TYPO    | elephant            | Typo: leephant → elephant
            en | elephnat        | elephant            | TYPO    | elephant            | Typo: elephnat → elephant
            en | Elephant!       | elephant            | CORRECT | elephant            |
            en | elpehnat        | elephant            | WRONG   | elephant            |
            en | apple           | apple               | CORRECT | apple               |
            en | appel           | apple               | TYPO    | apple               | Typo: appel → apple
            en | aple            | apple               | TYPO    | apple               | Typo: aple → apple
            en | bred            | bread               | TYPO    | bread               | Typo: bred → bread
            en | forg            | frog                | WRONG   | frog                |
            en | daog            | dog                 | WRONG   | dog                 |
            en | dgo             | dog                 | WRONG   | dog                 |
            en | teh dog         | the dog             | WRONG   | the dog             |
            en | the elepant     | the elephant        | TYPO    | the elephant        | Typo: elepant → elephant
            en | the elepant eats the strawbery | the elephant eats the strawberry | TYPO | the elephant eats the strawberry | Typo: elepant → elephant, strawbery → strawberry
            en | thedog          | the dog             | TYPO    | the dog             | Typo: thedog → the dog
            en | adog            | a dog               | WRONG   | a dog               |
            en | icecream        | ice cream           | TYPO    | ice cream           | Typo: icecream → ice cream
            en | icecraem        | ice cream           | WRONG   | ice cream           |
            en | I like icecream | I like ice cream    | TYPO    | I like ice cream    | Typo: icecream → ice cream
            es | ele fante       | elefante            | TYPO    | elefante            | Typo: ele fante → elefante
            es | el ele fante    | el elefante         | TYPO    | el elefante         | Typo: ele fante → elefante
            es | el ele fnate    | el elefante         | WRONG   | el elefante         |
            es | ele fante y el elefnate | elefante y el elefante | TYPO | elefante y el elefante | Typo: ele fante → elefante, elefnate → elefante
            es | ele fante y ele fante | elefante y elefante | WRONG | elefante y elefante |
            es | la sobremesa    | la sobre mesa       | WRONG   | la sobre mesa       |
            es | sobre mesa      | sobremesa           | WRONG   | sobremesa           |
            es | el para guas    | el paraguas         | TYPO    | el paraguas         | Typo: para guas → paraguas
            en | the big dog     | the dog             | WRONG   | the dog             |
            en | dog             | the dog             | WRONG   | the dog             |
            es | elefnate        | el elefante         | WRONG   | el elefante         |
            es | el elefnate     | el elefante         | TYPO    | el elefante         | Typo: elefnate → elefante
            es | el elefánte     | el elefante         | ACCENT  | el elefante         | Mind the accent: elefante
            es | la cancion      | la canción          | ACCENT  | la canción          | Mind the accent: canción
            es | la cansion      | la canción          | TYPO    | la canción          | Typo: cansion → canción
            es | la cansión      | la canción          | TYPO    | la canción          | Typo: cansión → canción
            es | camion camoin   | camión camión       | TYPO    | camión camión       | Typo: camoin → camión; mind the accent: camión
            """)
    void acceptsOneSlipInWordsOfFiveOrMoreLettersAsTypo(String language, String typed, String accepted,
                                                        Verdict verdict, String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            en | horse           | house               | WRONG   | house               |
            en | the horse       | the house           | WRONG   | the house           |
            en | hause           | house               | TYPO    | house               | Typo: hause → house
            en | mouse           | house               | WRONG   | house               |
            es | pero            | perro               | WRONG   | perro               |
            es | perrro          | perro               | TYPO    | perro               | Typo: perrro → perro
            es | gato            | gatos               | WRONG   | gatos               |
            es | gatoss          | gatos               | TYPO    | gatos               | Typo: gatoss → gatos
            es | llamo           | llama               | WRONG   | llama               |
            es | Llamó           | llama               | WRONG   | llama               |
            """)
    void refusesATypoThatSpellsAnotherWordOfTheCourse(String language, String typed, String accepted, Verdict verdict,
                                                       String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    @Test
    void withoutVocabularyAnyOneSlipInALongWordIsATypo() {
        AnswerChecker checker = new AnswerChecker("en", Set.of());
        assertThat(checker.check("horse", List.of("house"))).isEqualTo(
                new Check(Verdict.TYPO, "house", "Typo: horse → house"));
        assertThat(new AnswerChecker("en", null).check("horse", List.of("house")).verdict()).isEqualTo(Verdict.TYPO);
    }

    /** Exact beats accent, accent beats typo, fewer slips beat more; ties go to the earlier answer. */
    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            es | esta             | está; esta                   | CORRECT | esta               |
            es | esta             | está; ésta                   | ACCENT  | está               | Mind the accent: está
            es | cancion          | cancioon; canción            | ACCENT  | canción            | Mind the accent: canción
            es | cancion          | canción; cancioon            | ACCENT  | canción            | Mind the accent: canción
            en | colour           | color; colour                | CORRECT | colour             |
            en | colour           | colours; color               | TYPO    | colours            | Typo: colour → colours
            en | the elepant eaten | the elephnt eatne; the elephant eaten | TYPO | the elephant eaten | Typo: elepant → elephant
            en | I'm here         | I am here; I'm here          | CORRECT | I'm here           |
            en | I am here        | I am/I'm here                | CORRECT | I am here          |
            en | Im here          | I am/I'm here                | CORRECT | I'm here           |
            en | I'm hree         | I am/I'm here                | WRONG   | I'm here           |
            en | a dog            | (the) dog; a dog             | CORRECT | a dog              |
            en | dog              | (the) dog; a dog             | CORRECT | dog                |
            """)
    void prefersExactThenAccentThenTypo(String language, String typed, String accepted, Verdict verdict,
                                        String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    /** When nothing accepts the answer, the expected answer shown is the closest accepted one. */
    @ParameterizedTest(name = "{0}: \"{1}\" for \"{2}\" is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            en | the cot              | the dog; a dog; the cat        | WRONG | the cat   |
            en | a cat                | the dog; a dog; the cat        | WRONG | a dog     |
            en | the doge runs        | The dog runs.; A dog is running | WRONG | The dog runs. |
            en | a dog is runing fast | The dog runs.; A dog is running | WRONG | A dog is running |
            en | xyz                  | the dog; a cat                 | WRONG | a cat     |
            en | cat                  | the dog/cat runs               | WRONG | the cat runs |
            """)
    void showsTheClosestAnswerWhenWrong(String language, String typed, String accepted, Verdict verdict,
                                        String expected, String note) {
        assertCheck(language, typed, accepted, verdict, expected, note);
    }

    @Test
    void neverThrowsOnOddInput() {
        AnswerChecker checker = new AnswerChecker("es", Set.of("perro"));
        assertThat(checker.check(null, List.of("el perro"))).isEqualTo(new Check(Verdict.WRONG, "el perro", null));
        assertThat(checker.check("", List.of("el perro"))).isEqualTo(new Check(Verdict.WRONG, "el perro", null));
        assertThat(checker.check(" \t\n ", List.of("el perro"))).isEqualTo(new Check(Verdict.WRONG, "el perro", null));
        assertThat(checker.check("?!", List.of("el perro"))).isEqualTo(new Check(Verdict.WRONG, "el perro", null));
        assertThat(checker.check("el perro", null)).isEqualTo(new Check(Verdict.WRONG, null, null));
        assertThat(checker.check("el perro", List.of())).isEqualTo(new Check(Verdict.WRONG, null, null));
        assertThat(checker.check(null, null)).isEqualTo(new Check(Verdict.WRONG, null, null));
        List<String> withNulls = new ArrayList<>();
        withNulls.add(null);
        withNulls.add("  ");
        withNulls.add("el perro");
        assertThat(checker.check("el perro", withNulls)).isEqualTo(new Check(Verdict.CORRECT, "el perro", null));
        assertThat(checker.check("el perro", List.of("?!", "(", ")", "/", "//", "()"))).isEqualTo(
                new Check(Verdict.WRONG, "?!", null));
        assertThat(checker.check("\uD800 perro \uDFFF", List.of("\uD800 perro \uDFFF")).verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(checker.check("\u0301\u0301perro", List.of("perro")).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(checker.check("perro", List.of("el (perro")).verdict()).isEqualTo(Verdict.WRONG);
        assertThat(checker.check("el perro", List.of("el (perro")).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(checker.check("perro", List.of("el perro)")).verdict()).isEqualTo(Verdict.WRONG);
        assertThat(new AnswerChecker(null, null).check("dog", List.of("dog")).verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(new AnswerChecker("not a tag!", Set.of()).check("dog", List.of("Dog")).verdict())
                .isEqualTo(Verdict.CORRECT);
        String huge = "a/b/c/d/e/f/g/h (i/j/k/l) (m/n/o/p) (q/r/s/t) ".repeat(20);
        assertThat(checker.check("a", List.of(huge)).verdict()).isEqualTo(Verdict.WRONG);
    }

    @Test
    void showsTheAnswerWithoutStrayMarksOrDoubleSpaces() {
        AnswerChecker checker = new AnswerChecker("es", Set.of());
        assertThat(checker.check("¿Están escribiendo una carta?", List.of("\u0309\u030C\u0309\u0309¿Están escribiendo una carta?")))
                .isEqualTo(new Check(Verdict.CORRECT, "¿Están escribiendo una carta?", null));
        assertThat(checker.check("La granjera ve los animales", List.of("La  granjera ve los animales ")))
                .isEqualTo(new Check(Verdict.CORRECT, "La granjera ve los animales", null));
    }
}
