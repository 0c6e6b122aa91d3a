package org.glossa.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.glossa.fsrs.Evaluation;
import org.glossa.fsrs.Optimizer;
import org.glossa.fsrs.Parameters;
import org.glossa.fsrs.TrainingItem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long fitting a learner's parameters takes (the targets, issue 4: 10,000 cards with about 110,000 reviews in
 * under 1 second, 100,000 cards with about 1.1 million in under 10). The log is a {@link SyntheticLog} of 11 reviews
 * per card, simulated and turned into items once per trial; only {@code new Optimizer().optimize(items)} is timed,
 * one call per iteration. Each trial prints the log's sizes and the log loss the fitted parameters reach (and, for
 * comparison, that of the default parameters the learner was simulated with). Each iteration also prints the CPU time
 * the call took, which on a busy machine is less than the wall-clock time JMH reports.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class OptimizerBenchmark {

    private static final int REVIEWS_PER_CARD = 11;

    @Param({"10000", "100000"})
    public int cards;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private List<TrainingItem> items;
    private Optimizer.Result result;
    private long cpuNanosBefore;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticLog log = SyntheticLog.simulate(cards, REVIEWS_PER_CARD, 2026);
        items = log.items();
        System.out.printf(Locale.ROOT, "%nsynthetic log: %d cards, %d reviews, %d items%n", cards, log.reviewCount(),
            items.size());
    }

    // Iteration fixtures run on the benchmark thread, just outside the timed call.
    @Setup(Level.Iteration)
    public void startCpuClock() {
        cpuNanosBefore = threads.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void printCpuTime() {
        double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuNanosBefore) / 1e6;
        System.out.printf(Locale.ROOT, "(CPU time %.0f ms) ", cpuMillis);
    }

    @Benchmark
    public Optimizer.Result optimize() {
        result = new Optimizer().optimize(items);
        return result;
    }

    @TearDown(Level.Trial)
    public void printLogLoss() {
        Evaluation.Metrics fitted = Evaluation.evaluate(result.parameters(), items);
        Evaluation.Metrics defaults = Evaluation.evaluate(Parameters.DEFAULT, items);
        System.out.printf(Locale.ROOT, "%nfitted on %d items (trained: %s): log loss %.6f, RMSE(bins) %.6f; "
                + "default parameters: log loss %.6f, RMSE(bins) %.6f%n", result.trainItems(), result.trained(),
            fitted.logLoss(), fitted.rmseBins(), defaults.logLoss(), defaults.rmseBins());
    }
}
