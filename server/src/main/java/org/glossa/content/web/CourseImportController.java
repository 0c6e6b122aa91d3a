package org.glossa.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.glossa.content.internal.CourseImports;
import org.glossa.shared.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Editors import LibreLingo courses as zip archives. */
@RestController
@RequestMapping("/api/v1/admin/courses")
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@Tag(name = "Admin: courses")
@SecurityRequirement(name = "bearer")
class CourseImportController {

    private final CourseImports imports;

    CourseImportController(CourseImports imports) {
        this.imports = imports;
    }

    @GetMapping(path = "/{id}/export", produces = "application/yaml")
    @Operation(summary = "Export a course in Glossa's YAML format", description = "Every id included; importing the "
            + "file gives the course back exactly (schema: /schemas/glossa-course-1.schema.json).")
    ResponseEntity<String> export(@PathVariable UUID id) {
        String yaml = imports.export(id).orElseThrow(() -> ApiProblem.notFound("The course"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"course-" + id + ".yaml\"")
                .contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8"))
                .body(yaml);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a LibreLingo course", description = "Multipart field `file`: a LibreLingo zip of one course folder "
            + "(course.yaml at the root or inside one top folder), or a course in Glossa's YAML format (as exported). Importing the same course again updates it in place "
            + "as a new version; learners keep their progress on skills whose ids did not change. All or nothing.")
    @ApiResponse(responseCode = "201", description = "Imported")
    @ApiResponse(responseCode = "413", description = "Archive too large, or expanding past the limit")
    @ApiResponse(responseCode = "422", description = "Not a usable course; `file` (and `line` where known) say where")
    CourseImports.Result importCourse(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file", "is required: a zip archive of one course folder");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.importArchive(in, file.getSize());
        }
    }
}
