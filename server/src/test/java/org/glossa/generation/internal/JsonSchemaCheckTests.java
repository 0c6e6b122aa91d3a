package org.glossa.generation.internal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema subset the tasks use, with errors a model can act on. */
class JsonSchemaCheckTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonNode schema = json.readTree(Tasks.ENRICH_SCHEMA);

    @Test
    void acceptsAMatchingValue() {
        assertThat(JsonSchemaCheck.errors(schema, json.readTree("""
                {"examples": [{"text": "Tomo leche.", "translation": "I drink milk."}], "mnemonic": "m",
                 "usageNotes": "u", "cefr": "A1"}
                """))).isEmpty();
    }

    @Test
    void namesEachProblemWithItsPlace() {
        assertThat(JsonSchemaCheck.errors(schema, json.readTree("""
                {"examples": [{"text": ""}], "mnemonic": 3, "cefr": "D9", "extra": true}
                """))).containsExactlyInAnyOrder(
                "/usageNotes: is required",
                "/examples/0/translation: is required",
                "/examples/0/text: must have at least 1 characters",
                "/mnemonic: must be a string",
                "/cefr: must be one of [\"A1\",\"A2\",\"B1\",\"B2\",\"C1\",\"C2\"]",
                "/extra: is not allowed");
        assertThat(JsonSchemaCheck.errors(schema, json.readTree("[]"))).containsExactly("/: must be an object");
    }
}
