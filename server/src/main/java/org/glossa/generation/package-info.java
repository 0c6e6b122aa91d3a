/**
 * Generation: one gateway to an OpenAI-compatible chat-completions endpoint (templates, caching,
 * quotas, validation, usage), a deterministic offline generator when none is configured, "explain my
 * answer" for learners, and reviewed suggestions (skill drafts, dictionary enrichment) for editors.
 * Nothing generated reaches a course or the dictionary before an editor approves it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Generation")
package org.glossa.generation;
