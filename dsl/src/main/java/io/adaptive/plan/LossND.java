/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * How a {@link LearnerNDSpec} ranks its simplices for refinement: python-adaptive's {@code
 * LearnerND} losses. Every loss is computed with the box scaled to the unit cube and values
 * multiplied by {@code 1/(max − min)} of all values seen.
 */
public sealed interface LossND {

  /** Walks the loss's name and parameters (see {@link LearnerSpec#define}). */
  void define(Definition definition);

  /** python-adaptive's default: the volume of the simplex lifted into (x, value) space. */
  record Default() implements LossND {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "default");
    }
  }

  /** The volume of the simplex: refines evenly, whatever the function does. */
  record Uniform() implements LossND {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "uniform");
    }
  }

  /** {@code ‖std(values)‖ · vol^(1/d) + vol}. */
  record Std() implements LossND {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "std");
    }
  }

  /** The mean lifted volume of the simplex with each face neighbour's opposite vertex. */
  record Triangle() implements LossND {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "triangle");
    }
  }

  /**
   * {@code (triangle + exploration · vol^((2+d)/d))^(1/(2+d))}: python-adaptive's {@code
   * curvature_loss_function(exploration)}.
   */
  record Curvature(double exploration) implements LossND {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "curvature").number("exploration", exploration);
    }
  }
}
