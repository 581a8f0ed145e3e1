/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Loss1D;

/**
 * The losses of a 1-D learner, as in python-adaptive's {@code adaptive.learner.learner1D}; use them
 * through {@link Adaptive}. Parameters are recorded as given and checked by
 * {@link Experiment#compile()}.
 */
public final class Losses {

  private Losses() {}

  /**
   * The distance between neighbouring points in the scaled (x, y) plane; the default.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D defaultLoss() {
    return new Loss1D.Default();
  }

  /**
   * The width of the interval: samples x uniformly, whatever the function does.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D uniform() {
    return new Loss1D.Uniform();
  }

  /**
   * Curvature with python-adaptive's factors: area 1, euclid 0.02, horizontal 0.02.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D curvature() {
    return curvature(1, 0.02, 0.02);
  }

  /**
   * Curvature: {@code areaFactor·sqrt(triangle area) + euclidFactor·default loss +
   * horizontalFactor·width}. Each factor must be 0 or more; {@code compile()} reports others.
   *
   * @param areaFactor weight of the square root of the triangle area
   * @param euclidFactor weight of the default (euclidean) loss
   * @param horizontalFactor weight of the interval width
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D curvature(double areaFactor, double euclidFactor, double horizontalFactor) {
    return new Loss1D.Curvature(areaFactor, euclidFactor, horizontalFactor);
  }

  /**
   * The mean area of the triangles formed with the neighbouring points.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D triangle() {
    return new Loss1D.Triangle();
  }

  /**
   * The default loss on {@code log|y|}: for functions spanning orders of magnitude.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D absMinLog() {
    return new Loss1D.AbsMinLog();
  }

  /**
   * The default loss, except that intervals narrower than {@code minLength} are never split and
   * intervals wider than {@code maxLength} are split first.
   *
   * @param minLength fraction of the domain width, 0 or more
   * @param maxLength fraction of the domain width, greater than {@code minLength}
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D resolution(double minLength, double maxLength) {
    return new Loss1D.Resolution(minLength, maxLength);
  }
}
