package org.glossa.dictionary.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.glossa.dictionary.EntryDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Glossa's own JSON of an entry (what the content hash takes) and the JSON of its content column, made in one
 * pass: the four lists they share (forms, pronunciations, senses, translations: nearly all of their bytes) are
 * serialized once, and the content's JSON is cut from the entry's. Each is byte for byte what the mapper writes
 * for the {@link EntryDocument} and for {@link EntryStore.Content}; a probe when this is made checks that, and
 * where the mapper's settings make them differ (another inclusion, ordering or indentation), each is made whole.
 */
final class EntryJson {

    private static final Logger log = LoggerFactory.getLogger(EntryJson.class);
    private static final byte[] NO_NOTES = ",\"notes\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** The entry's own JSON and its content's; content is null where it must be made from the merged fields. */
    record Both(byte[] entry, byte[] content) {
    }

    private final JsonMapper json;
    private final ObjectWriter forms;
    private final ObjectWriter pronunciations;
    private final ObjectWriter senses;
    private final ObjectWriter translations;
    private final ObjectWriter notes;
    private final boolean together;

    EntryJson(JsonMapper json) {
        this.json = json;
        this.forms = json.writerFor(new TypeReference<List<EntryDocument.Form>>() {
        });
        this.pronunciations = json.writerFor(new TypeReference<List<EntryDocument.Pronunciation>>() {
        });
        this.senses = json.writerFor(new TypeReference<List<EntryDocument.Sense>>() {
        });
        this.translations = json.writerFor(new TypeReference<List<EntryDocument.Translation>>() {
        });
        this.notes = json.writerFor(new TypeReference<List<EntryDocument.Note>>() {
        });
        this.together = probe();
        if (!together) {
            log.warn("The JSON mapper's settings change how entries are written: the import makes each entry's JSON "
                    + "and its content's separately (slower)");
        }
    }

    /** Whether both are made together with this mapper (tests). */
    boolean together() {
        return together;
    }

    /** Both JSONs of a checked entry (its document null). */
    Both write(EntryDocument clean) {
        if (together) {
            try {
                return together(clean);
            } catch (JacksonException e) {
                // a lone surrogate, which String's encoder writes as '?': as before, below
            }
        }
        return new Both(whole(clean), null);
    }

    /** The entry's own JSON in UTF-8, as {@code writeValueAsString(...).getBytes(UTF_8)} gives it. */
    private byte[] whole(EntryDocument clean) {
        try {
            return json.writeValueAsBytes(clean);
        } catch (JacksonException e) { // a lone surrogate, which String's encoder writes as '?'
            return json.writeValueAsString(clean).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Both together(EntryDocument clean) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        int listsFrom;
        int listsTo;
        int notesFrom = -1;
        int notesTo = -1;
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("language", clean.language());
            g.writeStringProperty("lemma", clean.lemma());
            g.writeStringProperty("partOfSpeech", clean.partOfSpeech());
            g.writeStringProperty("homograph", clean.homograph());
            g.writeStringProperty("gender", clean.gender());
            g.flush();
            listsFrom = out.size() + 1; // after the comma that the next name brings
            g.writeName("forms");
            forms.writeValue(g, clean.forms());
            g.writeName("pronunciations");
            pronunciations.writeValue(g, clean.pronunciations());
            g.writeName("senses");
            senses.writeValue(g, clean.senses());
            g.writeName("translations");
            translations.writeValue(g, clean.translations());
            g.flush();
            listsTo = out.size();
            g.writeName("frequencyRank");
            if (clean.frequencyRank() == null) {
                g.writeNull();
            } else {
                g.writeNumber(clean.frequencyRank());
            }
            g.writeStringProperty("cefr", clean.cefr());
            g.writeStringProperty("document", clean.document());
            if (!clean.notes().isEmpty()) { // @JsonInclude(NON_EMPTY) on the record
                g.flush();
                notesFrom = out.size();
                g.writeName("notes");
                notes.writeValue(g, clean.notes());
                g.flush();
                notesTo = out.size();
            }
            g.writeEndObject();
        }
        byte[] entry = out.toByteArray();
        // {"forms":...,"translations":[...],"notes":[...]}
        byte[] tail = notesFrom < 0 ? NO_NOTES : null;
        int tailLength = tail != null ? tail.length : notesTo - notesFrom + 1;
        byte[] content = new byte[1 + listsTo - listsFrom + tailLength];
        content[0] = '{';
        System.arraycopy(entry, listsFrom, content, 1, listsTo - listsFrom);
        if (tail != null) {
            System.arraycopy(tail, 0, content, 1 + listsTo - listsFrom, tail.length);
        } else {
            System.arraycopy(entry, notesFrom, content, 1 + listsTo - listsFrom, notesTo - notesFrom);
            content[content.length - 1] = '}';
        }
        return new Both(entry, content);
    }

    /** Whether both JSONs made together are those the mapper makes of the records, on entries of every shape. */
    private boolean probe() {
        EntryDocument.Sense sense = new EntryDocument.Sense(
                List.of(new EntryDocument.Gloss("en", "a \"quoted\" gloss, \\ and ü and 😀")),
                List.of(new EntryDocument.Example("Un ejemplo.", "An example.")), List.of("tag"));
        EntryDocument full = new EntryDocument("es", "añ\"o", "noun", "2", "m",
                List.of(new EntryDocument.Form("años", List.of("plural"))),
                List.of(new EntryDocument.Pronunciation("/ˈaɲo/", null, List.of())), List.of(sense),
                List.of(new EntryDocument.Translation("en", "year", null)), 12, "A1", null,
                List.of(new EntryDocument.Note("usage", "en", "a note")));
        for (EntryDocument doc : List.of(full, EntryDocument.of("de", "Haus", null), full.withNotes(List.of()))) {
            try {
                Both both = together(doc);
                EntryStore.Content content = new EntryStore.Content(doc.forms(), doc.pronunciations(), doc.senses(),
                        doc.translations(), doc.notes());
                if (!Arrays.equals(both.entry(), json.writeValueAsBytes(doc))
                        || !Arrays.equals(both.content(), json.writeValueAsBytes(content))) {
                    return false;
                }
            } catch (JacksonException | IndexOutOfBoundsException e) {
                return false;
            }
        }
        return true;
    }
}
