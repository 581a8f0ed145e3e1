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
 */
public record Progress(long epochMillis, long npoints, double loss) {}
