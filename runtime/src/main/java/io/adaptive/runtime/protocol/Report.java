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
 */
public record Report(long npoints, double loss, long elapsedNanos) {}
