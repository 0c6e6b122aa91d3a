package org.glossa.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Imports courses: from an uploaded archive, from a folder at start-up, and the demo course. */
@Service
public class CourseImports {

    private static final Logger log = LoggerFactory.getLogger(CourseImports.class);
    private static final String DEMO = "demo-course/";

    private final CourseStore store;
    private final ContentSettings settings;
    private final JdbcClient jdbc;
    private final boolean embedded;

    CourseImports(CourseStore store, ContentSettings settings, JdbcClient jdbc, @Value("${glossa.mode}") String mode) {
        this.store = store;
        this.settings = settings;
        this.jdbc = jdbc;
        this.embedded = "embedded".equals(mode);
    }

    public record Result(java.util.UUID courseId, int version, int modules, int skills, long words, long phrases,
            java.util.List<String> warnings) {
    }

    public Result importArchive(InputStream archive, long size) {
        if (size > settings.maxArchiveSize().toBytes()) {
            throw ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE,
                    "The archive is larger than " + settings.maxArchiveSize() + ".");
        }
        byte[] bytes;
        try {
            bytes = archive.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxArchiveSize().toBytes() + 1));
        } catch (IOException e) {
            throw ApiProblem.invalid("file", "could not be read");
        }
        if (bytes.length > settings.maxArchiveSize().toBytes()) {
            throw ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The archive is larger than " + settings.maxArchiveSize() + ".");
        }
        if (NativeFormat.looksLikeOne(bytes)) {
            CourseDocument course = NativeFormat.read(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            return stored(() -> store.store(course.key(), course.id(), id -> withId(course, id), List.of()));
        }
        CourseFiles files = CourseFiles.fromZip(new java.io.ByteArrayInputStream(bytes),
                settings.maxExpandedSize().toBytes(), settings.maxEntries());
        return storeLibreLingo(LibreLingoReader.read(files));
    }

    /** The course in Glossa's own YAML format, for version control; import gives it back exactly. */
    public java.util.Optional<String> export(java.util.UUID courseId) {
        return store.load(courseId).map(NativeFormat::write);
    }

    private static CourseDocument withId(CourseDocument course, java.util.UUID id) {
        return new CourseDocument(id, course.key(), course.title(), course.targetLanguage(), course.sourceLanguage(),
                course.licenseName(), course.licenseShortName(), course.licenseLink(), course.repository(),
                course.specialCharacters(), course.sections());
    }

    public Result importFolder(Path folder) {
        return storeLibreLingo(LibreLingoReader.read(CourseFiles.fromFolder(folder)));
    }

    private Result storeLibreLingo(ParsedCourse course) {
        return stored(() -> store.store(course.key(), java.util.UUID.randomUUID(),
                id -> CourseDocument.fromLibreLingo(course, id, settings.lessonSize()), course.warnings()));
    }

    /** Two imports of one new course at the same moment: the second finds the course taken (409), not a 500. */
    private static Result stored(java.util.function.Supplier<CourseStore.Stored> store) {
        try {
            return result(store.get());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw ApiProblem.conflict("Another import of this course was running at the same time; try again.");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void importOnStart() throws IOException {
        if (!settings.importOnStart().isBlank()) {
            Path folder = Path.of(settings.importOnStart());
            if (!Files.isDirectory(folder)) {
                log.error("glossa.content.import-on-start: {} is not a folder; nothing imported", folder);
            } else {
                try {
                    Result result = importFolder(folder);
                    log.info("Imported the course in {} (version {}, {} skills, {} warnings)", folder, result.version(),
                            result.skills(), result.warnings().size());
                } catch (ApiProblem e) {
                    log.error("Could not import the course in {}: {} {}", folder, e.detail(), e.properties());
                }
            }
        }
        boolean demo = settings.demo() != null ? settings.demo() : embedded;
        if (demo && jdbc.sql("select count(*) from content_course").query(Long.class).single() == 0) {
            try {
                Result result = storeLibreLingo(LibreLingoReader.read(demoFiles()));
                log.info("Loaded the demo course ({} skills)", result.skills());
            } catch (ApiProblem e) {
                log.info("The demo course was loaded by another node");
            }
        }
    }

    static CourseFiles demoFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + DEMO + "**/*.*");
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            String path = url.substring(url.indexOf(DEMO) + DEMO.length());
            try (InputStream in = resource.getInputStream()) {
                files.put(path, in.readAllBytes());
            }
        }
        return CourseFiles.of(files);
    }

    private static Result result(CourseStore.Stored stored) {
        return new Result(stored.courseId(), stored.version(), stored.modules(), stored.skills(), stored.words(),
                stored.phrases(), stored.warnings());
    }
}
