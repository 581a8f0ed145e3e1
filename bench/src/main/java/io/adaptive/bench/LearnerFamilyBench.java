/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.AverageLearner;
import io.adaptive.runtime.learn.AverageLearner1D;
import io.adaptive.runtime.learn.BalancingLearner;
import io.adaptive.runtime.learn.Learner1D;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-point cost of the {@code ask(1)}-then-{@code tell} loop of the other learners, from an
 * empty learner to N points, function call included, in µs <em>per point</em>:
 *
 * <ul>
 *   <li>{@code average_N}: {@link AverageLearner} (atol = rtol = 1e-9, so it never stops) on a
 *       noisy constant, {@code ask(1, true)} then {@code tellSample}; python-adaptive's figure is
 *       8.3 / 8.3 / 8.1 µs at N = 1e3 / 1e4 / 1e5 (learners.md §13), the target 0.2 µs.
 *   <li>{@code average1D_N}: {@link AverageLearner1D} on (−1, 1), default settings and loss, on
 *       {@code peak} plus noise of amplitude 0.1, {@code ask(1, true)} then {@code tell}.
 *   <li>{@code balancing100_N}: {@link BalancingLearner#of} over 100 {@link Learner1D} children on
 *       (−1, 1) (default loss and strategy), on {@code peak}, {@code ask(1, true)} then {@code
 *       tell}; N counts the points of all children.
 * </ul>
 *
 * The noise is a fixed hash of the seed (and x), so every run asks the same points. Run it with
 * (after {@code mvn -o -q package -pl bench -am -DskipTests}; about 2 minutes):
 *
 * <pre>java -jar bench/target/benchmarks.jar LearnerFamilyBench -f 1 -rf json</pre>
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class LearnerFamilyBench {

  /** A fixed pseudo-random number in [−0.5, 0.5) from a seed: the noise of the noisy functions. */
  static double noise(long seed) {
    long z = seed * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53 - 0.5;
  }

  static AverageLearner fillAverage(int n) {
    AverageLearner learner = new AverageLearner(1e-9, 1e-9);
    for (int i = 0; i < n; i++) {
      long seed = learner.ask(1, true).points().get(0);
      learner.tellSample(seed, 1 + noise(seed));
    }
    return learner;
  }

  static AverageLearner1D fillAverage1D(int n) {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    for (int i = 0; i < n; i++) {
      AverageLearner1D.SeedX p = learner.ask(1, true).points().get(0);
      double x = p.x();
      learner.tell(
          p, Learner1DBench.peak(x) + 0.1 * noise(p.seed() ^ Double.doubleToLongBits(x)));
    }
    return learner;
  }

  static BalancingLearner<Double, Double> fillBalancing(int children, int n) {
    List<Learner1D> learners = new ArrayList<>(children);
    for (int c = 0; c < children; c++) {
      learners.add(Learner1D.of(-1, 1));
    }
    BalancingLearner<Double, Double> learner = BalancingLearner.of(learners);
    for (int i = 0; i < n; i++) {
      BalancingLearner.Indexed<Double> p = learner.ask(1, true).points().get(0);
      learner.tell(p, Learner1DBench.peak(p.point()));
    }
    return learner;
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public AverageLearner average_1e3() {
    return fillAverage(1_000);
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public AverageLearner average_1e5() {
    return fillAverage(100_000);
  }

  @Benchmark
  @OperationsPerInvocation(1_000)
  public AverageLearner1D average1D_1e3() {
    return fillAverage1D(1_000);
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public AverageLearner1D average1D_1e4() {
    return fillAverage1D(10_000);
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public BalancingLearner<Double, Double> balancing100_1e4() {
    return fillBalancing(100, 10_000);
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public BalancingLearner<Double, Double> balancing100_1e5() {
    return fillBalancing(100, 100_000);
  }
}
