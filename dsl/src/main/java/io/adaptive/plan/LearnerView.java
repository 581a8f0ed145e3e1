/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link Goal.When custom goal} sees of a learner while it runs: read-only numbers, taken
 * between completed evaluations.
 */
public interface LearnerView {

  /** Evaluated points; for a balancing learner the total over its children. */
  long npoints();

  /** The loss over evaluated points, non-negative, possibly infinite. */
  double loss();

  /** How long the learner has run, summed over all its jobs. */
  Duration elapsed();

  /** The children of a balancing learner, in order; empty for any other learner. */
  default List<LearnerView> children() {
    return List.of();
  }
}
