package org.glossa.identity;

/** What a user may do: learn, edit courses, or administer the server. */
public enum Role {
    LEARNER, EDITOR, ADMIN
}
