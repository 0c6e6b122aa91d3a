package org.glossa.generation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glossa.shared.runtime.GlossaMisconfiguredException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The named, versioned prompt templates: Glossa's own (classpath {@code generation/templates.yaml}),
 * each replaced by the template of the same name in the operator's file ({@code glossa.llm.templates})
 * when there is one. A broken operator file stops the server at start, naming the problem.
 */
@Component
class PromptTemplates {

    static final String SHIPPED = "generation/templates.yaml";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** A template as configured. */
    record Template(String name, int version, String system, String user) {
    }

    /** A template with its inputs filled in: what is sent, and what the cache key is made of. */
    record Prompt(String name, int version, String system, String user) {
    }

    private final Map<String, Template> templates;

    PromptTemplates(LlmSettings settings) {
        Map<String, Template> shipped = load(SHIPPED, shipped());
        Map<String, Template> all = new LinkedHashMap<>(shipped);
        if (StringUtils.hasText(settings.templates())) {
            Path file = Path.of(settings.templates());
            Map<String, Template> overrides;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                overrides = load(file.toString(), parse(file.toString(), reader));
            } catch (IOException e) {
                throw new GlossaMisconfiguredException(List.of("glossa.llm.templates: cannot read " + file + ": " + e.getMessage()));
            }
            List<String> unknown = overrides.keySet().stream().filter(name -> !shipped.containsKey(name)).toList();
            if (!unknown.isEmpty()) {
                throw new GlossaMisconfiguredException(List.of("glossa.llm.templates (" + file + ") names unknown templates "
                        + unknown + "; known are " + shipped.keySet()));
            }
            all.putAll(overrides);
        }
        this.templates = Map.copyOf(all);
    }

    private static Object shipped() {
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream();
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(SHIPPED, reader);
        } catch (IOException e) {
            throw new IllegalStateException("The shipped prompt templates are missing", e);
        }
    }

    private static Object parse(String source, Reader reader) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new GlossaMisconfiguredException(List.of("Prompt templates " + source + " are not valid YAML: "
                    + e.getMessage()));
        }
    }

    private static Map<String, Template> load(String source, Object document) {
        List<String> problems = new ArrayList<>();
        Map<String, Template> result = new LinkedHashMap<>();
        if (!(document instanceof Map<?, ?> map)) {
            throw new GlossaMisconfiguredException(List.of("Prompt templates " + source
                    + " must map template names to {version, system, user}"));
        }
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (!(value instanceof Map<?, ?> fields)) {
                problems.add(source + ": template '" + name + "' must have version, system and user");
                return;
            }
            Object version = fields.get("version");
            Object system = fields.get("system");
            Object user = fields.get("user");
            if (!(version instanceof Integer v) || v < 1) {
                problems.add(source + ": template '" + name + "' needs a version, a whole number from 1");
                return;
            }
            if (!(user instanceof String u) || u.isBlank()) {
                problems.add(source + ": template '" + name + "' needs a user text");
                return;
            }
            result.put(name, new Template(name, v, system instanceof String s ? s : "", u));
        });
        if (!problems.isEmpty()) {
            throw new GlossaMisconfiguredException(problems);
        }
        return result;
    }

    Template template(String name) {
        Template template = templates.get(name);
        if (template == null) {
            throw new IllegalArgumentException("No prompt template named " + name);
        }
        return template;
    }

    /**
     * Fills a template. Inputs named {@code learner_*} or {@code editor_*} are untrusted: cut to
     * {@code maxInputChars}, escaped and wrapped in their own tags, so they cannot end their tag early.
     */
    Prompt render(String name, Map<String, String> inputs, int maxInputChars) {
        Template template = template(name);
        return new Prompt(name, template.version(), fill(template.system(), inputs, maxInputChars),
                fill(template.user(), inputs, maxInputChars));
    }

    private static String fill(String text, Map<String, String> inputs, int maxInputChars) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = inputs.get(key);
            if (value == null) {
                throw new IllegalArgumentException("The prompt template needs an input named " + key);
            }
            String replacement = untrusted(key) ? "<" + key + ">" + escape(cut(value, maxInputChars)) + "</" + key + ">"
                    : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString().strip();
    }

    static boolean untrusted(String key) {
        return key.startsWith("learner_") || key.startsWith("editor_");
    }

    static String cut(String value, int max) {
        if (value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max)) + " [cut]";
    }

    /** Escapes the characters that could close or open a tag; the model reads the entities as the text. */
    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
