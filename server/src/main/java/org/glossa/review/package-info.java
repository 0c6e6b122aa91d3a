/**
 * Review: the adaptive memory. Every word and phrase a learner meets becomes a memory item with an
 * FSRS-6 state (from the algorithms library), updated from each answer and from explicit or offline
 * flashcard reviews; due items feed review sessions.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package org.glossa.review;
