package org.glossa.benchmarks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.glossa.answers.AnswerChecker;
import org.glossa.answers.Check;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long one answer check takes for a typical phrase against 20 accepted answers (the target is under 50 µs). The
 * checker reads all accepted answers on every call, as the server calls it, so nothing is cached between
 * invocations. What is typed matches (or nearly matches) the last alternative, so every case reads all 20; the wrong
 * answer also measures the edit distance to each of them to show the closest.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AnswerCheckerBenchmark {

    /** Twenty ways to say one Spanish sentence, some in editor shorthand, as a course would list them. */
    private static final List<String> ACCEPTED = List.of(
            "Yo estoy haciendo este ejercicio ahora",
            "Estoy haciendo este ejercicio ahora",
            "Yo estoy haciendo este entrenamiento ahora",
            "Estoy haciendo este entrenamiento ahora",
            "Ahora (yo) estoy haciendo este ejercicio",
            "Ahora estoy haciendo este entrenamiento",
            "Yo hago este ejercicio ahora",
            "Hago este ejercicio ahora",
            "Yo hago este entrenamiento ahora",
            "Hago este entrenamiento ahora",
            "Ahora hago este ejercicio",
            "Ahora hago este entrenamiento",
            "Yo estoy realizando este ejercicio ahora",
            "Estoy realizando este ejercicio ahora",
            "Yo realizo este ejercicio ahora",
            "Realizo este ejercicio ahora",
            "En este momento estoy haciendo este ejercicio",
            "En este momento hago este ejercicio",
            "Yo estoy practicando este ejercicio ahora",
            "Él está practicando este ejercicio en este momento");

    private static final Set<String> VOCABULARY = Set.of("yo", "estoy", "haciendo", "este", "ejercicio", "ahora",
            "entrenamiento", "hago", "realizando", "realizo", "en", "momento", "practicando", "el", "la", "los", "las",
            "perro", "gato", "caballo", "casa", "comer", "comida", "agua", "libro", "ejercicios", "esta", "está");

    private AnswerChecker checker;

    @Setup
    public void setUp() {
        checker = new AnswerChecker("es", VOCABULARY);
    }

    @Benchmark
    public Check correct() {
        return checker.check("él está practicando este ejercicio en este momento", ACCEPTED);
    }

    @Benchmark
    public Check accent() {
        return checker.check("el esta practicando este ejercicio en este momento", ACCEPTED);
    }

    @Benchmark
    public Check typo() {
        return checker.check("Él está practicando este ejercicoi en este momento", ACCEPTED);
    }

    @Benchmark
    public Check wrong() {
        return checker.check("El perro come la comida en la casa", ACCEPTED);
    }
}
