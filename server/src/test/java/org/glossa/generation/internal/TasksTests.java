package org.glossa.generation.internal;

import java.util.List;
import java.util.Map;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Which generator answers: the model when configured, offline otherwise, and never offline in production. */
class TasksTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final LlmGateway unconfigured = mock(LlmGateway.class);
    private final Usage usage = mock(Usage.class);

    private final Tasks.SkillDraftInput draft = new Tasks.SkillDraftInput("es", "en", "Food", "A1", List.of("pan"),
            List.of(), Map.of());
    private final Tasks.ExplainInput explain = new Tasks.ExplainInput("translate", "bread", "es", "en", "pam",
            List.of("pan"), "pan", "typo", List.of());

    @Test
    void withoutAModelTheOfflineGeneratorAnswersOutsideProduction() {
        when(unconfigured.configured()).thenReturn(false);
        Tasks tasks = new Tasks(unconfigured, usage, json, "embedded");
        assertThat(tasks.draftSkill(draft).generator()).isEqualTo("offline");
        assertThat(tasks.explain(explain, null).text()).startsWith("Offline explanation");
        assertThat(tasks.generator()).isEqualTo("offline");
    }

    @Test
    void inProductionAnUnconfiguredModelIsA503NeverASilentFallback() {
        when(unconfigured.configured()).thenReturn(false);
        Tasks tasks = new Tasks(unconfigured, usage, json, "production");
        for (Runnable task : List.<Runnable>of(() -> tasks.draftSkill(draft), () -> tasks.explain(explain, null),
                () -> tasks.enrich(new Tasks.EnrichInput("es", "pan", "noun", List.of(), "en", null, null, List.of())))) {
            assertThatThrownBy(task::run).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.kind()).isEqualTo(ProblemKind.UNAVAILABLE);
                assertThat(p.detail()).contains("GLOSSA_LLM_BASE_URL");
            });
        }
        verifyNoInteractions(usage);
        assertThat(tasks.generator()).isEqualTo("none");
    }
}
