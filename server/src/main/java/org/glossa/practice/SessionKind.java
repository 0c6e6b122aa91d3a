package org.glossa.practice;

/**
 * A lesson of the path, a practice mix from completed skills, the items recently got wrong, or the
 * items the memory model says are due.
 */
public enum SessionKind {
    LESSON, PRACTICE, MISTAKES, REVIEW
}
