/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.Learner1D;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@link Learner1DCpuTime} for every loss of {@link Learner1DLossBench}: the {@code
 * ask(1)}-then-{@code tell} loop of {@code peak} on (−1, 1), timed by the thread's CPU time (so
 * waiting for a core held by other processes is not counted), best of several runs per N, in µs
 * per point, for the mean from an empty learner and for the last 10% before N. It also prints how
 * many distinct points the learner holds after N asks: fewer than N when it asks again a point it
 * knows (the triangle loss on {@code peak} past about 17 700 points, see bench/RESULTS.md).
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}); the arguments are
 * loss names, all six if none (about a minute):
 *
 * <pre>java -cp bench/target/benchmarks.jar io.adaptive.bench.Learner1DLossCpuTime [loss ...]</pre>
 */
public final class Learner1DLossCpuTime {

  private Learner1DLossCpuTime() {}

  public static void main(String[] args) {
    String[] losses = args.length > 0 ? args : Losses1D.NAMES;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int[] sizes = {1_000, 10_000, 100_000, 1_000_000};
    int[] runs = {1_000, 100, 10, 3};
    for (String name : losses) {
      for (int k = 0; k < sizes.length; k++) {
        int n = sizes[k];
        double bestMean = Double.POSITIVE_INFINITY;
        double bestLast = Double.POSITIVE_INFINITY;
        long stored = 0;
        for (int r = 0; r < runs[k]; r++) {
          Learner1D learner = Learner1D.of(-1, 1, Losses1D.of(name));
          long start = threads.getCurrentThreadCpuTime();
          Learner1DBench.fill(learner, n - n / 10);
          long mid = threads.getCurrentThreadCpuTime();
          Learner1DBench.fill(learner, n);
          long end = threads.getCurrentThreadCpuTime();
          bestMean = Math.min(bestMean, (end - start) / 1e3 / n);
          bestLast = Math.min(bestLast, (end - mid) / 1e3 / (n / 10));
          stored = learner.npoints();
        }
        System.out.printf(
            Locale.ROOT,
            "loss=%-10s N=%-8d runs=%-5d mean %.3f us/point   last 10%% %.3f us/point (thread CPU"
                + " time, best run); %d distinct points stored%n",
            name,
            n,
            runs[k],
            bestMean,
            bestLast,
            stored);
      }
    }
  }
}
