package org.glossa.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** LibreLingo import over the real courses in ../shared/data, and over broken archives. */
@GlossaIntegrationTest
class CourseImportIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Courses courses;
    @Autowired
    SkillAuthoring skillAuthoring;

    TestApi api;
    Learner editor;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
        Learner admin = api.admin();
        Learner newcomer = api.register("editor");
        api.put("/api/v1/admin/users/" + newcomer.id() + "/roles", Map.of("roles", List.of("EDITOR")), admin.accessToken());
        editor = newcomer;
    }

    static Path librelingo() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/librelingo");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = dir.resolve("../shared/data/librelingo").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        System.err.println("SKIPPED: ../shared/data/librelingo is absent; the LibreLingo import tests need it");
        Assumptions.abort("../shared/data/librelingo is absent; the LibreLingo import tests need it");
        return null;
    }

    static byte[] zip(Path folder, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private MvcTestResult upload(byte[] archive, String token) {
        return mvc.post().uri("/api/v1/admin/courses/import")
                .multipart().file(new MockMultipartFile("file", "course.zip", "application/zip", archive))
                .header("Authorization", "Bearer " + token)
                .with(r -> { r.setRemoteAddr(api.address()); return r; })
                .exchange();
    }

    @Test
    void importsTheSpanishCourseAndReimportsItAsANewVersionWithTheSameSkillIds() throws IOException {
        byte[] archive = zip(librelingo().resolve("spanish-from-english"), "spanish-from-english/");

        MvcTestResult first = upload(archive, editor.accessToken());

        assertThat(first).hasStatus(201);
        JsonNode imported = api.json(first);
        assertThat(imported.get("modules").asInt()).isEqualTo(3);
        assertThat(imported.get("skills").asInt()).isEqualTo(13);
        assertThat(imported.get("words").asInt()).isEqualTo(82);
        assertThat(imported.get("phrases").asInt()).isEqualTo(112);
        java.util.UUID courseId = java.util.UUID.fromString(imported.get("courseId").asString());
        CourseOutline outline = courses.outline(courseId).orElseThrow();
        assertThat(outline.course().targetLanguage()).isEqualTo("es");
        assertThat(outline.course().license()).isEqualTo("CC BY-SA 4.0");
        List<java.util.UUID> skillIds = outline.sections().stream().flatMap(s -> s.skills().stream())
                .map(CourseOutline.Skill::id).toList();
        SkillView animals = outline.sections().getFirst().skills().stream().filter(s -> s.name().equals("Animals"))
                .findFirst().map(s -> courses.skill(s.id()).orElseThrow()).orElseThrow();
        assertThat(animals.explanation()).contains("Welcome to LibreLingo");
        ItemView perro = courses.items(courseId).stream().filter(i -> i.text().equals("perro")).findFirst().orElseThrow();
        assertThat(perro.targetAnswers()).containsExactly("perro", "can");
        assertThat(perro.sourceAnswers()).containsExactly("dog", "hound");

        MvcTestResult again = upload(archive, editor.accessToken());

        assertThat(again).hasStatus(201);
        assertThat(api.json(again).get("courseId").asString()).isEqualTo(courseId.toString());
        assertThat(api.json(again).get("version").asInt()).isEqualTo(imported.get("version").asInt() + 1);
        assertThat(courses.outline(courseId).orElseThrow().sections().stream().flatMap(s -> s.skills().stream())
                .map(CourseOutline.Skill::id).toList()).isEqualTo(skillIds);
    }

    @Test
    void importsTheBanglaCourseWithTheCourseAtTheArchiveRoot() throws IOException {
        MvcTestResult result = upload(zip(librelingo().resolve("bangla-from-english"), ""), editor.accessToken());

        assertThat(result).hasStatus(201);
        JsonNode imported = api.json(result);
        assertThat(imported.get("skills").asInt()).isEqualTo(8);
        assertThat(imported.get("words").asInt()).isEqualTo(60);
        assertThat(imported.get("phrases").asInt()).isEqualTo(52);
    }

    @Test
    void theNativeFormatRoundTripsExactly() throws IOException {
        MvcTestResult imported = upload(zip(librelingo().resolve("bangla-from-english"), "bn/"), editor.accessToken());
        String courseId = api.json(imported).get("courseId").asString();
        openTheFirstSection(courseId);
        java.util.UUID suggestion = java.util.UUID.randomUUID();
        skillAuthoring.addSkill(java.util.UUID.fromString(courseId), null, "Drafted", "A generated skill.",
                List.of(new SkillAuthoring.NewItem(ItemKind.WORD, "ভাত", "rice", List.of(), List.of())),
                new GeneratedBy("some-model", suggestion));

        MvcTestResult exported = api.get("/api/v1/admin/courses/" + courseId + "/export", editor.accessToken());
        assertThat(exported).hasStatusOk();
        String yaml = TestApi.body(exported);
        assertThat(yaml).startsWith("format: glossa-course/1").contains("freelyOpen: true", "generator: some-model",
                "suggestionId: " + suggestion);

        MvcTestResult reimported = upload(yaml.getBytes(StandardCharsets.UTF_8), editor.accessToken());
        assertThat(reimported).hasStatus(201);
        assertThat(api.json(reimported).get("courseId").asString()).isEqualTo(courseId);
        assertThat(TestApi.body(api.get("/api/v1/admin/courses/" + courseId + "/export", editor.accessToken())))
                .isEqualTo(yaml);

        assertThat(upload("format: glossa-course/1\ncourse: {}\n".getBytes(StandardCharsets.UTF_8),
                editor.accessToken())).hasStatus(422);
        assertThat(api.get("/api/v1/admin/courses/" + java.util.UUID.randomUUID() + "/export", editor.accessToken()))
                .hasStatus(404);
        assertThat(mvc.get().uri("/schemas/glossa-course-1.schema.json").exchange()).hasStatusOk();
    }

    /** An editor change the format must carry. */
    private void openTheFirstSection(String courseId) {
        CourseOutline outline = courses.outline(java.util.UUID.fromString(courseId)).orElseThrow();
        assertThat(api.patch("/api/v1/admin/sections/" + outline.sections().getFirst().id(), Map.of("freelyOpen", true),
                editor.accessToken())).hasStatusOk();
    }

    @Test
    void aCourseFolderImportsAsAtStartUp(@Autowired org.glossa.content.internal.CourseImports imports) {
        // glossa.content.import-on-start runs exactly this with the configured folder.
        var result = imports.importFolder(librelingo().resolve("bangla-from-english"));

        assertThat(result.skills()).isEqualTo(8);
        assertThat(courses.outline(result.courseId()).orElseThrow().course().targetLanguage()).isEqualTo("bn");
    }

    @Test
    void learnersCannotImport() throws IOException {
        Learner ana = api.register("ana");

        assertThat(upload(zip(Map.of("course.yaml", "x: 1")), ana.accessToken())).hasStatus(403);
    }

    @Test
    void brokenArchivesAreRefusedNamingTheFileAndLeaveNoTrace() throws IOException {
        long before = jdbc.sql("select count(*) from content_course").query(Long.class).single();
        String course = """
                Course:
                  Language: {Name: Klingon, IETF BCP 47: tlh}
                  For speakers of: {Name: English, IETF BCP 47: en}
                Modules: [basics/]
                """;

        JsonNode notZip = problem(upload("just text".getBytes(), editor.accessToken()), 400);
        assertThat(notZip.get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(problem(upload(zip(Map.of("readme.txt", "hi")), editor.accessToken()), 422).get("file").asString())
                .isEqualTo("course.yaml");
        JsonNode badYaml = problem(upload(zip(Map.of("course.yaml", "Course:\n  Language: [unclosed\n")),
                editor.accessToken()), 422);
        assertThat(badYaml.get("file").asString()).isEqualTo("course.yaml");
        assertThat(badYaml.get("line").asInt()).isGreaterThan(0);
        assertThat(problem(upload(zip(Map.of("course.yaml", course)), editor.accessToken()), 422).get("file").asString())
                .isEqualTo("basics/module.yaml");
        assertThat(problem(upload(zip(Map.of("course.yaml", course, "basics/module.yaml",
                "Module: {Name: Basics}\nSkills: [missing.yaml]\n")), editor.accessToken()), 422).get("file").asString())
                .isEqualTo("basics/skills/missing.yaml");
        assertThat(problem(upload(zip(Map.of("../evil/course.yaml", course)), editor.accessToken()), 422)
                .get("detail").asString()).contains("outside");
        assertThat(problem(upload(new byte[0], editor.accessToken()), 400).get("errors").get(0).get("field").asString())
                .isEqualTo("file");

        assertThat(jdbc.sql("select count(*) from content_course").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anArchiveThatExpandsPastTheLimitIs413() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("course.yaml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 101; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        problem(upload(bytes.toByteArray(), editor.accessToken()), 413);
    }

    @Test
    void yamlWordsLikeYesAndOnStayWords() throws IOException {
        String course = """
                Course:
                  Language: {Name: English, IETF BCP 47: en}
                  For speakers of: {Name: Spanish, IETF BCP 47: es}
                  Repository: test-yes-no-%s
                Modules: basics/
                """.formatted(java.util.UUID.randomUUID());
        String skill = """
                Skill: {Name: Words, Id: 7}
                New words:
                  - Word: yes
                    Translation: sí
                  - Word: on
                    Translation: encendido
                    Also accepted: prendido
                  - Word: no
                    Translation: no
                Phrases:
                Phrases:
                  - Phrase: no way
                    Translation: de ninguna manera
                """;
        MvcTestResult result = upload(zip(Map.of("course.yaml", course, "basics/module.yaml",
                "Module: {Name: Basics}\nSkills: words.yaml\n", "basics/skills/words.yaml", skill)), editor.accessToken());

        assertThat(result).hasStatus(201);
        JsonNode imported = api.json(result);
        assertThat(imported.get("words").asInt()).isEqualTo(3);
        assertThat(imported.get("phrases").asInt()).isEqualTo(1);
        assertThat(imported.get("warnings").toString()).contains("Phrases").contains("repeated");
        List<ItemView> items = courses.items(java.util.UUID.fromString(imported.get("courseId").asString()));
        assertThat(items).extracting(ItemView::text).contains("yes", "on", "no");
        assertThat(items.stream().filter(i -> i.text().equals("on")).findFirst().orElseThrow().sourceAnswers())
                .containsExactly("encendido", "prendido");
    }

    private JsonNode problem(MvcTestResult result, int status) {
        assertThat(result).hasStatus(status);
        JsonNode body = api.json(result);
        assertThat(body.get("type").asString()).startsWith("urn:glossa:problem:");
        return body;
    }
}
