package org.glossa.fsrs;

/** Where a card is in its life: never reviewed, in (re)learning steps measured in minutes, or reviewed in days. */
public enum CardState {
    NEW, LEARNING, REVIEW, RELEARNING
}
