package org.glossa.content;

/** A learning item is a single word (or short expression) or a whole phrase. */
public enum ItemKind {
    WORD, PHRASE
}
