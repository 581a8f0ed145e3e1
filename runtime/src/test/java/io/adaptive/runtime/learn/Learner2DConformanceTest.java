/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner2DReference.band;
import static io.adaptive.runtime.learn.Learner2DReference.interpolationErrors;
import static io.adaptive.runtime.learn.Learner2DReference.ring;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learner2D against python-adaptive v1.5.2 on the ring (reference/README.md, learners.md §14):
 * at 1 000 and 5 000 points the interpolation RMS error within the shifted-centre range widened by
 * 5%, and the loss within [0.5 × min, 1.5 × max]; the corners first, exactly.
 */
final class Learner2DConformanceTest {

  /* ---------------- the first points ---------------- */

  @Test
  void ask1Loop_firstFourPoints_areTheReferenceCorners() {
    List<String[]> rows = Learner2DReference.rows("learner2d_ring_sequence.csv");
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    for (int i = 0; i < 4; i++) {
      Asked<double[]> asked = learner.ask(1, true);
      double[] p = asked.points().get(0);
      String[] row = rows.get(i);
      assertThat(p[0]).as("x of point %d", i + 1).isEqualTo(Double.parseDouble(row[1]));
      assertThat(p[1]).as("y of point %d", i + 1).isEqualTo(Double.parseDouble(row[2]));
      assertThat(asked.improvements().get(0)).isEqualTo(Double.POSITIVE_INFINITY);
      learner.tell(p, ring(p[0], p[1]));
    }
  }

  @Test
  void ask6_freshLearner_cornersThenCentroidsWithLoss015() {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    Asked<double[]> asked = learner.ask(6, true);
    assertThat(asked.points()).hasSize(6);
    assertThat(asked.points().subList(0, 4))
        .containsExactly(
            new double[] {-1, -1}, new double[] {-1, 1}, new double[] {1, -1}, new double[] {1, 1});
    assertThat(asked.points().subList(4, 6))
        .containsExactlyInAnyOrder(
            new double[] {-1.0 / 3 * 1, 1.0 / 3}, new double[] {1.0 / 3, -1.0 / 3});
    assertThat(asked.improvements().subList(4, 6)).containsOnly(0.3 * 0.5);
  }

  /* ---------------- bands ---------------- */

  @Test
  void ask1Loop_ring_lossAndRmsInBandsAt1000And5000() {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    for (int target : new int[] {1000, 5000}) {
      while (learner.npoints() < target) {
        double[] p = learner.askPoints(1);
        learner.tell(p[0], p[1], ring(p[0], p[1]));
      }
      assertInBands(learner, "ask(1)", target);
    }
  }

  @Test
  void ask16Loop_ring_lossAndRmsInBandsAt1008And5008() {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    for (int target : new int[] {1000, 5000}) {
      while (learner.npoints() < target) {
        double[] p = learner.askPoints(16);
        assertThat(p).hasSize(32);
        for (int i = 0; i < 16; i++) {
          learner.tell(p[2 * i], p[2 * i + 1], ring(p[2 * i], p[2 * i + 1]));
        }
      }
      assertThat(learner.npoints()).isEqualTo(target + 8);
      assertInBands(learner, "ask(16)", target);
    }
  }

  private static void assertInBands(Learner2D learner, String mode, int target) {
    double[] b = band(mode, target);
    double loss = learner.loss();
    double rms = interpolationErrors(learner)[0];
    System.out.printf(
        "Learner2D %s at %d points: loss %.6g (band %.6g..%.6g), RMS %.6g (band %.6g..%.6g)%n",
        mode, learner.npoints(), loss, 0.5 * b[0], 1.5 * b[1], rms, 0.95 * b[2], 1.05 * b[3]);
    assertThat(rms).as("RMS error, %s at %d", mode, target).isBetween(0.95 * b[2], 1.05 * b[3]);
    assertThat(loss).as("loss, %s at %d", mode, target).isBetween(0.5 * b[0], 1.5 * b[1]);
  }
}
