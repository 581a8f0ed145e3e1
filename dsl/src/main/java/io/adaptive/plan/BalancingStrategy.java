/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * How a {@link BalancingLearnerSpec} picks the child that gets the next point (learners.md 10).
 * On a tie the child with fewer (evaluated and pending) points wins, then the lowest index.
 */
public enum BalancingStrategy {

  /** The child whose next point promises the largest loss improvement; python-adaptive's default. */
  LOSS_IMPROVEMENTS("lossImprovements"),

  /** The child with the largest loss, pending points included. */
  LOSS("loss"),

  /** The child with the fewest points, evaluated and pending. */
  NPOINTS("npoints"),

  /** Each child in turn. */
  CYCLE("cycle");

  private final String text;

  BalancingStrategy(String text) {
    this.text = text;
  }

  /** The strategy as {@code explain()} and the fingerprint write it, e.g. {@code lossImprovements}. */
  public String text() {
    return text;
  }
}
