/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.LearnerND;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link LearnerNDBench} for shared machines: the same {@code ask(1)}-then-{@code
 * tell} loops, timed by the thread's CPU time instead of the wall clock, so time spent waiting for
 * a core that other processes hold is not counted (their pressure on the caches still is; GC
 * threads are not). Prints the best and the median of several runs, in µs per point, for the mean
 * from an empty learner and for the last 10% before N.
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -cp bench/target/benchmarks.jar io.adaptive.bench.LearnerNDCpuTime</pre>
 */
public final class LearnerNDCpuTime {

  private LearnerNDCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    measure(threads, "shell 3-D", 3, 10_000, 7);
    measure(threads, "ring 2-D", 2, 1_000, 30);
    measure(threads, "ring 2-D", 2, 5_000, 10);
  }

  private static void measure(ThreadMXBean threads, String what, int dim, int n, int runs) {
    double[] means = new double[runs];
    double[] lasts = new double[runs];
    for (int r = 0; r < runs; r++) {
      LearnerND learner = dim == 3
          ? LearnerND.of(new double[] {-1, -1, 0}, new double[] {1, 1, 2})
          : LearnerND.of(new double[] {-1, -1}, new double[] {1, 1});
      long start = threads.getCurrentThreadCpuTime();
      fill(learner, dim, n - n / 10);
      long mid = threads.getCurrentThreadCpuTime();
      fill(learner, dim, n);
      long end = threads.getCurrentThreadCpuTime();
      means[r] = (end - start) / 1e3 / n;
      lasts[r] = (end - mid) / 1e3 / (n / 10);
    }
    java.util.Arrays.sort(means);
    java.util.Arrays.sort(lasts);
    System.out.printf(Locale.ROOT, "%s N=%-6d runs=%-3d mean %.1f (median %.1f) us/point   last"
        + " 10%% %.1f (median %.1f) us/point (thread CPU time, best run)%n", what, n, runs,
        means[0], means[runs / 2], lasts[0], lasts[runs / 2]);
  }

  private static void fill(LearnerND learner, int dim, int n) {
    if (dim == 3) {
      LearnerNDBench.fill3D(learner, n);
    } else {
      LearnerNDBench.fill2D(learner, n);
    }
  }
}
