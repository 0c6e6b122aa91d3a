package org.glossa.fsrs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.glossa.fsrs.Card;
import org.glossa.fsrs.DayBoundary;
import org.glossa.fsrs.Fuzzing;
import org.glossa.fsrs.Evaluation;
import org.glossa.fsrs.Optimizer;
import org.glossa.fsrs.Parameters;
import org.glossa.fsrs.ReviewLog;
import org.glossa.fsrs.ReviewOutcome;
import org.glossa.fsrs.Scheduler;
import org.glossa.fsrs.SchedulerSettings;
import org.glossa.fsrs.TrainingItem;

/**
 * The command-line tool for researchers and operators: replays a review log through the scheduler, fits parameters
 * to it, or evaluates given parameters on it. Everything is computed before anything is printed, so a bad log gives
 * an error and a non-zero exit, never a partial result.
 */
public final class Main {

    static final String USAGE = """
        usage: java -jar glossa-fsrs.jar <command> LOG.csv [options]
          replay   LOG.csv [--timezone Z] [--day-start H] [--retention R] [--no-fuzz | --ts-fsrs-fuzz] [--parameters p1,...,p21]
                   one CSV line per review: card_id,review_time,rating,elapsed_days,state,stability,difficulty,
                   scheduled_days,due
          optimize LOG.csv [--timezone Z] [--day-start H]
                   JSON {parameters, logLoss, rmseBins, items, reviews, millis}; the metrics are null when too
                   few items pass fsrs-rs's outlier filter
          evaluate LOG.csv --parameters p1,...,p21 [--timezone Z] [--day-start H]
                   the same JSON for the given parameters
        LOG.csv has a header with card_id,review_time,review_rating (review_duration and review_state optional);
        times are ISO-8601 with offset or epoch milliseconds; ratings 1-4, 0 = manual (skipped).
        Days start at --day-start (default 4) o'clock in --timezone (default UTC). Replay fuzzes intervals with a
        fast seeded generator; --ts-fsrs-fuzz uses ts-fsrs's own (same days as ts-fsrs), --no-fuzz none.""";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit code (0 ok, 1 bad log or file, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        CsvReviewLog.Parsed log;
        try (Reader reader = Files.newBufferedReader(options.log, StandardCharsets.UTF_8)) {
            log = CsvReviewLog.read(reader);
        } catch (NoSuchFileException e) {
            err.println("error: no such file " + options.log);
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read " + options.log + ": " + e.getMessage());
            return 1;
        } catch (CsvReviewLog.MalformedLogException e) {
            err.println("error: " + options.log + " " + e.getMessage());
            return 1;
        }
        try {
            String result = switch (options.command) {
                case "replay" -> replay(log.entries(), options);
                case "optimize" -> optimize(log.entries(), options);
                default -> evaluate(log.entries(), options);
            };
            out.print(result);
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static String replay(List<ReviewLog.Entry> entries, Options options) {
        SchedulerSettings settings = SchedulerSettings.defaults().withDayBoundary(options.days)
            .withDesiredRetention(options.retention).withFuzzing(options.fuzz);
        Scheduler scheduler = new Scheduler(options.parameters, settings);
        List<ReviewLog.Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(ReviewLog.Entry::time));
        Map<String, Card> cards = new HashMap<>();
        StringBuilder sb = new StringBuilder(
            "card_id,review_time,rating,elapsed_days,state,stability,difficulty,scheduled_days,due\n");
        for (ReviewLog.Entry e : ordered) {
            Card card = cards.computeIfAbsent(e.cardId(), id -> Card.newCard(e.time()));
            ReviewOutcome o = scheduler.review(card, e.rating(), e.time());
            cards.put(e.cardId(), o.card());
            Card c = o.card();
            sb.append(csv(e.cardId())).append(',').append(e.time()).append(',').append(e.rating().grade())
                .append(',').append(o.elapsedDays()).append(',').append(stateName(c)).append(',')
                .append(number(c.memory().stability())).append(',').append(number(c.memory().difficulty()))
                .append(',').append(c.scheduledDays()).append(',').append(c.due()).append('\n');
        }
        return sb.toString();
    }

    private static String optimize(List<ReviewLog.Entry> entries, Options options) {
        long started = System.nanoTime();
        List<TrainingItem> items = ReviewLog.items(entries, options.days);
        Parameters fitted = new Optimizer().optimize(items).parameters();
        return metricsJson(fitted, items, entries.size(), started);
    }

    private static String evaluate(List<ReviewLog.Entry> entries, Options options) {
        long started = System.nanoTime();
        return metricsJson(options.parameters, ReviewLog.items(entries, options.days), entries.size(), started);
    }

    private static String metricsJson(Parameters parameters, List<TrainingItem> items, int reviews, long started) {
        StringBuilder sb = new StringBuilder("{\"parameters\":[");
        double[] w = parameters.toArray();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : ",").append(number(w[i]));
        }
        sb.append("],");
        Evaluation.Metrics m = null;
        try {
            m = Evaluation.evaluate(parameters, items);
        } catch (IllegalArgumentException e) {
            // too little data: like fsrs-rs, no metrics rather than made-up ones
        }
        if (m == null) {
            sb.append("\"logLoss\":null,\"rmseBins\":null,");
        } else {
            sb.append("\"logLoss\":").append(number(m.logLoss())).append(",\"rmseBins\":").append(number(m.rmseBins()))
                .append(',');
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return sb.append("\"items\":").append(items.size()).append(",\"reviews\":").append(reviews)
            .append(",\"millis\":").append(millis).append("}\n").toString();
    }

