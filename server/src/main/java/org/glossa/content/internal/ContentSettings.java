package org.glossa.content.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Courses ({@code glossa.content.*}).
 *
 * @param maxArchiveSize the largest course archive accepted for import
 * @param maxExpandedSize how large an archive may grow when unpacked (zip bombs are refused)
 * @param maxEntries how many files an archive may hold
 * @param lessonSize how many items a lesson teaches
 * @param importOnStart a course folder (LibreLingo layout) to import at start-up; empty for none
 * @param demo whether to load the demo course when there is no course at all (on by default in embedded mode)
 */
@ConfigurationProperties("glossa.content")
public record ContentSettings(
        @DefaultValue("20MB") DataSize maxArchiveSize,
        @DefaultValue("100MB") DataSize maxExpandedSize,
        @DefaultValue("5000") int maxEntries,
        @DefaultValue("5") int lessonSize,
        @DefaultValue("") String importOnStart,
        Boolean demo) {
}
