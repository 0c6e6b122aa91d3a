package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays review sequences that ts-fsrs 5.4.1 scheduled (fixtures made by {@code ts-fsrs/replay.mjs} in the test
 * resources: random answers, reviews on time, late and early) and checks that this scheduler, with the learner's day
 * starting at midnight UTC, reaches the same state, stability, difficulty, interval and due time after every review,
 * fuzz included. The one deliberate difference: ts-fsrs lets "good ≥ hard + 1" push an interval past the maximum
 * interval; this scheduler caps it.
 */
class TsFsrsReplayTests {

    private record Row(String cardId, Instant time, Rating rating, String state, double stability, double difficulty,
                       int scheduledDays, Instant due) {
    }

    @TestFactory
    Stream<DynamicTest> replaysAsTsFsrs() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("short-term-fuzz", "long-term-fuzz", "short-term-no-fuzz")) {
            SchedulerSettings settings = SchedulerSettings.defaults().withDayBoundary(DayBoundary.UTC_MIDNIGHT)
                .withShortTerm(name.startsWith("short"))
                .withFuzzing(name.endsWith("no-fuzz") ? Fuzzing.OFF : Fuzzing.TS_FSRS);
            Scheduler scheduler = new Scheduler(Parameters.DEFAULT, settings);
            List<Row> rows = read(name);
            List<Row> beyondMaximum = rows.stream()
                .filter(r -> r.scheduledDays() > settings.maximumInterval()).toList();
            tests.add(DynamicTest.dynamicTest(name + ": " + rows.size() + " reviews as ts-fsrs 5.4.1", () -> {
                Map<String, Card> cards = new HashMap<>();
                for (Row row : rows) {
                    Card card = cards.computeIfAbsent(row.cardId(), id -> Card.newCard(row.time()));
                    Card after = scheduler.review(card, row.rating(), row.time()).card();
                    cards.put(row.cardId(), after);
                    String where = row.cardId() + " at " + row.time();
                    assertThat(after.state().name()).as(where).isEqualTo(row.state().toUpperCase(Locale.ROOT));
                    assertThat(after.memory().stability()).as(where)
                        .isCloseTo(row.stability(), org.assertj.core.data.Percentage.withPercentage(1e-7));
                    assertThat(after.memory().difficulty()).as(where)
                        .isCloseTo(row.difficulty(), org.assertj.core.api.Assertions.within(1e-9));
                    if (row.scheduledDays() > settings.maximumInterval()) {
                        assertThat(after.scheduledDays()).as(where).isEqualTo(settings.maximumInterval());
                    } else {
                        assertThat(after.scheduledDays()).as(where).isEqualTo(row.scheduledDays());
                        assertThat(after.due()).as(where).isEqualTo(row.due());
                    }
                }
            }));
            if (!beyondMaximum.isEmpty()) {
                String reason = beyondMaximum.size() + " review(s) where ts-fsrs schedules " + beyondMaximum.getFirst()
                    .scheduledDays() + " days, past the maximum interval of " + settings.maximumInterval()
                    + "; this scheduler caps them (asserted above)";
                tests.add(DynamicTest.dynamicTest(name + ": intervals past the maximum — deliberately not followed",
                    () -> {
                        System.err.println("[TsFsrsReplayTests] " + reason);
                        Assumptions.abort(reason);
                    }));
            }
        }
        return tests.stream();
    }

    private List<Row> read(String name) throws IOException {
        String resource = "/ts-fsrs/" + name + ".csv";
        var stream = getClass().getResourceAsStream(resource);
        assertThat(stream).as(resource).isNotNull();
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // header
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(f[0], Instant.ofEpochMilli(Long.parseLong(f[1])), Rating.of(Integer.parseInt(f[2])),
                    f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5]), Integer.parseInt(f[6]),
                    Instant.ofEpochMilli(Long.parseLong(f[7]))));
            }
        }
        return rows;
    }
}
