package org.glossa.dictionary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Editors import real Wiktextract lines, CSV/TSV lists and LibreLingo mini-dictionaries through the API
 * and follow the jobs; learners then find the words by inflected form without accents.
 */
@GlossaIntegrationTest
class DictionaryImportIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;

    TestApi api;
    Learner admin;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        admin = api.admin();
    }

    MvcTestResult upload(String fileName, byte[] content, Map<String, String> fields, String token) {
        var request = mvc.post().uri("/api/v1/admin/dictionary/imports").multipart()
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        fields.forEach((k, v) -> request.param(k, v));
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(r -> {
            r.setRemoteAddr(api.address());
            return r;
        });
        return request.exchange();
    }

    /** Starts an import and waits for its job (run by JobRunr on this node) to end. */
    JsonNode importAndWait(String fileName, byte[] content, Map<String, String> fields) {
        MvcTestResult started = upload(fileName, content, fields, admin.accessToken());
        assertThat(started).hasStatus(202);
        return awaitEnd(api.json(started).get("jobId").asString());
    }

    JsonNode awaitEnd(String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = api.json(api.get("/api/v1/admin/dictionary/imports/" + id, admin.accessToken()));
            String state = last[0].get("state").asString();
            return state.equals("SUCCEEDED") || state.equals("FAILED");
        });
        return last[0];
    }

    List<String> search(String lang, String q) {
        MvcTestResult result = api.get("/api/v1/dictionary/" + lang + "/search?q=" + q, admin.accessToken());
        assertThat(result).hasStatus(200);
        List<String> lemmas = new ArrayList<>();
        api.json(result).forEach(m -> lemmas.add(m.get("lemma").asString()));
        return lemmas;
    }

    @Test
    void realWiktextractLinesImportOnceAndAgainChangeNothing() {
        Map<String, String> codes = new HashMap<>();
        List<String> lines = DictionarySamples.relabel(DictionarySamples.allWiktextract(), 'a', codes);
        byte[] file = DictionarySamples.bytes(lines);

        JsonNode first = importAndWait("all-en-extract.jsonl", file, Map.of("format", "wiktextract"));
        assertThat(first.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("linesDone").asLong()).isEqualTo(lines.size());
        assertThat(first.get("badLines").asLong()).isZero();
        assertThat(first.get("source").asString()).isEqualTo("wiktextract");
        // Two lines of the German sample are the same lemma and part of speech with two etymologies: two entries.
        assertThat(first.get("counts").get("inserted").asLong()).isEqualTo(lines.size());
        assertThat(first.get("startedAt").isNull()).isFalse();
        assertThat(first.get("finishedAt").isNull()).isFalse();

        JsonNode again = importAndWait("all-en-extract.jsonl", file, Map.of("format", "wiktextract"));
        assertThat(again.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("counts").get("inserted").asLong()).isZero();
        assertThat(again.get("counts").get("updated").asLong()).isZero();
        assertThat(again.get("counts").get("unchanged").asLong()).isEqualTo(lines.size());

        // viví is a form of vivir in the real Spanish line: found without its accent.
        String es = codes.get("es");
        JsonNode match = api.json(api.get("/api/v1/dictionary/" + es + "/search?q=vivi", admin.accessToken())).get(0);
        assertThat(match.get("lemma").asString()).isEqualTo("vivir");
        assertThat(match.get("match").asString()).isEqualTo("EXACT_FORM");
        assertThat(match.get("matched").asString()).isEqualTo("viví");
        JsonNode entry = api.json(api.get("/api/v1/dictionary/" + es + "/entries/" + match.get("id").asString(),
                admin.accessToken()));
        assertThat(entry.get("partOfSpeech").asString()).isEqualTo("verb");
        assertThat(entry.get("pronunciations").findValuesAsString("ipa")).contains("/biˈbiɾ/");
        assertThat(entry.get("senses").get(0).get("glosses").get(0).get("text").asString()).isEqualTo("to live; to be alive");
        assertThat(entry.get("forms").findValuesAsString("form")).contains("vivimos").doesNotContain("no-table-tags", "es-conj");
        assertThat(entry.get("sources").get(0).get("license").asString()).contains("CC BY-SA");
        // German: Fuchs, by a form, ignoring case; Russian and Greek too.
        assertThat(search(codes.get("de"), "fuchse")).contains("Fuchs");
        assertThat(search(codes.get("ru"), "снега")).contains("снег");
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndTheRestIsImported() {
        List<String> real = DictionarySamples.relabel(DictionarySamples.wiktextract("fr"), 'b', null);
        List<String> lines = new ArrayList<>();
        lines.add(real.get(0));
        lines.add("{this is not json");
        lines.add(real.get(1));
        lines.add("{\"pos\": \"noun\", \"lang_code\": \"qbz\", \"senses\": []}");
        lines.add("[1, 2, 3]");
        lines.add("");
        lines.addAll(real.subList(2, real.size()));
        JsonNode done = importAndWait("fr.jsonl", DictionarySamples.bytes(lines), Map.of("format", "wiktextract"));
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("badLines").asLong()).isEqualTo(3);
        assertThat(done.get("errors").findValues("line")).extracting(JsonNode::asLong).containsExactly(2L, 4L, 5L);
        assertThat(done.get("errors").get(0).get("message").asString()).isEqualTo("not valid JSON");
        assertThat(done.get("errors").get(1).get("message").asString()).isEqualTo("has no word");
        assertThat(done.get("counts").get("inserted").asLong()).isEqualTo(real.size());
        assertThat(done.get("counts").get("skipped").asLong()).isEqualTo(1);
        assertThat(done.get("linesDone").asLong()).isEqualTo(lines.size());
        // The same import is a job in /api/v1/admin/jobs, under the same id, with its counts and bad lines.
        JsonNode job = api.json(api.get("/api/v1/admin/jobs/" + done.get("id").asString(), admin.accessToken()));
        assertThat(job.get("kind").asString()).isEqualTo("dictionary-import");
        assertThat(job.get("counts").get("inserted").asLong()).isEqualTo(real.size());
        assertThat(job.get("errorCount").asLong()).isEqualTo(3);
        assertThat(job.get("progress").get("done").asLong()).isEqualTo(lines.size());
    }

    @Test
    void pastTheErrorBudgetTheImportFails() {
        List<String> real = DictionarySamples.relabel(DictionarySamples.wiktextract("la"), 'c', null);
        List<String> lines = new ArrayList<>(real);
        lines.add(1, "garbage");
        lines.add(3, "more garbage");
        JsonNode done = importAndWait("la.jsonl", DictionarySamples.bytes(lines),
                Map.of("format", "wiktextract", "errorBudget", "1"));
        assertThat(done.get("state").asString()).isEqualTo("FAILED");
        assertThat(done.get("badLines").asLong()).isEqualTo(2);
        assertThat(done.get("message").asString()).contains("error budget of 1");
    }

    @Test
    void aCsvListImportsWithItsHeaderAndFindsFormsOfTwoVerbs() {
        String csv = """
                lemma,pos,forms,glosses,frequency_rank,cefr,notes
                ir,verb,voy|fui|fuimos|iremos,to go,30,A1,irregular
                ser,verb,soy|fui|fuimos|era,"to be; to exist",10,A1,"quoted, with a comma"
                "niño",noun,niños|niña,"boy, child",200,A1,
                "broken,noun,,unclosed quote,5,,
                casa,noun,casas,house,50,A9,
                perro,noun,perros,dog,abc,,
                """;
        String qda = "qda" + DictionarySamples.run();
        JsonNode done = importAndWait("words.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("format", "csv", "language", qda, "source", "test-list", "license", "CC0"));
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("counts").get("inserted").asLong()).isEqualTo(3);
        assertThat(done.get("errors").findValues("line")).extracting(JsonNode::asLong).containsExactly(5L, 6L, 7L);
        assertThat(done.get("errors").get(1).get("message").asString()).contains("cefr");
        assertThat(search(qda, "FUIMOS")).containsExactly("ser", "ir");
        assertThat(search(qda, "nino")).containsExactly("niño");

        String qdb = "qdb" + DictionarySamples.run();
        String tsv = "word\tlanguage\tpos\tglosses\n" + "gato\t" + qdb + "\tnoun\tcat\n" + "chat\tqdc"
                + DictionarySamples.run() + "\tnoun\tcat\n";
        JsonNode tsvDone = importAndWait("words.tsv", tsv.getBytes(StandardCharsets.UTF_8), Map.of("format", "tsv"));
        assertThat(tsvDone.get("counts").get("inserted").asLong()).isEqualTo(2);
        assertThat(search(qdb, "gato")).containsExactly("gato");
    }

    @Test
    void libreLingoMiniDictionariesImportFromTheServerFolder() throws Exception {
        Path course = DictionarySamples.librelingo();
        Path target = Path.of("target/dictionary-imports/spanish-from-english-" + System.nanoTime());
        FileSystemUtils.copyRecursively(course, target);
        MvcTestResult started = api.post("/api/v1/admin/dictionary/imports",
                Map.of("format", "librelingo", "path", target.getFileName().toString(), "language", "es"),
                admin.accessToken());
        assertThat(started).hasStatus(202);
        JsonNode done = awaitEnd(api.json(started).get("jobId").asString());
        assertThat(done.get("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("source").asString()).isEqualTo("librelingo:spanish-from-english");
        assertThat(done.get("license").asString()).isEqualTo("CC BY-SA 4.0");
        assertThat(done.get("counts").get("skipped").asLong()).isPositive(); // the English headwords
        long total = done.get("counts").get("inserted").asLong() + done.get("counts").get("unchanged").asLong()
                + done.get("counts").get("updated").asLong();
        assertThat(total).isPositive();
        JsonNode hit = api.json(api.get("/api/v1/dictionary/es/search?q=provecho", admin.accessToken())).get(0);
        assertThat(hit.get("summary").asString()).isEqualTo("profit");
        Files.walk(target).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    @Test
    void onlyEditorsImportAndBadRequestsNameTheField() {
        Learner learner = api.register("curious");
        assertThat(upload("x.csv", "lemma\nx\n".getBytes(), Map.of("format", "csv"), learner.accessToken())).hasStatus(403);
        assertThat(upload("x.csv", "lemma\nx\n".getBytes(), Map.of("format", "xml"), admin.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(upload("x.csv", new byte[0], Map.of("format", "csv"), admin.accessToken())).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(api.post("/api/v1/admin/dictionary/imports", Map.of("format", "csv", "path", "../../../etc/passwd"),
                admin.accessToken())).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("path");
        assertThat(api.post("/api/v1/admin/dictionary/imports", Map.of("format", "csv", "path", "missing.csv",
                "language", "not a tag"), admin.accessToken())).hasStatus(400).bodyJson()
                .extractingPath("$.errors[*].field").asArray().contains("language", "path");
        assertThat(api.get("/api/v1/admin/dictionary/imports/" + java.util.UUID.randomUUID(), admin.accessToken()))
                .hasStatus(404);
    }
}
