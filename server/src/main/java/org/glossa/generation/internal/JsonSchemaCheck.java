package org.glossa.generation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a JSON value against the subset of JSON Schema that Glossa's tasks use: {@code type}
 * (object, array, string, integer, number, boolean), {@code properties}, {@code required},
 * {@code additionalProperties: false}, {@code items}, {@code enum}, {@code minItems}/{@code maxItems},
 * {@code minLength}/{@code maxLength}. Returns readable errors with JSON pointers, which go back to the
 * model in the repair attempt.
 */
final class JsonSchemaCheck {

    private JsonSchemaCheck() {
    }

    static List<String> errors(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        String at = path.isEmpty() ? "/" : path;
        String type = schema.path("type").asString("");
        if (value == null || value.isMissingNode()) {
            errors.add(at + ": is missing");
            return;
        }
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    errors.add(at + ": must be an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asString())) {
                        errors.add(path + "/" + required.asString() + ": is required");
                    }
                }
                Set<String> known = new HashSet<>();
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    known.add(property.getKey());
                    if (value.has(property.getKey())) {
                        check(property.getValue(), value.get(property.getKey()), path + "/" + property.getKey(), errors);
                    }
                }
                if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
                    for (String name : value.propertyNames()) {
                        if (!known.contains(name)) {
                            errors.add(path + "/" + name + ": is not allowed");
                        }
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(at + ": must be an array");
                    return;
                }
                if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                    errors.add(at + ": must have at least " + schema.get("minItems").asInt() + " items");
                }
                if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                    errors.add(at + ": must have at most " + schema.get("maxItems").asInt() + " items");
                }
                if (schema.has("items")) {
                    for (int i = 0; i < value.size(); i++) {
                        check(schema.get("items"), value.get(i), path + "/" + i, errors);
                    }
                }
            }
            case "string" -> {
                if (!value.isString()) {
                    errors.add(at + ": must be a string");
                    return;
                }
                int length = value.asString().codePointCount(0, value.asString().length());
                if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                    errors.add(at + ": must have at least " + schema.get("minLength").asInt() + " characters");
                }
                if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                    errors.add(at + ": must have at most " + schema.get("maxLength").asInt() + " characters");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(at + ": must be a whole number");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(at + ": must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(at + ": must be true or false");
                }
            }
            default -> {
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                errors.add(at + ": must be one of " + schema.get("enum"));
            }
        }
    }
}
