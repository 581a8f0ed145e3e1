/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.Learner2D;
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
 * The per-point overhead of {@link Learner2D} in the {@code ask(1)}-then-{@code tell} loop on the
 * ring (a = 0.2, (−1, 1)²), the figures python-adaptive reports in learners.md §13 (1 766 µs mean
 * and 4 649 µs marginal per point at 5 000 points; one full {@code loss()} at 5 000 points 63 ms).
 * Scores are µs per point unless noted, function call included.
 *
 * <ul>
 *   <li>{@code fromEmpty_5000}: the mean per point from an empty learner to 5 000 points.
 *   <li>{@code last10pct_5000}: the marginal cost of points 4 501–5 000; the learner is filled to
 *       4 500 points in an untimed per-invocation setup.
 *   <li>{@code lossAfterTell_5000}: one {@code loss()} at 5 000 points right after a tell (an
 *       untimed per-invocation setup asks and tells one point), so it includes bringing the
 *       triangle losses up to date around that point, as a loss goal checked after every tell
 *       would.
 *   <li>{@code trivialMillion}: one shot, seconds to fill a learner to 10⁶ points with f = x·y.
 * </ul>
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -jar bench/target/benchmarks.jar Learner2DBench -f 1 -rf json</pre>
 *
 * Iterations are set per method below, so do not pass {@code -wi} or {@code -i}. The whole run
 * takes about four minutes.
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class Learner2DBench {

  /** reference/README.md: ring(x, y) = x + exp(-(r*r) / a⁴), r = x² + y² − 0.75², a = 0.2. */
  static double ring(double x, double y) {
    double a = 0.2;
    double r = x * x + y * y - 0.75 * 0.75;
    return x + Math.exp(-(r * r) / (a * a * a * a));
  }

  static Learner2D fill(Learner2D learner, int n) {
    for (long i = learner.npoints(); i < n; i++) {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], ring(p[0], p[1]));
    }
    return learner;
  }

  // ---------------------------------------------------------------- mean from empty

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  @OperationsPerInvocation(5_000)
  public Learner2D fromEmpty_5000() {
    return fill(Learner2D.of(-1, 1, -1, 1), 5_000);
  }

  // ---------------------------------------------------------------- marginal, last 10%

  /** A learner at 4 500 points, made fresh for every invocation. */
  @State(Scope.Thread)
  public static class At4500 {
    Learner2D learner;

    @Setup(Level.Invocation)
    public void fill() {
      learner = Learner2DBench.fill(Learner2D.of(-1, 1, -1, 1), 4_500);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 20)
  @Measurement(iterations = 60)
  @OperationsPerInvocation(500)
  public Learner2D last10pct_5000(At4500 state) {
    return fill(state.learner, 5_000);
  }

  // ---------------------------------------------------------------- loss()

  /** A learner at 5 000 points that was just told one more point. */
  @State(Scope.Thread)
  public static class At5000 {
    Learner2D learner;

    @Setup(Level.Iteration)
    public void fill() {
      learner = Learner2DBench.fill(Learner2D.of(-1, 1, -1, 1), 5_000);
    }

    @Setup(Level.Invocation)
    public void tellOne() {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], ring(p[0], p[1]));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  public double lossAfterTell_5000(At5000 state) {
    return state.learner.loss();
  }

  // ---------------------------------------------------------------- a million points

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public Learner2D trivialMillion() {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    for (int i = 0; i < 1_000_000; i++) {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], p[0] * p[1]);
    }
    return learner;
  }
}
