package org.glossa.generation.internal;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Dictionary notes on the words of a text ("lemma (part of speech): glosses"), which ground explanations
 * and drafts. Empty until the dictionary module's API is available.
 */
@Component
class GroundingWords {

    List<String> notes(String language, List<String> texts, int max) {
        return List.of();
    }

    List<String> glosses(String language, String word) {
        return List.of();
    }
}
