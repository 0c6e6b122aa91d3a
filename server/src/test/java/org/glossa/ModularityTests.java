package org.glossa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure holds: no module reaches into another's internals, no cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(GlossaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("identity", "shared");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
