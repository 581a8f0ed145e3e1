/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.Learner1D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The CPU-time companion of {@link LearnerFamilyBench} and {@link RunnerOverheadBench}, for shared
 * machines: best of several runs, in µs per point. The learners' loops are timed by the calling
 * thread's CPU time; the runner and its direct twin by the CPU time of the whole process ({@code
 * com.sun.management.OperatingSystemMXBean}), because the runner works on several threads (JIT and
 * GC threads count there too, for both).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.adaptive.bench.LearnerFamilyCpuTime</pre>
 */
public final class LearnerFamilyCpuTime {

  private LearnerFamilyCpuTime() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  public static void main(String[] args) throws IOException {
    threadCpu("average", 1_000, 2_000, LearnerFamilyBench::fillAverage);
    threadCpu("average", 100_000, 30, LearnerFamilyBench::fillAverage);
    threadCpu("average1D", 1_000, 100, LearnerFamilyBench::fillAverage1D);
    threadCpu("average1D", 10_000, 10, LearnerFamilyBench::fillAverage1D);
    threadCpu("balancing100", 10_000, 20, n -> LearnerFamilyBench.fillBalancing(100, n));
    threadCpu("balancing100", 100_000, 3, n -> LearnerFamilyBench.fillBalancing(100, n));
    for (int n : new int[] {10_000, 100_000}) {
      processCpu("direct", n, 10, k -> Learner1DBench.fill(Learner1D.of(-1, 1), k));
      processCpu("runner", n, 10, LearnerFamilyCpuTime::runner);
    }
  }

  private static void runner(int n) {
    try {
      Path dir = Files.createTempDirectory("runner-cpu");
      RunnerOverheadBench.runInProcess(dir, n);
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void threadCpu(String name, int n, int runs, IntConsumer loop) {
    double best = Double.POSITIVE_INFINITY;
    for (int r = 0; r < runs; r++) {
      long start = THREADS.getCurrentThreadCpuTime();
      loop.accept(n);
      best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / n);
    }
    System.out.printf(
        Locale.ROOT,
        "%-13s N=%-7d runs=%-5d %.3f us/point (thread CPU time, best run)%n",
        name,
        n,
        runs,
        best);
  }

  private static void processCpu(String name, int n, int runs, IntConsumer loop) {
    double best = Double.POSITIVE_INFINITY;
    double bestWall = Double.POSITIVE_INFINITY;
    for (int r = 0; r < runs; r++) {
      long start = OS.getProcessCpuTime();
      long wall = System.nanoTime();
      loop.accept(n);
      bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e3 / n);
      best = Math.min(best, (OS.getProcessCpuTime() - start) / 1e3 / n);
    }
    System.out.printf(
        Locale.ROOT,
        "%-13s N=%-7d runs=%-5d %.3f us/point (process CPU time, best run); wall clock best %.3f"
            + " us/point%n",
        name,
        n,
        runs,
        best,
        bestWall);
  }
}
