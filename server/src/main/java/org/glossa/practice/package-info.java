/**
 * Practice: enrollments, lesson, practice and mistakes sessions, tolerant answer checking and skill
 * progress. Publishes {@link org.glossa.practice.ExerciseAnswered} and
 * {@link org.glossa.practice.LessonCompleted} for the memory model and gamification.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Practice")
package org.glossa.practice;
