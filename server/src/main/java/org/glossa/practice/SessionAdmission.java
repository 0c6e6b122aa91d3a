package org.glossa.practice;

import java.util.UUID;

/**
 * Asked before a session starts; an implementation refuses by throwing an
 * {@link org.glossa.shared.ApiProblem} (gamification: no hearts left for a lesson).
 */
public interface SessionAdmission {

    void admit(UUID userId, SessionKind kind);
}