    private static String stateName(Card card) {
        String name = card.state().name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** Shortest round-trip decimal, without exponent (valid in JSON and CSV alike). */
    static String number(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not a finite number: " + x);
        }
        return x == 0 ? "0" : new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"")
            ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    /** The parsed command line. */
    private record Options(String command, Path log, DayBoundary days, double retention, Fuzzing fuzz,
                           Parameters parameters) {

        static Options parse(String[] args) {
            if (args.length < 2) {
                throw new IllegalArgumentException(args.length == 0 ? "no command given" : "no log file given");
            }
            String command = args[0];
            if (!List.of("replay", "optimize", "evaluate").contains(command)) {
                throw new IllegalArgumentException("unknown command '" + command + "'");
            }
            Path log = Path.of(args[1]);
            ZoneId zone = ZoneOffset.UTC;
            int dayStart = DayBoundary.DEFAULT_START_HOUR;
            double retention = SchedulerSettings.defaults().desiredRetention();
            Fuzzing fuzz = Fuzzing.SEEDED;
            Parameters parameters = null;
            for (int i = 2; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--no-fuzz") || option.equals("--ts-fsrs-fuzz")) {
                    if (!command.equals("replay")) {
                        throw new IllegalArgumentException(option + " applies to replay only");
                    }
                    if (fuzz != Fuzzing.SEEDED) {
                        throw new IllegalArgumentException("choose one of --no-fuzz and --ts-fsrs-fuzz");
                    }
                    fuzz = option.equals("--no-fuzz") ? Fuzzing.OFF : Fuzzing.TS_FSRS;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--timezone" -> {
                        try {
                            zone = ZoneId.of(value);
                        } catch (DateTimeException e) {
                            throw new IllegalArgumentException("unknown time zone '" + value + "'");
                        }
                    }
                    case "--day-start" -> dayStart = integer(option, value);
                    case "--retention" -> {
                        if (!command.equals("replay")) {
                            throw new IllegalArgumentException("--retention applies to replay only");
                        }
                        retention = decimal(option, value);
                    }
                    case "--parameters" -> {
                        if (command.equals("optimize")) {
                            throw new IllegalArgumentException("optimize finds the parameters; --parameters is for "
                                + "replay and evaluate");
                        }
                        parameters = parameters(value);
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + option + "'");
                }
            }
            if (command.equals("evaluate") && parameters == null) {
                throw new IllegalArgumentException("evaluate needs --parameters p1,...,p21");
            }
            DayBoundary days = new DayBoundary(zone, dayStart);
            // validates the retention with the scheduler's own rule
            SchedulerSettings.defaults().withDesiredRetention(retention);
            return new Options(command, log, days, retention, fuzz,
                parameters == null ? Parameters.DEFAULT : parameters);
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " expects a whole number, got '" + value + "'");
            }
        }

        private static double decimal(String option, String value) {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " expects a number, got '" + value + "'");
            }
        }

        private static Parameters parameters(String value) {
            String[] parts = value.split(",");
            double[] w = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                w[i] = decimal("--parameters", parts[i].trim());
            }
            return Parameters.of(w);
        }
    }
}
