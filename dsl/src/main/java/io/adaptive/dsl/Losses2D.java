/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss2D;

/**
 * The losses of {@link Adaptive#learner2D}; {@link Adaptive} forwards here. Parameters are recorded
 * as given and checked by {@link Experiment#compile()}.
 */
public final class Losses2D {

  private Losses2D() {}

  /** python-adaptive's default 2-D loss. @return the loss */
  public static Loss2D defaultLoss() {
    return new Loss2D.Default();
  }

  /** {@code sqrt(area)}: refines evenly. @return the loss */
  public static Loss2D uniform() {
    return new Loss2D.Uniform();
  }

  /**
   * The default loss with a smallest and a largest triangle.
   *
   * @param minDistance 0 or more, a fraction of the domain
   * @param maxDistance greater than {@code minDistance}
   * @return the loss
   */
  public static Loss2D resolution(double minDistance, double maxDistance) {
    return new Loss2D.Resolution(minDistance, maxDistance);
  }

  /** The area of the triangle lifted into (x, y, z). @return the loss */
  public static Loss2D minimizeTriangleSurface() {
    return new Loss2D.MinimizeTriangleSurface();
  }

  /**
   * The default loss, scaled by {@code priorityFactor} where every value lies below {@code lower}
   * or above {@code upper}.
   *
   * @param lower the lower threshold, or {@code Double.NEGATIVE_INFINITY}
   * @param upper the upper threshold, or {@code Double.POSITIVE_INFINITY}
   * @param priorityFactor 0 or more; python-adaptive's default is 0.1
   * @return the loss
   */
  public static Loss2D thresholded(double lower, double upper, double priorityFactor) {
    return new Loss2D.Thresholded(lower, upper, priorityFactor);
  }

  /** The mean volume of the tetrahedra with the neighbouring triangles; slow. @return the loss */
  public static Loss2D triangle() {
    return new Loss2D.Triangle();
  }
}
