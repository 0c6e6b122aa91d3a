package org.glossa.content;

import java.time.Instant;
import java.util.UUID;

/** A course was imported, or re-imported as a new version. */
public record CourseImported(UUID courseId, int version, Instant at) {
}
