package org.glossa.shared;

import java.util.UUID;

/**
 * A module's part of a learner's data export ({@code GET /api/v1/me/export}). Each module that
 * stores personal data provides one bean; deletion happens through the {@code AccountDeleted} event.
 */
public interface PersonalData {

    /** The key of this module's section in the export document. */
    String section();

    /** Everything this module holds about the user, as a JSON-serializable value. */
    Object export(UUID userId);
}
