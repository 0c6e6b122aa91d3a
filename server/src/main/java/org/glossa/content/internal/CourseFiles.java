package org.glossa.content.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.ProblemKind;

/**
 * The files of one course, by path relative to the folder that holds {@code course.yaml}. Read from
 * a zip archive (with limits against oversized archives, zip bombs and entries escaping the root)
 * or from a folder.
 */
final class CourseFiles {

    private final Map<String, byte[]> files;

    private CourseFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    static CourseFiles of(Map<String, byte[]> files) {
        return new CourseFiles(new LinkedHashMap<>(files));
    }

    Optional<String> text(String path) {
        byte[] bytes = files.get(path);
        return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    boolean has(String path) {
        return files.containsKey(path);
    }

    static CourseFiles fromZip(InputStream in, long maxExpanded, int maxEntries) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            boolean any = false;
            byte[] buffer = new byte[8192];
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                String name = entry.getName().replace('\\', '/');
                if (escapes(name)) {
                    throw unprocessable("The archive entry '" + clean(name) + "' points outside the archive.", clean(name), null);
                }
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith(".DS_Store")) {
                    continue;
                }
                if (entries.size() >= maxEntries) {
                    throw ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE, "The archive holds more than " + maxEntries + " files.");
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > maxExpanded) {
                        throw ApiProblem.of(ProblemKind.PAYLOAD_TOO_LARGE,
                                "The archive expands to more than " + maxExpanded + " bytes.");
                    }
                    content.write(buffer, 0, n);
                }
                entries.put(name, content.toByteArray());
            }
            if (!any) {
                throw ApiProblem.invalid("file", "is not a zip archive (or an empty one)");
            }
        } catch (ZipException e) {
            throw ApiProblem.invalid("file", "is not a readable zip archive");
        } catch (IOException e) {
            throw ApiProblem.invalid("file", "could not be read: " + e.getClass().getSimpleName());
        }
        return new CourseFiles(rooted(entries));
    }

    static CourseFiles fromFolder(Path folder) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                entries.put(folder.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the course folder " + folder + ": " + e.getMessage(), e);
        }
        return new CourseFiles(rooted(entries));
    }

    /** Re-roots the files at the folder that holds course.yaml: the archive root, or its one top folder. */
    private static Map<String, byte[]> rooted(Map<String, byte[]> entries) {
        if (entries.containsKey("course.yaml")) {
            return entries;
        }
        List<String> candidates = entries.keySet().stream()
                .filter(name -> name.endsWith("/course.yaml") && name.indexOf('/') == name.length() - "/course.yaml".length())
                .toList();
        if (candidates.size() != 1) {
            throw unprocessable(candidates.isEmpty()
                    ? "The archive has no course.yaml at its root or inside one top folder."
                    : "The archive holds several courses (" + String.join(", ", candidates) + "); import one at a time.",
                    "course.yaml", null);
        }
        String prefix = candidates.getFirst().substring(0, candidates.getFirst().length() - "course.yaml".length());
        Map<String, byte[]> rooted = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith(prefix)) {
                rooted.put(name.substring(prefix.length()), bytes);
            }
        });
        return rooted;
    }

    private static boolean escapes(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String name) {
        return name.replaceAll("[\\p{Cntrl}]", "?");
    }

    static ApiProblem unprocessable(String detail, String file, Integer line) {
        ApiProblem problem = ApiProblem.of(ProblemKind.UNPROCESSABLE, detail).with("file", file);
        return line == null ? problem : problem.with("line", line);
    }
}
