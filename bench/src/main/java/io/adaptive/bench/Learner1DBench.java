/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.Learner1D;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-point overhead of {@link Learner1D} in the {@code ask(1)}-then-{@code tell} loop with the
 * cheap {@code peak} function, the figure python-adaptive reports in learners.md §13 (69 / 93 / 110
 * µs per point at N = 1e3 / 1e4 / 1e5). Every score is in µs <em>per point</em>, function call
 * included.
 *
 * <ul>
 *   <li>{@code fromEmpty_N}: the mean per point from an empty learner to N points (average time of
 *       whole runs, divided by N through {@code @OperationsPerInvocation}).
 *   <li>{@code last10pct_N}: the marginal cost over the last 10% of points before N. A fresh
 *       learner is filled to 0.9·N in an untimed per-invocation setup, and one timed single shot
 *       adds the last 0.1·N points; each iteration is a batch of such shots, divided by all the
 *       points timed in them.
 *   <li>{@code peakOnly_1e5}: the function alone over 1e5 points, the floor under the others.
 * </ul>
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -jar bench/target/benchmarks.jar Learner1DBench -f 1 -rf json</pre>
 *
 * Iterations and batch sizes are set per method below, so do not pass {@code -wi}, {@code -i} or
 * {@code -bs}. The whole run takes about three minutes. Many short iterations, because the machine
 * it was written on is shared: the median iteration, in the JSON of {@code -rf json}, resists
 * interference better than the mean.
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Learner1DBench {

  /** reference/README.md: peak(x) = x + (a*a) / (a*a + x*x), a = 0.01. */
  static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  static Learner1D fill(Learner1D learner, int n) {
    for (long i = learner.npoints(); i < n; i++) {
      double x = learner.askPoints(1)[0];
      learner.tell(x, peak(x));
    }
    return learner;
  }

  // ---------------------------------------------------------------- (a) mean from empty to N

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 15, time = 300, timeUnit = TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(1_000)
  public Learner1D fromEmpty_1e3() {
    return fill(Learner1D.of(-1, 1), 1_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 15, time = 300, timeUnit = TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(10_000)
  public Learner1D fromEmpty_1e4() {
    return fill(Learner1D.of(-1, 1), 10_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 15, time = 300, timeUnit = TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(100_000)
  public Learner1D fromEmpty_1e5() {
    return fill(Learner1D.of(-1, 1), 100_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 10, time = 1)
  @OperationsPerInvocation(1_000_000)
  public Learner1D fromEmpty_1e6() {
    return fill(Learner1D.of(-1, 1), 1_000_000);
  }

  // ---------------------------------------------------------------- (b) last 10% before N
  // A single-shot iteration times each shot of its batch without the per-invocation setup, adds
  // the times, and divides by @OperationsPerInvocation alone (not by the batch size; see the
  // generated *_ss_jmhStub and RawResults.getTime()). So that number is points per shot × batch.

  /** A learner filled to 0.9·N before every timed invocation, outside the measurement. */
  @State(Scope.Thread)
  public abstract static class Prefilled {
    Learner1D learner;

    abstract int n();

    @Setup(Level.Invocation)
    public void prefill() {
      learner = fill(Learner1D.of(-1, 1), n() - n() / 10);
    }

    Learner1D finish() {
      return fill(learner, n());
    }
  }

  /** N = 1e3. */
  public static class Prefilled1e3 extends Prefilled {
    @Override
    int n() {
      return 1_000;
    }
  }

  /** N = 1e4. */
  public static class Prefilled1e4 extends Prefilled {
    @Override
    int n() {
      return 10_000;
    }
  }

  /** N = 1e5. */
  public static class Prefilled1e5 extends Prefilled {
    @Override
    int n() {
      return 100_000;
    }
  }

  /** N = 1e6. */
  public static class Prefilled1e6 extends Prefilled {
    @Override
    int n() {
      return 1_000_000;
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 5, batchSize = 200)
  @Measurement(iterations = 20, batchSize = 200)
  @OperationsPerInvocation(100 * 200)
  public Learner1D last10pct_1e3(Prefilled1e3 state) {
    return state.finish();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 5, batchSize = 20)
  @Measurement(iterations = 20, batchSize = 20)
  @OperationsPerInvocation(1_000 * 20)
  public Learner1D last10pct_1e4(Prefilled1e4 state) {
    return state.finish();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 3, batchSize = 4)
  @Measurement(iterations = 12, batchSize = 4)
  @OperationsPerInvocation(10_000 * 4)
  public Learner1D last10pct_1e5(Prefilled1e5 state) {
    return state.finish();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2, batchSize = 1)
  @Measurement(iterations = 10, batchSize = 1)
  @OperationsPerInvocation(100_000 * 1)
  public Learner1D last10pct_1e6(Prefilled1e6 state) {
    return state.finish();
  }

  // ---------------------------------------------------------------- baseline

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @OperationsPerInvocation(100_000)
  public double peakOnly_1e5() {
    double sum = 0;
    for (int i = 0; i < 100_000; i++) {
      double x = -1 + i * 2e-5;
      sum += peak(x);
    }
    return sum;
  }
}
