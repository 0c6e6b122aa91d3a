package org.glossa.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.glossa.shared.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Editors open a section freely: its skills need no earlier skill completed. */
@RestController
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@Tag(name = "Admin: courses")
@SecurityRequirement(name = "bearer")
class SectionController {

    private final JdbcClient jdbc;

    SectionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SectionChange(@NotNull Boolean freelyOpen) {
    }

    record SectionView(UUID id, String name, boolean freelyOpen) {
    }

    @PatchMapping("/api/v1/admin/sections/{id}")
    @Operation(summary = "Mark a section as freely open, or not")
    @Transactional
    SectionView change(@PathVariable UUID id, @Valid @RequestBody SectionChange change) {
        int updated = jdbc.sql("update content_section set freely_open = :open where id = :id")
                .param("open", change.freelyOpen()).param("id", id).update();
        if (updated == 0) {
            throw ApiProblem.notFound("The section");
        }
        return jdbc.sql("select id, name, freely_open from content_section where id = :id").param("id", id)
                .query((rs, n) -> new SectionView(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                .single();
    }
}
