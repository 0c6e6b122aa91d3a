package org.glossa.dictionary.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.glossa.dictionary.DictionaryEntries;
import org.glossa.dictionary.ItemWord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The dictionary entries of a course item's words, for "tap a word" in the course's word lists. */
@RestController
@Tag(name = "Dictionary")
@SecurityRequirement(name = "bearer")
class ItemWordsController {

    private final DictionaryEntries entries;

    ItemWordsController(DictionaryEntries entries) {
        this.entries = entries;
    }

    @GetMapping("/api/v1/dictionary/items/{itemId}")
    @Operation(summary = "Dictionary entries of a course item's words", description = "Linked when the course or a "
            + "dictionary is imported: each word of the item with the entries it is the lemma or a form of, in the "
            + "course's language. Empty when none match (or the item does not exist).")
    List<ItemWord> itemWords(@PathVariable UUID itemId) {
        return entries.itemWords(itemId);
    }
}
