package org.glossa.dictionary.external;

/** What the outside dictionary answered for one word. */
sealed interface Answer {

    /** Entries, as the response body (a JSON array in the Free Dictionary API's format). */
    record Found(String body) implements Answer {
    }

    /** The service knows no such word ("No Definitions Found"); remembered like an answer with entries. */
    record NotFound() implements Answer {
    }

    /** No answer now (timeouts, errors, garbage, open circuit, rate limits); never remembered. */
    record Unavailable(String reason) implements Answer {
    }
}
