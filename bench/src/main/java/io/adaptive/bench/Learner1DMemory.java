/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.runtime.learn.Learner1D;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Locale;

/**
 * The heap a {@link Learner1D} holds at 10⁶ points (target: at most 300 MB): for each loss named
 * in the arguments (default: default and curvature), the used heap after a full GC, read from
 * {@link MemoryMXBean}, before creating the learner and after filling it to N points by the
 * {@code ask(1)}-then-{@code tell} loop of {@code peak}, with the learner still reachable. Its
 * difference is the learner's retained size; run it under {@code -Xmx300m} to show the whole fill,
 * array growth included, fits in 300 MB of heap.
 *
 * <pre>java -Xmx300m -cp bench/target/benchmarks.jar io.adaptive.bench.Learner1DMemory</pre>
 */
public final class Learner1DMemory {

  private Learner1DMemory() {}

  static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) {
    String[] losses = args.length > 0 ? args : new String[] {"default", "curvature"};
    int n = Integer.getInteger("points", 1_000_000);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (String name : losses) {
      long before = usedAfterGc(memory);
      Learner1D learner = Learner1D.of(-1, 1, Losses1D.of(name));
      Learner1DBench.fill(learner, n);
      long after = usedAfterGc(memory);
      System.out.printf(
          Locale.ROOT,
          "loss=%-10s N=%d points: heap used after GC %.1f MB before, %.1f MB after: the learner"
              + " holds %.1f MB (%.0f bytes per point); max heap %.0f MB%n",
          name,
          learner.npoints(),
          before / 1e6,
          after / 1e6,
          (after - before) / 1e6,
          (after - before) / (double) n,
          memory.getHeapMemoryUsage().getMax() / 1e6);
      Reference.reachabilityFence(learner);
      learner = null;
    }
  }
}
