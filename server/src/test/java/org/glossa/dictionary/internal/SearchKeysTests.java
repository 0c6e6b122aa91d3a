package org.glossa.dictionary.internal;

import org.junit.jupiter.params.ParameterizedTest;
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
}
