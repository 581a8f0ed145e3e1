/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

/**
 * One progress report of a learner.
 *
 * @param epochMillis when it was reported, milliseconds since the epoch
 * @param npoints evaluated points
 * @param loss the loss of the evaluated points; infinite before the learner has a finite loss
 * @param cpuNanos CPU time its worker process had used, in nanoseconds (0 if unknown)
 * @param heapBytes heap its worker JVM had in use, in bytes (0 if unknown)
 */
public record Progress(long epochMillis, long npoints, double loss, long cpuNanos, long heapBytes) {

  /** A report without CPU and memory figures. */
  public Progress(long epochMillis, long npoints, double loss) {
    this(epochMillis, npoints, loss, 0, 0);
  }
}
