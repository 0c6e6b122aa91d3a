package org.glossa.fsrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SchedulerTests {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final SchedulerSettings NO_FUZZ = SchedulerSettings.defaults().withFuzz(false);

    private final Scheduler scheduler = new Scheduler(Parameters.DEFAULT, NO_FUZZ);

    @Test
    void defaultsAreThoseOfTheReferenceSchedulers() {
        SchedulerSettings d = SchedulerSettings.defaults();
        assertThat(d.desiredRetention()).isEqualTo(0.9);
        assertThat(d.learningSteps()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(d.relearningSteps()).containsExactly(Duration.ofMinutes(10));
        assertThat(d.maximumInterval()).isEqualTo(36500);
        assertThat(d.fuzz()).as("fuzz on by default").isTrue();
        assertThat(d.shortTerm()).isTrue();
        assertThat(d.dayBoundary().startHour()).isEqualTo(4);
    }

    /** A new card: rating, state after, step after, delay until due. */
    @ParameterizedTest
    @CsvSource({"AGAIN, LEARNING, 0, PT1M", "HARD, LEARNING, 0, PT6M", "GOOD, LEARNING, 1, PT10M",
        "EASY, REVIEW, 0, P8D"})
    void aNewCardEntersTheLearningSteps(Rating rating, CardState state, int step, Duration delay) {
        Card card = scheduler.review(Card.newCard(T0), rating, T0).card();
        assertThat(card.state()).isEqualTo(state);
        assertThat(card.step()).isEqualTo(step);
        assertThat(Duration.between(T0, card.due())).isEqualTo(delay);
        assertThat(card.reps()).isEqualTo(1);
        assertThat(card.lastReview()).isEqualTo(T0);
    }

    @Test
    void goodAtTheLastStepGraduatesWithTheFsrsInterval() {
        Card card = scheduler.review(Card.newCard(T0), Rating.GOOD, T0).card();
        ReviewOutcome o = scheduler.review(card, Rating.GOOD, card.due());
        assertThat(o.previousState()).isEqualTo(CardState.LEARNING);
        assertThat(o.card().state()).isEqualTo(CardState.REVIEW);
        assertThat(o.card().scheduledDays()).isEqualTo(2);
        assertThat(o.card().due()).isEqualTo(card.due().plus(Duration.ofDays(2)));
    }

    @Test
    void againInReviewRelearnsAndCountsALapse() {
        Card review = scheduler.review(Card.newCard(T0), Rating.EASY, T0).card();
        ReviewOutcome lapse = scheduler.review(review, Rating.AGAIN, review.due());
        assertThat(lapse.card().state()).isEqualTo(CardState.RELEARNING);
        assertThat(lapse.card().lapses()).isEqualTo(1);
        assertThat(Duration.between(review.due(), lapse.card().due())).isEqualTo(Duration.ofMinutes(10));
        ReviewOutcome again = scheduler.review(lapse.card(), Rating.AGAIN, lapse.card().due());
        assertThat(again.card().lapses()).as("Again while relearning is no new lapse").isEqualTo(1);
        ReviewOutcome back = scheduler.review(again.card(), Rating.GOOD, again.card().due());
        assertThat(back.card().state()).isEqualTo(CardState.REVIEW);
        assertThat(back.card().reps()).isEqualTo(4);
    }

    @Test
    void reviewIntervalsAreOrderedForEveryCard() {
        Card card = Card.newCard(T0);
        Instant now = T0;
        Rating[] pattern = {Rating.GOOD, Rating.GOOD, Rating.HARD, Rating.AGAIN, Rating.GOOD, Rating.EASY,
            Rating.HARD, Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.GOOD};
        for (int i = 0; i < 60; i++) {
            Preview p = scheduler.preview(card, now);
            if (card.state() == CardState.REVIEW) {
                int hard = p.hard().card().scheduledDays();
                int good = p.good().card().scheduledDays();
                int easy = p.easy().card().scheduledDays();
                assertThat(hard).isGreaterThanOrEqualTo(1).isLessThan(good);
                assertThat(easy).isGreaterThan(good);
            }
            card = p.get(pattern[i % pattern.length]).card();
            now = card.due().plus(Duration.ofHours(i % 5 * 7));
        }
    }

    @Test
    void longTermSchedulingGivesDaysForEveryAnswerInOrder() {
        Scheduler longTerm = new Scheduler(Parameters.DEFAULT, NO_FUZZ.withShortTerm(false));
        Card card = Card.newCard(T0);
        Instant now = T0;
        for (int i = 0; i < 8; i++) {
            Preview p = longTerm.preview(card, now);
            int previous = 0;
            for (Rating g : Rating.values()) {
                Card next = p.get(g).card();
                assertThat(next.state()).isEqualTo(CardState.REVIEW);
                assertThat(next.scheduledDays()).isGreaterThan(previous);
                previous = next.scheduledDays();
            }
            card = p.get(i % 3 == 2 ? Rating.AGAIN : Rating.GOOD).card();
            now = card.due();
        }
        assertThat(card.lapses()).isEqualTo(2);
    }

    @Test
    void noStepsMeansDaysStraightAway() {
        Scheduler noSteps = new Scheduler(Parameters.DEFAULT, NO_FUZZ.withLearningSteps(List.of())
            .withRelearningSteps(List.of()));
        Card card = noSteps.review(Card.newCard(T0), Rating.AGAIN, T0).card();
        assertThat(card.state()).isEqualTo(CardState.REVIEW);
        assertThat(card.scheduledDays()).isGreaterThanOrEqualTo(1);
        Card lapsed = noSteps.review(card, Rating.AGAIN, card.due()).card();
        assertThat(lapsed.state()).isEqualTo(CardState.REVIEW);
        assertThat(lapsed.lapses()).isEqualTo(1);
    }

    @Test
    void theMaximumIntervalCapsEveryAnswer() {
        Scheduler capped = new Scheduler(Parameters.DEFAULT, NO_FUZZ.withMaximumInterval(5));
        Card card = Card.newCard(T0);
        for (int i = 0; i < 10; i++) {
            Preview p = capped.preview(card, card.due());
            for (Rating g : Rating.values()) {
                assertThat(p.get(g).card().scheduledDays()).isLessThanOrEqualTo(5);
            }
            card = p.easy().card();
        }
        assertThat(card.scheduledDays()).isEqualTo(5);
    }

    @Test
    void aHigherDesiredRetentionGivesShorterIntervals() {
        Scheduler strict = new Scheduler(Parameters.DEFAULT, NO_FUZZ.withDesiredRetention(0.97));
        Scheduler lax = new Scheduler(Parameters.DEFAULT, NO_FUZZ.withDesiredRetention(0.8));
        Card strictCard = strict.review(Card.newCard(T0), Rating.EASY, T0).card();
        Card laxCard = lax.review(Card.newCard(T0), Rating.EASY, T0).card();
        assertThat(strictCard.scheduledDays()).isLessThan(8).isLessThan(laxCard.scheduledDays());
    }

    @ParameterizedTest
    @EnumSource(value = Fuzzing.class, names = {"SEEDED", "TS_FSRS"})
    void fuzzIsDeterministicAndStaysInItsRange(Fuzzing kind) {
        Scheduler fuzzy = new Scheduler(Parameters.DEFAULT, SchedulerSettings.defaults().withFuzzing(kind));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant now = T0.plusSeconds(i * 7919L);
            Card card = new Card(CardState.REVIEW, 0, new MemoryState(30, 5), now, now.minus(Duration.ofDays(30)),
                30, 5, 0);
            int fuzzed = fuzzy.review(card, Rating.GOOD, now).card().scheduledDays();
            int again = fuzzy.review(card, Rating.GOOD, now).card().scheduledDays();
            int plain = scheduler.review(card, Rating.GOOD, now).card().scheduledDays();
            int[] range = Fuzz.range(plain, 30, 36500);
            assertThat(fuzzed).isEqualTo(again).isBetween(range[0], range[1]);
            seen.add(fuzzed);
        }
        assertThat(seen).as("fuzz spreads intervals").hasSizeGreaterThan(3);
    }

    @Test
    void seededFuzzPicksEveryDayOfTheRangeEvenly() {
        Scheduler fuzzy = new Scheduler(Parameters.DEFAULT, SchedulerSettings.defaults());
        Card due = new Card(CardState.REVIEW, 0, new MemoryState(30, 5), T0, T0.minus(Duration.ofDays(30)), 30, 5, 0);
        int plain = scheduler.review(due, Rating.GOOD, T0).card().scheduledDays();
        int[] range = Fuzz.range(plain, 30, 36500);
        int days = range[1] - range[0] + 1;
        int reviews = 1000 * days;
        int[] counts = new int[days];
        for (int i = 0; i < reviews; i++) {
            // reviews a second apart: neighbouring seeds must not give neighbouring days
            int fuzzed = fuzzy.review(due, Rating.GOOD, T0.plusSeconds(i)).card().scheduledDays();
            counts[fuzzed - range[0]]++;
        }
        assertThat(days).as("a 30-day interval spreads over several days").isGreaterThanOrEqualTo(5);
        for (int count : counts) {
            assertThat(count).as("reviews per day of %s..%s: %s", range[0], range[1], Arrays.toString(counts))
                .isBetween(900, 1100);
        }
    }

    @Test
    void tsFsrsFuzzGivesTsFsrsIntervalsToTheDay() {
        // ts-fsrs 5.x, fsrs({enable_fuzz: true}), a new card from 2026-01-05T09:30Z answered with these ratings,
        // each review 3 hours after the card fell due; scheduled_days as ts-fsrs printed them (node, this machine).
        int[] ratings = {3, 3, 3, 3, 4, 3, 1, 3, 3, 3, 2, 3};
        int[] tsFsrs = {0, 2, 12, 52, 277, 912, 0, 10, 24, 54, 87, 161};
        Scheduler fuzzy = new Scheduler(Parameters.DEFAULT,
            SchedulerSettings.defaults().withFuzzing(Fuzzing.TS_FSRS).withDayBoundary(DayBoundary.UTC_MIDNIGHT));
        Instant now = Instant.parse("2026-01-05T09:30:00Z");
        Card card = Card.newCard(now);
        int[] ours = new int[ratings.length];
        for (int i = 0; i < ratings.length; i++) {
            card = fuzzy.review(card, Rating.of(ratings[i]), now).card();
            ours[i] = card.scheduledDays();
            now = card.due().plus(Duration.ofHours(3));
        }
        assertThat(ours).containsExactly(tsFsrs);
        assertThat(card.due()).isEqualTo(Instant.parse("2030-05-16T18:50:00Z"));
    }

    @Test
    void shortIntervalsAreNotFuzzed() {
        Scheduler fuzzy = new Scheduler(Parameters.DEFAULT, SchedulerSettings.defaults());
        Card card = fuzzy.review(Card.newCard(T0), Rating.GOOD, T0).card();
        assertThat(fuzzy.review(card, Rating.GOOD, card.due()).card().scheduledDays()).isEqualTo(2);
    }

    @Test
    void fuzzSeedsFormatNumbersAsJavaScriptDoes() {
        assertThat(Alea.jsNumber(0)).isEqualTo("0");
        assertThat(Alea.jsNumber(-0.0)).isEqualTo("0");
        assertThat(Alea.jsNumber(12)).isEqualTo("12");
        assertThat(Alea.jsNumber(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Alea.jsNumber(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(Alea.jsNumber(123456789012.5)).isEqualTo("123456789012.5");
        assertThat(Alea.jsNumber(1e-6)).isEqualTo("0.000001");
        assertThat(Alea.jsNumber(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(Alea.jsNumber(1e21)).isEqualTo("1e+21");
        assertThat(Alea.jsNumber(-2.5e22)).isEqualTo("-2.5e+22");
    }

    @Test
    void elapsedDaysFollowTheLearnersDayBoundary() {
        Scheduler berlin = new Scheduler(Parameters.DEFAULT,
            NO_FUZZ.withDayBoundary(ZoneId.of("Europe/Berlin"), 4));
        Instant evening = Instant.parse("2026-03-02T21:30:00Z"); // 22:30 in Berlin
        Card card = berlin.review(Card.newCard(evening), Rating.EASY, evening).card();
        // 03:59 Berlin the next night is still the same learner day; 04:00 is the next.
        assertThat(berlin.elapsedDays(card, Instant.parse("2026-03-03T02:59:00Z"))).isZero();
        assertThat(berlin.elapsedDays(card, Instant.parse("2026-03-03T03:00:00Z"))).isEqualTo(1);
        assertThat(berlin.retrievability(card, Instant.parse("2026-03-03T02:59:00Z"))).isEqualTo(1);
        assertThat(berlin.retrievability(Card.newCard(T0), T0)).isZero();
    }

    @Test
    void aReviewBeforeTheLastOneIsRejected() {
        Card card = scheduler.review(Card.newCard(T0), Rating.GOOD, T0).card();
        assertThatIllegalArgumentException()
            .isThrownBy(() -> scheduler.review(card, Rating.GOOD, T0.minusSeconds(1)))
            .withMessageContaining(T0.minusSeconds(1).toString()).withMessageContaining(T0.toString());
    }

    @Test
    void badSettingsAreRejectedNamingTheValue() {
        SchedulerSettings d = SchedulerSettings.defaults();
        assertThatIllegalArgumentException().isThrownBy(() -> d.withDesiredRetention(0))
            .withMessageContaining("0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> d.withDesiredRetention(1.01))
            .withMessageContaining("1.01");
        assertThatIllegalArgumentException().isThrownBy(() -> d.withMaximumInterval(0))
            .withMessageContaining("was 0");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> d.withLearningSteps(List.of(Duration.ofSeconds(90))))
            .withMessageContaining("PT1M30S");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> d.withRelearningSteps(List.of(Duration.ofMinutes(-5))))
            .withMessageContaining("PT-5M");
        assertThatIllegalArgumentException().isThrownBy(() -> new DayBoundary(ZoneId.of("UTC"), 24))
            .withMessageContaining("24");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new Card(CardState.REVIEW, 0, null, T0, T0, 0, 0, 0))
            .withMessageContaining("REVIEW");
    }
}
