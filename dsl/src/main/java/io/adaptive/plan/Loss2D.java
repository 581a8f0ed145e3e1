/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * How a 2-D learner ranks its triangles for refinement: python-adaptive's {@code Learner2D}
 * losses. Every loss is computed with the domain scaled to the unit square and values divided by
 * their range.
 */
public sealed interface Loss2D {

  /** Walks the loss's name and parameters (see {@link LearnerSpec#define}). */
  void define(Definition definition);

  /**
   * python-adaptive's default: {@code dev·sqrt(A) + 0.3·A}, {@code dev} the deviation of the values
   * from the linear estimate through each vertex's gradient, {@code A} the triangle's area.
   */
  record Default() implements Loss2D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "default");
    }
  }

  /** {@code sqrt(A)}: triangles are refined evenly, whatever the function does. */
  record Uniform() implements Loss2D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "uniform");
    }
  }

  /**
   * The default loss, but 0 for triangles with an area below {@code minDistance²} and infinite
   * above {@code maxDistance²}; distances are fractions of the (unit-square) domain.
   */
  record Resolution(double minDistance, double maxDistance) implements Loss2D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "resolution").number("minDistance", minDistance)
          .number("maxDistance", maxDistance);
    }
  }

  /** The area of the triangle lifted into (x, y, value) space; for scalar functions only. */
  record MinimizeTriangleSurface() implements Loss2D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "minimizeTriangleSurface");
    }
  }

  /**
   * The default loss, multiplied by {@code priorityFactor} for a triangle whose values all lie
   * below {@code lower}, and again if they all lie above {@code upper}.
   */
  record Thresholded(double lower, double upper, double priorityFactor) implements Loss2D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "thresholded").number("lower", lower).number("upper", upper)
          .number("priorityFactor", priorityFactor);
    }
  }

  /** The mean volume of the tetrahedra formed with the neighbouring triangles; slow. */
  record Triangle() implements Loss2D {
    @Override
    public void define(Definition definition) {
      definition.text("loss", "triangle");
    }
  }
}
