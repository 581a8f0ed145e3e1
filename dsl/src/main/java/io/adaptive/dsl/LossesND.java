/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.LossND;

/**
 * The losses of {@link Adaptive#learnerND}; {@link Adaptive} forwards here. Parameters are recorded
 * as given and checked by {@link Experiment#compile()}.
 */
public final class LossesND {

  private LossesND() {}

  /** python-adaptive's default: the lifted simplex volume. @return the loss */
  public static LossND defaultLoss() {
    return new LossND.Default();
  }

  /** The simplex volume: refines evenly. @return the loss */
  public static LossND uniform() {
    return new LossND.Uniform();
  }

  /** The spread of the vertex values times the size, plus the volume. @return the loss */
  public static LossND std() {
    return new LossND.Std();
  }

  /** The mean lifted volume with each neighbouring simplex; slower. @return the loss */
  public static LossND triangle() {
    return new LossND.Triangle();
  }

  /**
   * python-adaptive's curvature loss.
   *
   * @param exploration the weight of the volume term, 0 or more; python-adaptive's default is 0.05
   * @return the loss
   */
  public static LossND curvature(double exploration) {
    return new LossND.Curvature(exploration);
  }
}
