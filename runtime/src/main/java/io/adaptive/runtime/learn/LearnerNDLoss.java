/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * The loss of one simplex of a {@link LearnerND} (learners.md §5). Every loss is computed on the
 * scaled simplex (the box mapped to the unit cube) and on values multiplied by {@code 1/(max −
 * min)} of all values seen.
 */
public sealed interface LearnerNDLoss {

  /** Whether the loss also reads the vertices opposite each face (python's {@code nth_neighbors = 1}). */
  default boolean usesNeighbours() {
    return false;
  }

  /**
   * python-adaptive's default: the volume of the simplex lifted into (x, value) space, so a simplex
   * is refined where the function is steep as well as where it is large.
   */
  record Default() implements LearnerNDLoss {}

  /** The volume of the simplex: refines evenly, whatever the function does. */
  record Uniform() implements LearnerNDLoss {}

  /** {@code ‖std(values)‖ · vol^(1/d) + vol}: the spread of the vertex values, plus the volume. */
  record Std() implements LearnerNDLoss {}

  /**
   * The mean, over the simplex's face neighbours, of the volume of the simplex plus the
   * neighbour's opposite vertex, lifted into (x, value) space; 0 for a simplex without neighbours.
   */
  record Triangle() implements LearnerNDLoss {
    @Override
    public boolean usesNeighbours() {
      return true;
    }
  }

  /**
   * python-adaptive's {@code curvature_loss_function(exploration)}: {@code (triangle + exploration
   * · vol^((2+d)/d))^(1/(2+d))}.
   *
   * @param exploration the weight of the volume term, 0 or more; python's default is 0.05
   */
  record Curvature(double exploration) implements LearnerNDLoss {
    public Curvature {
      if (!(exploration >= 0) || Double.isInfinite(exploration)) {
        throw new IllegalArgumentException(
            "curvature(" + exploration + ") needs a finite exploration of 0 or more, e.g. 0.05");
      }
    }

    @Override
    public boolean usesNeighbours() {
      return true;
    }
  }
}
