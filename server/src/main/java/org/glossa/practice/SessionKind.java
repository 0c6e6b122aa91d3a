package org.glossa.practice;

/** A lesson of the path, a practice mix from completed skills, or the items recently got wrong. */
public enum SessionKind {
    LESSON, PRACTICE, MISTAKES
}
