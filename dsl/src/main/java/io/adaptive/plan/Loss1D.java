/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * The loss of one interval of a {@link Learner1DSpec}, as in python-adaptive's Learner1D.
 *
 * <p>Each variant names the loss and carries its parameters; the runtime maps it to the algorithm.
 */
public sealed interface Loss1D {

  /** Walks the loss's name and parameters (see {@link LearnerSpec#define}). */
  void define(Definition definition);

  /** The distance between neighbouring points in the scaled (x, y) plane; the default. */
  record Default() implements Loss1D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "default");
    }
  }

  /** The width of the interval: sample x uniformly. */
  record Uniform() implements Loss1D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "uniform");
    }
  }

  /**
   * Curvature: {@code areaFactor·sqrt(triangle) + euclidFactor·default + horizontalFactor·dx};
   * python-adaptive's defaults are 1, 0.02 and 0.02. Needs one neighbouring interval on each side.
   */
  record Curvature(double areaFactor, double euclidFactor, double horizontalFactor)
      implements Loss1D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "curvature").number("areaFactor", areaFactor)
          .number("euclidFactor", euclidFactor).number("horizontalFactor", horizontalFactor);
    }
  }

  /** The mean area of the triangles formed with the neighbouring points. */
  record Triangle() implements Loss1D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "triangle");
    }
  }

  /** The default loss on {@code log|y|}: resolves functions that span orders of magnitude. */
  record AbsMinLog() implements Loss1D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "absMinLog");
    }
  }

  /**
   * The default loss, but 0 for intervals narrower than {@code minLength} and infinite for
   * intervals wider than {@code maxLength}; both are fractions of the domain width.
   */
  record Resolution(double minLength, double maxLength) implements Loss1D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "resolution").number("minLength", minLength)
          .number("maxLength", maxLength);
    }
  }
}
