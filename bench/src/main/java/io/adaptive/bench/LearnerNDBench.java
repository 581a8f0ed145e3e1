/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.LearnerND;
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
 * The per-point overhead of {@link LearnerND} in the {@code ask(1)}-then-{@code tell} loop, default
 * loss. python-adaptive's LearnerND (2-D ring) costs 939 µs per point on average to 1 000 points
 * and 1 030 µs per point marginally at 5 000 (learners.md §13, learnerND_timing.csv); it has no
 * 3-D figure. Scores are µs per point, function call included.
 *
 * <ul>
 *   <li>{@code shell3D_last10pct_10000}: the marginal cost of points 9 001–10 000 in 3-D (a sharp
 *       spherical shell on a tilted plane over a box); the learner is filled to 9 000 points in an
 *       untimed per-invocation setup. The target is 50 µs per point.
 *   <li>{@code shell3D_fromEmpty_10000}: the mean per point from an empty 3-D learner to 10 000.
 *   <li>{@code ring2D_fromEmpty_1000} and {@code ring2D_last10pct_5000}: the 2-D ring, the loops
 *       python-adaptive was timed on.
 * </ul>
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -jar bench/target/benchmarks.jar LearnerNDBench -f 1 -wi 2 -i 3 -rf json</pre>
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LearnerNDBench {

  private static final double[] LO3 = {-1, -1, 0};
  private static final double[] HI3 = {1, 1, 2};
  private static final double[] LO2 = {-1, -1};
  private static final double[] HI2 = {1, 1};

  /** A spherical shell of radius √0.5 around (0, 0, 1), on the plane value = x. */
  static double shell(double[] p) {
    double z = p[2] - 1;
    double r = p[0] * p[0] + p[1] * p[1] + z * z - 0.5;
    return p[0] + Math.exp(-(r * r) / 0.01);
  }

  /** reference/README.md: ring = x + exp(-(r*r) / a⁴), r = x² + y² − 0.75², a = 0.2. */
  static double ring(double[] p) {
    double a = 0.2;
    double r = p[0] * p[0] + p[1] * p[1] - 0.75 * 0.75;
    return p[0] + Math.exp(-(r * r) / (a * a * a * a));
  }

  static LearnerND fill3D(LearnerND learner, int n) {
    while (learner.npoints() < n) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, shell(p));
    }
    return learner;
  }

  static LearnerND fill2D(LearnerND learner, int n) {
    while (learner.npoints() < n) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, ring(p));
    }
    return learner;
  }

  /** A 3-D learner at 9 000 points, made fresh for every invocation. */
  @State(Scope.Thread)
  public static class At9000 {
    LearnerND learner;

    @Setup(Level.Invocation)
    public void fill() {
      learner = fill3D(LearnerND.of(LO3, HI3), 9_000);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 5)
  @Measurement(iterations = 20)
  @OperationsPerInvocation(1_000)
  public LearnerND shell3D_last10pct_10000(At9000 state) {
    return fill3D(state.learner, 10_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 3)
  @Measurement(iterations = 10)
  @OperationsPerInvocation(10_000)
  public LearnerND shell3D_fromEmpty_10000() {
    return fill3D(LearnerND.of(LO3, HI3), 10_000);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @OperationsPerInvocation(1_000)
  public LearnerND ring2D_fromEmpty_1000() {
    return fill2D(LearnerND.of(LO2, HI2), 1_000);
  }

  /** A 2-D learner at 4 500 points, made fresh for every invocation. */
  @State(Scope.Thread)
  public static class At4500 {
    LearnerND learner;

    @Setup(Level.Invocation)
    public void fill() {
      learner = fill2D(LearnerND.of(LO2, HI2), 4_500);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 5)
  @Measurement(iterations = 20)
  @OperationsPerInvocation(500)
  public LearnerND ring2D_last10pct_5000(At4500 state) {
    return fill2D(state.learner, 5_000);
  }
}
