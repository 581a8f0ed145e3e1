/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner2DReference.number;
import static io.adaptive.runtime.learn.Learner2DReference.ring;
import static io.adaptive.runtime.learn.Learner2DReference.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LearnerND (2-D, default loss) against python-adaptive v1.5.2 on the ring (reference/README.md,
 * learners.md §14): the corners first, exactly; the loss at every checkpoint of {@code
 * learnerND_ring_checkpoints.csv} within [0.5 ×, 1.5 ×] of the reference; and the interpolation
 * RMS error on the 201×201 grid within 5% of the reference's. No RMS is shipped for LearnerND,
 * so the reference's is computed here from the reference's own points and values ({@code
 * learnerND_ring_sequence.csv}, the first N rows), triangulated by telling them to a fresh
 * learner. Because our queue order and Bowyer–Watson rules are the reference's, the whole
 * 1 000-point sequence is also reproduced; that test is stricter than the spec asks and names
 * the first row that diverges.
 */
final class LearnerNDConformanceTest {

  private static final double[] LO = {-1, -1};
  private static final double[] HI = {1, 1};

  /* ---------------- the first points ---------------- */

  @Test
  void ask1Loop_firstFourPoints_areTheReferenceCornersWithInfiniteImprovement() {
    List<String[]> rows = rows("learnerND_ring_sequence.csv");
    LearnerND learner = LearnerND.of(LO, HI);
    for (int i = 0; i < 4; i++) {
      Asked<double[]> asked = learner.ask(1, true);
      double[] p = asked.points().get(0);
      assertThat(p[0]).as("x of point %d", i + 1).isEqualTo(Double.parseDouble(rows.get(i)[1]));
      assertThat(p[1]).as("y of point %d", i + 1).isEqualTo(Double.parseDouble(rows.get(i)[2]));
      assertThat(asked.improvements().get(0)).isEqualTo(Double.POSITIVE_INFINITY);
      learner.tell(p, ring(p[0], p[1]));
    }
  }

  /* ---------------- the sequence ---------------- */

  @Test
  void ask1Loop_ring_reproducesThe1000PointReferenceSequence() {
    List<String[]> rows = rows("learnerND_ring_sequence.csv");
    assertThat(rows).hasSize(1000);
    LearnerND learner = LearnerND.of(LO, HI);
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      Asked<double[]> asked = learner.ask(1, true);
      double[] p = asked.points().get(0);
      assertThat(p[0]).as("x of row %d", i + 1).isCloseTo(number(row[1]), within(1e-12));
      assertThat(p[1]).as("y of row %d", i + 1).isCloseTo(number(row[2]), within(1e-12));
      double expected = number(row[4]);
      double improvement = asked.improvements().get(0);
      if (Double.isInfinite(expected)) {
        assertThat(improvement).as("improvement of row %d", i + 1).isEqualTo(expected);
      } else {
        assertThat(improvement).as("improvement of row %d", i + 1)
            .isCloseTo(expected, within(1e-9 * expected));
      }
      learner.tell(p, ring(p[0], p[1]));
    }
  }

  /* ---------------- bands ---------------- */

  @Test
  void ask1Loop_ring_lossWithinHalfToOneAndAHalfOfTheReferenceAtEveryCheckpoint() {
    List<String[]> checkpoints = rows("learnerND_ring_checkpoints.csv");
    LearnerND learner = LearnerND.of(LO, HI);
    for (String[] checkpoint : checkpoints) {
      int target = Integer.parseInt(checkpoint[0]);
      run(learner, target);
      double reference = number(checkpoint[1]);
      assertThat(learner.loss()).as("loss at %d points (reference %s)", target, reference)
          .isBetween(0.5 * reference, 1.5 * reference);
    }
  }

  @Test
  void ask1Loop_ring_rmsWithin5PercentOfTheReferencePointsRmsAt100_500_1000() {
    List<String[]> rows = rows("learnerND_ring_sequence.csv");
    LearnerND learner = LearnerND.of(LO, HI);
    double previous = Double.POSITIVE_INFINITY;
    for (int target : new int[] {100, 500, 1000}) {
      run(learner, target);
      LearnerND reference = LearnerND.of(LO, HI);
      for (int i = 0; i < target; i++) {
        reference.tell(new double[] {number(rows.get(i)[1]), number(rows.get(i)[2])},
            number(rows.get(i)[3]));
      }
      double expected = rms(reference);
      double rms = rms(learner);
      assertThat(rms).as("RMS at %d points (reference points give %s)", target, expected)
          .isBetween(0.95 * expected, 1.05 * expected)
          .isLessThan(previous);
      previous = rms;
    }
  }

  /**
   * No reference exists for batches of LearnerND; the spec's band for Learner2D (a batch of 16
   * lands in the ask(1) band) is applied to the ask(1) checkpoint: pending points must split the
   * loss well enough that 16 points asked at once do as well as 16 asked one by one.
   */
  @Test
  void ask16Loop_ring_lossAndRmsNearTheAsk1ReferenceAt1008Points() {
    List<String[]> rows = rows("learnerND_ring_sequence.csv");
    LearnerND learner = LearnerND.of(LO, HI);
    while (learner.npoints() < 1000) {
      Asked<double[]> asked = learner.ask(16, true);
      assertThat(asked.points()).hasSize(16);
      for (double[] p : asked.points()) {
        learner.tell(p, ring(p[0], p[1]));
      }
    }
    assertThat(learner.npoints()).isEqualTo(1008);
    assertThat(learner.pendingCount()).isZero();
    double reference = 0.0023950779462985168; // learnerND_ring_checkpoints.csv, 1000 points
    assertThat(learner.loss()).isBetween(0.5 * reference, 1.5 * reference);
    LearnerND referencePoints = LearnerND.of(LO, HI);
    for (String[] row : rows) {
      referencePoints.tell(new double[] {number(row[1]), number(row[2])}, number(row[3]));
    }
    double expected = rms(referencePoints);
    assertThat(rms(learner)).as("RMS (the reference's 1 000 points give %s)", expected)
        .isBetween(0.9 * expected, 1.1 * expected);
    LearnerNDTest.assertDelaunay(learner.core().triangulation(), 16);
  }

  private static void run(LearnerND learner, int target) {
    while (learner.npoints() < target) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, ring(p[0], p[1]));
    }
  }

  /** The RMS error of the learner's interpolant against ring on a 201×201 grid over (-1,1)². */
  static double rms(LearnerND learner) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i <= 200; i++) {
      double x = i == 200 ? 1.0 : -1.0 + i * (2.0 / 200);
      for (int j = 0; j <= 200; j++) {
        double y = j == 200 ? 1.0 : -1.0 + j * (2.0 / 200);
        double d = learner.interpolate(new double[] {x, y}) - ring(x, y);
        sum += d * d;
        n++;
      }
    }
    return Math.sqrt(sum / n);
  }
}
