/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.Learner1D;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A companion to {@link Learner1DBench} for shared machines: the same {@code ask(1)}-then-{@code
 * tell} loop, timed by the thread's CPU time instead of the wall clock, so time spent waiting for a
 * core that other processes hold is not counted (their pressure on the caches still is; GC threads
 * are not). Prints the best of several runs per N, in µs per point, for the mean from an empty
 * learner and for the last 10% before N.
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}):
 *
 * <pre>java -cp bench/target/benchmarks.jar io.adaptive.bench.Learner1DCpuTime</pre>
 */
public final class Learner1DCpuTime {

  private Learner1DCpuTime() {}

  public static void main(String[] args) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int[] sizes = {1_000, 10_000, 100_000, 1_000_000};
    int[] runs = {2_000, 200, 20, 5};
    for (int k = 0; k < sizes.length; k++) {
      int n = sizes[k];
      double bestMean = Double.POSITIVE_INFINITY;
      double bestLast = Double.POSITIVE_INFINITY;
      for (int r = 0; r < runs[k]; r++) {
        Learner1D learner = Learner1D.of(-1, 1);
        long start = threads.getCurrentThreadCpuTime();
        Learner1DBench.fill(learner, n - n / 10);
        long mid = threads.getCurrentThreadCpuTime();
        Learner1DBench.fill(learner, n);
        long end = threads.getCurrentThreadCpuTime();
        bestMean = Math.min(bestMean, (end - start) / 1e3 / n);
        bestLast = Math.min(bestLast, (end - mid) / 1e3 / (n / 10));
      }
      System.out.printf(
          Locale.ROOT,
          "N=%-8d runs=%-5d mean %.3f us/point   last 10%% %.3f us/point (thread CPU time, best"
              + " run)%n",
          n,
          runs[k],
          bestMean,
          bestLast);
    }
  }
}
