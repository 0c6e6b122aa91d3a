package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The optimizer against fsrs-rs on the same log. {@code synthetic/review-log.csv} holds 6311 reviews of 600 cards by a
 * simulated learner whose memory follows non-default parameters (w4 5.5, w8 1.2, w9 0.3, w11 2.5, w16 2.5, w20 0.4),
 * reviewing at the due time or up to four days late. fsrs-rs (npm {@code @open-spaced-repetition/binding} 0.5.0,
 * {@code computeParameters} with its defaults, short-term on), given the 4759 items {@link ReviewLog#items} builds from
 * this log with UTC day boundaries, fitted parameters whose log loss by its own {@code evaluate} is 0.320291 (defaults:
 * 0.335556). The issue asks for ours to be within 0.002 of that.
 */
class OptimizerAgainstFsrsRsTests {

    private static final double FSRS_RS_LOG_LOSS = 0.320291;
    private static final double DEFAULT_LOG_LOSS = 0.335556;

    @Test
    void fitsTheLogAsWellAsFsrsRs() throws IOException {
        List<TrainingItem> items = ReviewLog.items(read(), DayBoundary.UTC_MIDNIGHT);
        assertThat(items).hasSize(4759);
        assertThat(Evaluation.evaluate(Parameters.DEFAULT, items).logLoss())
            .as("our evaluation agrees with fsrs-rs's on the defaults").isCloseTo(DEFAULT_LOG_LOSS,
                org.assertj.core.api.Assertions.within(1e-4));
        Optimizer.Result result = new Optimizer().optimize(items);
        Evaluation.Metrics metrics = Evaluation.evaluate(result.parameters(), items);
        System.err.printf("[OptimizerAgainstFsrsRsTests] log loss %.6f (fsrs-rs %.6f), RMSE(bins) %.5f%n",
            metrics.logLoss(), FSRS_RS_LOG_LOSS, metrics.rmseBins());
        assertThat(result.trained()).isTrue();
        assertThat(metrics.logLoss()).isLessThan(FSRS_RS_LOG_LOSS + 0.002);
    }

    private List<ReviewLog.Entry> read() throws IOException {
        var stream = getClass().getResourceAsStream("/synthetic/review-log.csv");
        assertThat(stream).isNotNull();
        List<ReviewLog.Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line = reader.readLine(); // card_id,review_time,review_rating
            while ((line = reader.readLine()) != null) {
                String[] f = line.split(",");
                entries.add(new ReviewLog.Entry(f[0], Instant.ofEpochMilli(Long.parseLong(f[1])),
                    Rating.of(Integer.parseInt(f[2]))));
            }
        }
        return entries;
    }
}
