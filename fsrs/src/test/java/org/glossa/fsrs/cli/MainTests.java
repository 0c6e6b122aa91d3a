package org.glossa.fsrs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTests {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path log(String content) throws IOException {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, content);
        return file;
    }

    /** Same-day reviews and difficulties as in the ts.reschedule.basic vector; the manual entry is skipped. */
    @Test
    void replayPrintsOneLinePerReviewInTimeOrder() throws IOException {
        Path file = log("""
            card_id,review_time,review_rating,review_duration,review_state
            w1,2026-03-02T09:00:00Z,3,4000,0
            w1,1772442600000,3,3000,1
            w2,2026-03-02T10:00:00+01:00,0,0,0
            w1,2026-03-04T09:10:00Z,3,2500,2
            """);
        Run run = run("replay", file.toString(), "--no-fuzz", "--day-start", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
            "card_id,review_time,rating,elapsed_days,state,stability,difficulty,scheduled_days,due",
            "w1,2026-03-02T09:00:00Z,3,0,Learning,2.3065,2.11810397,0,2026-03-02T09:10:00Z",
            "w1,2026-03-02T09:10:00Z,3,0,Review,2.3065,2.11121424,2,2026-03-04T09:10:00Z",
            "w1,2026-03-04T09:10:00Z,3,2,Review,10.97104786,2.1043314,11,2026-03-15T09:10:00Z");
    }

    /** The card of the ts-fsrs comparison in SchedulerTests: ts-fsrs fuzzed its third interval to 12 days, not 11. */
    @Test
    void replayCanFuzzAsTsFsrsDoes() throws IOException {
        Path file = log("""
            card_id,review_time,review_rating
            w1,2026-01-05T09:30:00Z,3
            w1,2026-01-05T12:40:00Z,3
            w1,2026-01-07T15:40:00Z,3
            """);
        Run run = run("replay", file.toString(), "--ts-fsrs-fuzz", "--day-start", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).last().asString().startsWith("w1,2026-01-07T15:40:00Z,3,2,Review,")
            .endsWith(",12,2026-01-19T15:40:00Z");
    }

    @Test
    void optimizePrintsParametersAndMetricsAsJson() throws IOException {
        StringBuilder csv = new StringBuilder("card_id,review_time,review_rating\n");
        Random random = new Random(5);
        Instant start = Instant.parse("2025-01-06T08:00:00Z");
        for (int c = 0; c < 200; c++) {
            Instant t = start.plus(Duration.ofMinutes(c));
            int interval = 1;
            for (int i = 0; i < 6; i++) {
                int rating = i == 0 ? 1 + random.nextInt(4) : random.nextDouble() < 0.85 ? 3 : 1;
                csv.append("c").append(c).append(',').append(t).append(',').append(rating).append('\n');
                interval = rating == 1 ? 1 : interval * 3;
                t = t.plus(Duration.ofDays(interval));
            }
        }
        Run run = run("optimize", log(csv.toString()).toString(), "--timezone", "Europe/Berlin");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).matches("\\{\"parameters\":\\[(-?[0-9.]+,){20}-?[0-9.]+\\],\"logLoss\":[0-9.]+,"
            + "\"rmseBins\":[0-9.]+,\"items\":1000,\"reviews\":1200,\"millis\":\\d+\\}\\n");
    }

    @Test
    void evaluateUsesTheGivenParameters() throws IOException {
        Path file = log("card_id,review_time,review_rating\na,2026-01-01T10:00:00Z,3\na,2026-01-04T10:00:00Z,3\n");
        String defaults = "0.212,1.2931,2.3065,8.2956,6.4133,0.8334,3.0194,0.001,1.8722,0.1666,0.796,1.4835,"
            + "0.0614,0.2629,1.6483,0.6014,1.8729,0.5425,0.0912,0.0658,0.1542";
        Run run = run("evaluate", file.toString(), "--parameters", defaults);
        assertThat(run.code()).as(run.err()).isZero();
        // one item cannot pass fsrs-rs's outlier filter, so there are no metrics to report
        assertThat(run.out()).startsWith("{\"parameters\":[" + defaults + "],\"logLoss\":null,\"rmseBins\":null,")
            .contains("\"items\":1,\"reviews\":2");
    }

    /** A malformed line fails the run with its line number and prints nothing on stdout. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a,2026-01-01T10:00:00Z,5 | line 3: review_rating '5'",
        "a,yesterday,3 | line 3: review_time 'yesterday'",
        "a,2026-01-01T10:00:00,3 | line 3: review_time",
        "a,2026-01-01T10:00:00Z | line 3: expected 3 fields, found 2",
        ",2026-01-01T10:00:00Z,3 | line 3: empty card_id",
    })
    void malformedRowsAreReportedWithTheirLineNumber(String badLine, String message) throws IOException {
        Path file = log("card_id,review_time,review_rating\na,2026-01-01T09:00:00Z,3\n" + badLine + "\n");
        for (String command : List.of("replay", "optimize")) {
            Run run = run(command, file.toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains(message);
        }
    }

    @Test
    void badUsageExitsWithTwoAndTheUsage() throws IOException {
        Path file = log("card_id,review_time,review_rating\n");
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {});
        bad.add(new String[] {"replay"});
        bad.add(new String[] {"train", file.toString()});
        bad.add(new String[] {"evaluate", file.toString()});
        bad.add(new String[] {"replay", file.toString(), "--day-start", "25"});
        bad.add(new String[] {"replay", file.toString(), "--retention", "1.5"});
        bad.add(new String[] {"replay", file.toString(), "--timezone", "Mars/Olympus"});
        bad.add(new String[] {"replay", file.toString(), "--parameters", "1,2,3"});
        bad.add(new String[] {"optimize", file.toString(), "--bogus", "1"});
        bad.add(new String[] {"replay", file.toString(), "--no-fuzz", "--ts-fsrs-fuzz"});
        bad.add(new String[] {"optimize", file.toString(), "--ts-fsrs-fuzz"});
        for (String[] args : bad) {
            Run run = run(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).contains("usage:");
            assertThat(run.out()).isEmpty();
        }
        assertThat(run("replay", dir.resolve("missing.csv").toString()).code()).isEqualTo(1);
        assertThat(run("replay", log("").toString()).err()).contains("line 1");
    }
}
