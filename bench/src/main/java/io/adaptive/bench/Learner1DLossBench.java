/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.plan.Loss1D;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Learner1DBench} for every interval loss: the per-point cost of {@link Learner1D}'s {@code
 * ask(1)}-then-{@code tell} loop with the cheap {@code peak} function on (−1, 1), function call
 * included, in µs <em>per point</em>, for each {@link Loss1D} (the {@code loss} parameter, see
 * {@link Losses1D#of}) at N = 1e3, 1e4, 1e5 and 1e6.
 *
 * <ul>
 *   <li>{@code fromEmpty_N}: the mean per point from an empty learner to N points.
 *   <li>{@code last10pct_N}: the marginal cost of the last 10% of points before N; a fresh learner
 *       is filled to 0.9·N in an untimed per-invocation setup (see {@link Learner1DBench} for how
 *       the single-shot scores are divided).
 * </ul>
 *
 * <p>Targets: at most 1 µs per point at 1e5 and at most 3× growth from 1e3 to 1e6, for every loss.
 * Fewer iterations than {@link Learner1DBench}, so that the 48 forks take about six minutes. Run
 * it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -jar bench/target/benchmarks.jar Learner1DLossBench -f 1 -rf json</pre>
 *
 * <p>Iterations and batch sizes are set per method, so do not pass {@code -wi}, {@code -i} or
 * {@code -bs}; {@code -p loss=curvature} runs one loss. The thread-CPU-time companion for shared
 * machines is {@link Learner1DLossCpuTime}.
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Learner1DLossBench {

  @Param({"default", "uniform", "curvature", "triangle", "absMinLog", "resolution"})
  public String loss;

  Loss1D lossFn;

  @Setup(Level.Trial)
  public void chooseLoss() {
    lossFn = Losses1D.of(loss);
  }

  Learner1D empty() {
    return Learner1D.of(-1, 1, lossFn);
  }

  // ---------------------------------------------------------------- (a) mean from empty to N

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
  @Measurement(iterations = 8, time = 250, timeUnit = TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(1_000)
  public Learner1D fromEmpty_1e3() {
    return Learner1DBench.fill(empty(), 1_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
  @Measurement(iterations = 8, time = 250, timeUnit = TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(10_000)
  public Learner1D fromEmpty_1e4() {
    return Learner1DBench.fill(empty(), 10_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
  @Measurement(iterations = 8, time = 250, timeUnit = TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(100_000)
  public Learner1D fromEmpty_1e5() {
    return Learner1DBench.fill(empty(), 100_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  @OperationsPerInvocation(1_000_000)
  public Learner1D fromEmpty_1e6() {
    return Learner1DBench.fill(empty(), 1_000_000);
  }

  // ---------------------------------------------------------------- (b) last 10% before N

  /** A learner with this trial's loss, filled to 0.9·N before every timed invocation. */
  @State(Scope.Thread)
  public abstract static class Prefilled {
    Learner1D learner;

    abstract int n();

    @Setup(Level.Invocation)
    public void prefill(Learner1DLossBench bench) {
      learner = Learner1DBench.fill(bench.empty(), n() - n() / 10);
    }

    Learner1D finish() {
      return Learner1DBench.fill(learner, n());
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
  @Warmup(iterations = 3, batchSize = 200)
  @Measurement(iterations = 10, batchSize = 200)
  @OperationsPerInvocation(100 * 200)
  public Learner1D last10pct_1e3(Prefilled1e3 state) {
    return state.finish();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 3, batchSize = 20)
  @Measurement(iterations = 10, batchSize = 20)
  @OperationsPerInvocation(1_000 * 20)
  public Learner1D last10pct_1e4(Prefilled1e4 state) {
    return state.finish();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2, batchSize = 4)
  @Measurement(iterations = 6, batchSize = 4)
  @OperationsPerInvocation(10_000 * 4)
  public Learner1D last10pct_1e5(Prefilled1e5 state) {
    return state.finish();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1, batchSize = 1)
  @Measurement(iterations = 4, batchSize = 1)
  @OperationsPerInvocation(100_000 * 1)
  public Learner1D last10pct_1e6(Prefilled1e6 state) {
    return state.finish();
  }
}
