package org.glossa.dictionary.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.DictionaryEntry;
import org.glossa.dictionary.EntrySummary;
import org.glossa.dictionary.SearchMatch;
import org.glossa.dictionary.internal.SearchKeys;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.glossa.shared.validation.LanguageTag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Learners look words up: by lemma or inflected form, with or without accents. */
@RestController
@RequestMapping("/api/v1/dictionary/{lang}")
@Tag(name = "Dictionary")
@SecurityRequirement(name = "bearer")
class DictionaryController {

    static final int MAX_LIMIT = 50;

    private final DictionaryEntries entries;

    DictionaryController(DictionaryEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/search")
    @Operation(summary = "Search a language's dictionary", description = "Matches lemmas and inflected forms that equal or "
            + "start with `q`, ignoring case and accents (`nino` finds `niño`, `fuimos` finds `ir` and `ser`). Best first: "
            + "exact lemma, exact form, lemma prefix, form prefix, then by frequency. `matched` is the word that matched.")
    @ApiResponse(responseCode = "400", description = "`lang`, `q` or `limit` invalid; `errors` names the field")
    List<SearchMatch> search(@PathVariable String lang,
            @Parameter(description = "1 to 100 characters") @RequestParam(required = false) String q,
            @Parameter(description = "1 to 50, default 10") @RequestParam(required = false) String limit) {
        List<FieldViolation> violations = new ArrayList<>();
        String language = language(lang, violations);
        if (q == null || q.isBlank()) {
            violations.add(new FieldViolation("q", "is required"));
        } else if (q.length() > 100) {
            violations.add(new FieldViolation("q", "must be at most 100 characters"));
        } else if (SearchKeys.fold(q).codePoints().noneMatch(Character::isLetterOrDigit)) {
            violations.add(new FieldViolation("q", "must contain a letter or digit"));
        }
        int max = whole(limit, 10, "limit", 1, MAX_LIMIT, violations);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return entries.search(language, q, max);
    }

    @GetMapping("/entries")
    @Operation(summary = "Browse a language's dictionary", description = "Most frequent first (entries without a "
            + "frequency rank after them), then by lemma; pages start at 0 and reach the first 10,000 entries (search "
            + "finds every entry).")
    @ApiResponse(responseCode = "400", description = "`lang`, `page` or `size` invalid; `errors` names the field")
    List<EntrySummary> browse(@PathVariable String lang,
            @Parameter(description = "from 0, default 0") @RequestParam(required = false) String page,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) String size) {
        List<FieldViolation> violations = new ArrayList<>();
        String language = language(lang, violations);
        int number = whole(page, 0, "page", 0, DictionaryEntries.MAX_BROWSE - 1, violations);
        int count = whole(size, 50, "size", 1, 200, violations);
        if (violations.isEmpty() && (long) (number + 1) * count > DictionaryEntries.MAX_BROWSE) {
            violations.add(new FieldViolation("page", "page and size reach past the first "
                    + DictionaryEntries.MAX_BROWSE + " entries; search for the others"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return entries.browse(language, number, count);
    }

    /** A whole-number query parameter from min to max, the fallback when absent; a violation naming it otherwise. */
    private static int whole(String value, int fallback, String field, int min, int max,
            List<FieldViolation> violations) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(new FieldViolation(field, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "One dictionary entry", description = "Every field, which source gave each (`fieldSources`), "
            + "and the sources with their licenses.")
    @ApiResponse(responseCode = "404", description = "No such entry in this language")
    DictionaryEntry entry(@PathVariable String lang, @PathVariable String id) {
        List<FieldViolation> violations = new ArrayList<>();
        String language = language(lang, violations);
        UUID entryId = null;
        try {
            entryId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("id", "must be a UUID"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return entries.find(entryId).filter(e -> e.language().equals(language))
                .orElseThrow(() -> ApiProblem.notFound("The entry"));
    }

    private static String language(String lang, List<FieldViolation> violations) {
        String language = lang == null ? null : LanguageTag.Validator.normalize(lang);
        if (language == null) {
            violations.add(new FieldViolation("lang", "must be a language tag such as es or pt-BR"));
        }
        return language;
    }
}
