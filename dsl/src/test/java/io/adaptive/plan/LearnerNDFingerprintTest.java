/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import static io.adaptive.dsl.Adaptive.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.dsl.Box;
import org.junit.jupiter.api.Test;

/** The fingerprint of a learnerND covers its box and loss, not its goal. */
final class LearnerNDFingerprintTest {

  private static final Box CUBE = box(interval(-1.0, 1.0), interval(-1.0, 1.0), interval(0.0, 2.0));

  private static String fingerprint(Box box, LossND loss, int points) {
    return experiment("nd").learn(p -> learnerND(box, q -> q[0]).loss(loss))
        .until(points(points)).compile().learners().get(0).fingerprint();
  }

  @Test
  void fingerprint_sameDefinition_isEqual_andAGoalDoesNotChangeIt() {
    assertThat(fingerprint(CUBE, defaultLossND(), 100))
        .isEqualTo(fingerprint(CUBE, defaultLossND(), 100))
        .isEqualTo(fingerprint(CUBE, defaultLossND(), 5_000));
  }

  @Test
  void fingerprint_otherBoundOrDimensionOrLoss_differs() {
    String base = fingerprint(CUBE, defaultLossND(), 100);
    assertThat(fingerprint(box(interval(-1.0, 1.0), interval(-1.0, 1.0), interval(0.0, 2.5)),
        defaultLossND(), 100)).isNotEqualTo(base);
    assertThat(fingerprint(box(interval(-1.0, 1.0), interval(-1.0, 1.0)), defaultLossND(), 100))
        .isNotEqualTo(base);
    assertThat(fingerprint(CUBE, curvatureLossND(0.05), 100)).isNotEqualTo(base)
        .isNotEqualTo(fingerprint(CUBE, curvatureLossND(0.1), 100));
  }
}
