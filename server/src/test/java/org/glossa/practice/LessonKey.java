package org.glossa.practice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer key of a session, read from the server's own record of it (the API never sends it):
 * tests play the learner who knows every answer.
 */
public final class LessonKey {

    private final Map<String, JsonNode> exercises = new HashMap<>();

    public LessonKey(JdbcClient jdbc, JsonMapper json, String sessionId) {
        String document = jdbc.sql("select exercises from practice_session where id = :id")
                .param("id", UUID.fromString(sessionId)).query(String.class).single();
        json.readTree(document).forEach(exercise -> exercises.put(exercise.get("id").asString(), exercise));
    }

    /** The exercise as the server keeps it, accepted answers included. */
    public JsonNode exercise(String exerciseId) {
        return exercises.get(exerciseId);
    }

    public Map<String, JsonNode> all() {
        return exercises;
    }

    /** A right answer in the shape the exercise's type asks for. */
    public Object rightAnswer(String exerciseId) {
        JsonNode exercise = exercises.get(exerciseId);
        return switch (exercise.get("type").asString()) {
            case "choose" -> exercise.get("correctOption").asString();
            case "arrange" -> List.of(exercise.get("accepted").get(0).asString().split(" "));
            case "match" -> {
                List<Map<String, String>> pairs = new ArrayList<>();
                exercise.get("solution").forEach(p -> pairs.add(Map.of("left", p.get("left").asString(),
                        "right", p.get("right").asString())));
                yield pairs;
            }
            default -> exercise.get("accepted").get(0).asString();
        };
    }
}
