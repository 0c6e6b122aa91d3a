package org.glossa.practice.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.glossa.practice.AnsweredExercise;
import org.glossa.practice.AnsweredExercises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one exercise of a learner's own session and its answer, for explanations. */
@Component
class AnsweredExercisesQuery implements AnsweredExercises {

    private static final TypeReference<List<Exercise>> EXERCISES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AnsweredExercisesQuery(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public Optional<AnsweredExercise> find(UUID userId, UUID sessionId, String exerciseId) {
        record Row(UUID courseId, String exercises) {
        }
        Optional<Row> session = jdbc.sql("select course_id, exercises from practice_session where id = :id and user_id = :u")
                .param("id", sessionId).param("u", userId)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2))).optional();
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<Exercise> exercise = json.readValue(session.get().exercises(), EXERCISES).stream()
                .filter(e -> e.id().equals(exerciseId)).findFirst();
        if (exercise.isEmpty()) {
            return Optional.empty();
        }
        Exercise e = exercise.get();
        Optional<JsonNode> reply = jdbc.sql("select reply from practice_answer where session_id = :s and exercise_id = :e")
                .param("s", sessionId).param("e", exerciseId).query(String.class).optional().map(json::readTree);
        List<String> accepted = switch (e.type()) {
            case "choose" -> e.options().stream().filter(o -> o.id().equals(e.correctOption())).map(Exercise.Option::text)
                    .toList();
            case "match" -> e.solution().stream().map(p -> p.left() + " = " + p.right()).toList();
            default -> e.accepted() == null ? List.of() : e.accepted();
        };
        return Optional.of(new AnsweredExercise(sessionId, session.get().courseId(), e.id(), e.type(), e.prompt(), e.from(),
                e.to(), accepted, e.itemIds(), reply.isPresent(), reply.map(r -> r.path("verdict").asString(null)).orElse(null),
                reply.map(r -> r.path("expected").asString(null)).orElse(null)));
    }
}
