package org.glossa.shared.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorsTests {

    @ParameterizedTest
    @ValueSource(strings = { "UTC", "Europe/Madrid", "America/Argentina/Buenos_Aires", "Asia/Kolkata" })
    void ianaZonesAreAccepted(String zone) {
        assertThat(IanaTimeZone.Validator.isZone(zone)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mars/Olympus", "europe/madrid", "+02:00", "GMT+2", "", "Europe/" })
    void otherZonesAreRefused(String zone) {
        assertThat(IanaTimeZone.Validator.isZone(zone)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "es,es", "pt-br,pt-BR", "zh-Hant,zh-Hant", "EN-gb,en-GB", "sr-Latn-RS,sr-Latn-RS" })
    void languageTagsAreNormalized(String given, String normalized) {
        assertThat(LanguageTag.Validator.normalize(given)).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = { "english!", "", " ", "e", "x-private", "12" })
    void malformedTagsAreRefused(String tag) {
        assertThat(LanguageTag.Validator.normalize(tag)).isNull();
    }
}
