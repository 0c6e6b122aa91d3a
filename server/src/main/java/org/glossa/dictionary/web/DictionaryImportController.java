package org.glossa.dictionary.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.glossa.dictionary.internal.DictionaryImports;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Editors fill dictionaries from files: each import is a background job whose progress they watch. */
@RestController
@RequestMapping("/api/v1/admin/dictionary/imports")
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@Tag(name = "Admin: dictionary")
@SecurityRequirement(name = "bearer")
class DictionaryImportController {

    private final DictionaryImports imports;

    DictionaryImportController(DictionaryImports imports) {
        this.imports = imports;
    }

    record Started(UUID jobId, String state) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import an uploaded dictionary file", description = "Multipart: `file` and `format` (`wiktextract` "
            + "JSONL, `csv` or `tsv` with a header line naming the columns, `librelingo` course zip whose skills' "
            + "mini-dictionaries are read); optional `language` (only that language's lines; required for CSV/TSV without a "
            + "language column), `glossLanguage` (default en), `source`, `license`, `errorBudget` (bad lines allowed before "
            + "the import fails). A `.gz` file name is read as gzip. The file is kept in the database until the import ends.")
    @ApiResponse(responseCode = "202", description = "Queued; follow it at /api/v1/admin/dictionary/imports/{jobId}")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid; `errors` names it")
    Started upload(@AuthenticationPrincipal CurrentUser user,
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String format, @RequestParam(required = false) String language,
            @RequestParam(required = false) String glossLanguage, @RequestParam(required = false) String source,
            @RequestParam(required = false) String license, @RequestParam(required = false) Integer errorBudget)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiProblem.invalid("file", "is required: the file to import (or send JSON with a server path)");
        }
        try (InputStream in = file.getInputStream()) {
            DictionaryImports.Status status = imports.upload(user.id(), new DictionaryImports.Request(format, null,
                    language, glossLanguage, source, license, errorBudget), file.getOriginalFilename(), in);
            return new Started(status.id(), status.state());
        }
    }

    record ServerFile(@Schema(description = "wiktextract, csv, tsv or librelingo") String format,
            @Schema(description = "Relative to glossa.dictionary.import-directory (a directory every node sees); a course "
                    + "folder or zip for librelingo") String path,
            String language, String glossLanguage, String source, String license, Integer errorBudget) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Import a dictionary file on the server", description = "For files too large to upload, e.g. a "
            + "whole kaikki.org extract: `path` is relative to the configured import directory. Same options as the upload.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid; `errors` names it")
    Started fromServer(@AuthenticationPrincipal CurrentUser user, @RequestBody ServerFile body) {
        DictionaryImports.Status status = imports.fromServer(user.id(), new DictionaryImports.Request(body.format(),
                body.path(), body.language(), body.glossLanguage(), body.source(), body.license(), body.errorBudget()));
        return new Started(status.id(), status.state());
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's progress", description = "state (QUEUED, RUNNING, SUCCEEDED, FAILED), linesDone, "
            + "counts (inserted, updated, unchanged, skipped), badLines and the first bad lines with their numbers, timings.")
    @ApiResponse(responseCode = "404", description = "No such import")
    DictionaryImports.Status status(@PathVariable UUID id) {
        return imports.status(id).orElseThrow(() -> ApiProblem.notFound("The import"));
    }

    @GetMapping
    @Operation(summary = "The latest imports, newest first")
    List<DictionaryImports.Status> recent() {
        return imports.recent(50);
    }
}
