/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

/**
 * The loss of one triangle of a {@link Learner2D} (learners.md §4.4). Every loss is computed on
 * scaled coordinates (the domain mapped to the unit square) and, where it uses values, on values
 * divided by their range.
 */
public sealed interface Learner2DLoss {

  /** Whether the loss needs the gradient estimate of learners.md §4.3 at every vertex. */
  boolean usesGradients();

  /**
   * python-adaptive's default: {@code dev·sqrt(A) + 0.3·A}, where {@code dev} is the deviation of
   * the values from the linear estimate through each vertex's gradient, and {@code A} the area.
   */
  record Default() implements Learner2DLoss {
    @Override
    public boolean usesGradients() {
      return true;
    }
  }

  /** {@code sqrt(A)}: the triangles are refined evenly, whatever the function does. */
  record Uniform() implements Learner2DLoss {
    @Override
    public boolean usesGradients() {
      return false;
    }
  }

  /**
   * The default loss, then 0 for triangles with an area below {@code minDistance²} and infinite
   * above {@code maxDistance²} (the second rule wins). Distances are in scaled units: the domain
   * is the unit square.
   *
   * @param minDistance triangles smaller than this squared are never refined; 0 for no minimum
   * @param maxDistance triangles larger than this squared are refined first; 1 for no maximum
   */
  record Resolution(double minDistance, double maxDistance) implements Learner2DLoss {
    public Resolution {
      if (!(minDistance >= 0) || !(maxDistance > minDistance)) {
        throw new IllegalArgumentException(
            "resolution(" + minDistance + ", " + maxDistance
                + ") needs 0 <= minDistance < maxDistance; for example resolution(0.01, 1.0)");
      }
    }

    @Override
    public boolean usesGradients() {
      return true;
    }
  }

  /**
   * The area of the triangle lifted into (x, y, value) space, values divided by their range; for
   * scalar functions only.
   */
  record MinimizeTriangleSurface() implements Learner2DLoss {
    @Override
    public boolean usesGradients() {
      return false;
    }
  }

  /**
   * The default loss, multiplied by {@code priorityFactor} for a triangle whose raw values (every
   * component of its three vertices) all lie below {@code lower}, and again if they all lie above
   * {@code upper}.
   *
   * @param lower the lower threshold; {@code Double.NEGATIVE_INFINITY} for none
   * @param upper the upper threshold; {@code Double.POSITIVE_INFINITY} for none
   * @param priorityFactor the factor, python-adaptive's default is 0.1
   */
  record Thresholded(double lower, double upper, double priorityFactor) implements Learner2DLoss {
    public Thresholded {
      if (Double.isNaN(lower) || Double.isNaN(upper) || !(priorityFactor >= 0)) {
        throw new IllegalArgumentException(
            "thresholded(" + lower + ", " + upper + ", " + priorityFactor
                + ") needs thresholds that are numbers or infinite, and a factor >= 0");
      }
    }

    @Override
    public boolean usesGradients() {
      return true;
    }
  }

  /**
   * For each neighbouring triangle, the volume of the tetrahedron (in (x, y, raw values…) space,
   * Cayley–Menger) that its opposite vertex forms with this triangle; the loss is the mean of
   * those volumes. Slow, and there for parity with python-adaptive's {@code triangle_loss}.
   */
  record Triangle() implements Learner2DLoss {
    @Override
    public boolean usesGradients() {
      return false;
    }
  }
}
