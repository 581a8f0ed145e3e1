/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

/**
 * What a worker says about its learner.
 *
 * @param npoints evaluated points
 * @param loss loss of the evaluated points (may be infinite)
 * @param elapsedNanos time the learner has run, summed over all its jobs
 * @param cpuNanos CPU time the worker's process has used, in nanoseconds (0 if unknown)
 * @param heapBytes heap the worker's JVM has in use, in bytes (0 if unknown)
 */
public record Report(long npoints, double loss, long elapsedNanos, long cpuNanos, long heapBytes) {

  /** A report without CPU and memory figures. */
  public Report(long npoints, double loss, long elapsedNanos) {
    this(npoints, loss, elapsedNanos, 0, 0);
  }
}
