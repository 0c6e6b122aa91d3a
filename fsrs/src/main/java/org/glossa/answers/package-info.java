/**
 * Tolerant answer checking: whether what a learner typed matches one of an exercise's accepted answers, forgiving
 * what a teacher would forgive (case, punctuation, a missing accent, one slip of the finger in a long word) and
 * saying what was off. Plain Java, no I/O; the entry point is {@link org.glossa.answers.AnswerChecker}.
 */
package org.glossa.answers;
