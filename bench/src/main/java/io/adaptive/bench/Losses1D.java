/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.plan.Loss1D;

/** The six interval losses of {@link Loss1D} by the names the benchmarks use as parameters. */
final class Losses1D {

  /** Every name {@link #of} knows, in the order the results list them. */
  static final String[] NAMES = {
    "default", "uniform", "curvature", "triangle", "absMinLog", "resolution"
  };

  private Losses1D() {}

  /**
   * The loss called {@code name}: curvature with python-adaptive's defaults (1, 0.02, 0.02);
   * resolution with minLength 1e-7 and maxLength 0.01 of the domain, so that at 10⁶ points of
   * {@code peak} its steepest intervals have loss 0 and none wider than 0.01 is left.
   */
  static Loss1D of(String name) {
    return switch (name) {
      case "default" -> new Loss1D.Default();
      case "uniform" -> new Loss1D.Uniform();
      case "curvature" -> new Loss1D.Curvature(1, 0.02, 0.02);
      case "triangle" -> new Loss1D.Triangle();
      case "absMinLog" -> new Loss1D.AbsMinLog();
      case "resolution" -> new Loss1D.Resolution(1e-7, 0.01);
      default -> throw new IllegalArgumentException("unknown loss '" + name + "'");
    };
  }
}
