/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner1DReference.close;
import static io.adaptive.runtime.learn.Learner1DReference.csv;
import static io.adaptive.runtime.learn.Learner1DReference.interpolationErrors;
import static io.adaptive.runtime.learn.Learner1DReference.peak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Learner1D against python-adaptive v1.5.2's recorded runs (reference/README.md, "What match
 * means"): the x sequence bit for bit, losses and improvements within 1e-12 relative.
 */
final class Learner1DConformanceTest {

  private static final double REL = 1e-12;

  /* ---------------- ask(1) + tell: learner1d_peak_sequence.csv ---------------- */

  @Test
  void ask1Loop_peakSequence_matchesReferenceBitForBit() {
    List<double[]> rows =
        csv(
            "learner1d_peak_sequence.csv",
            "npoints_after_tell,x,y,loss_improvement_from_ask,loss_after_tell");
    assertThat(rows).hasSize(10_000);
    Learner1D learner = Learner1D.of(-1, 1);
    List<String> lossMismatches = new ArrayList<>();
    for (double[] row : rows) {
      int n = (int) row[0];
      Asked<Double> asked = learner.ask(1, true);
      assertThat(asked.points()).hasSize(1);
      double x = asked.points().get(0);
      double improvement = asked.improvements().get(0);
      if (Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(row[1])) {
        fail(
            "the x sequence diverges at row %d (npoints_after_tell): got %s, expected %s",
            n, x, row[1]);
      }
      double y = peak(x);
      assertThat(Double.doubleToRawLongBits(y))
          .as("y at row %d", n)
          .isEqualTo(Double.doubleToRawLongBits(row[2]));
      learner.tell(x, y);
      double loss = learner.loss(true);
      if (!close(improvement, row[3], REL) || !close(loss, row[4], REL)) {
        lossMismatches.add(
            "row "
                + n
                + ": improvement "
                + improvement
                + " vs "
                + row[3]
                + ", loss "
                + loss
                + " vs "
                + row[4]);
      }
      assertThat(learner.npoints()).isEqualTo(n);
    }
    assertThat(lossMismatches).as("losses beyond 1e-12 relative").isEmpty();
  }

  /* ---------------- checkpoints: learner1d_peak_checkpoints.csv ---------------- */

  @Test
  void ask1Loop_checkpoints_lossAndInterpolationErrorsMatch() {
    List<double[]> rows =
        csv(
            "learner1d_peak_checkpoints.csv",
            "npoints,loss,interp_rms_err_20001grid,interp_max_err_20001grid");
    Learner1D learner = Learner1D.of(-1, 1);
    for (double[] row : rows) {
      int target = (int) row[0];
      while (learner.npoints() < target) {
        double x = learner.askPoints(1)[0];
        learner.tell(x, peak(x));
      }
      assertThat(learner.npoints()).isEqualTo(target);
      assertThat(close(learner.loss(), row[1], REL))
          .as("loss at %d: %s vs %s", target, learner.loss(), row[1])
          .isTrue();
      double[] errors = interpolationErrors(learner, -1, 1);
      assertThat(close(errors[0], row[2], 1e-9))
          .as("rms at %d: %s vs %s", target, errors[0], row[2])
          .isTrue();
      assertThat(close(errors[1], row[3], 1e-9))
          .as("max at %d: %s vs %s", target, errors[1], row[3])
          .isTrue();
    }
  }

  /* ---------------- ask(16) + 16 tells: learner1d_peak_batch16_loss.csv ---------------- */

  @Test
  void ask16Loop_peak_lossAfterEveryBatchMatches() {
    List<double[]> rows = csv("learner1d_peak_batch16_loss.csv", "npoints,loss");
    assertThat(rows).hasSize(63);
    Learner1D learner = Learner1D.of(-1, 1);
    for (double[] row : rows) {
      Asked<Double> asked = learner.ask(16, true);
      assertThat(asked.points()).hasSize(16);
      for (double x : asked.points()) {
        learner.tell(x, peak(x));
      }
      assertThat(learner.npoints()).isEqualTo((long) row[0]);
      assertThat(close(learner.loss(), row[1], REL))
          .as("loss at %d: %s vs %s", (long) row[0], learner.loss(), row[1])
          .isTrue();
    }
  }

  @Test
  void askPoints_sameSequenceAsGenericAsk() {
    Learner1D generic = Learner1D.of(-1, 1);
    Learner1D primitive = Learner1D.of(-1, 1);
    for (int i = 0; i < 3000; i++) {
      double x = generic.ask(1, true).points().get(0);
      double p = primitive.askPoints(1)[0];
      assertThat(p).isEqualTo(x);
      generic.tell((Double) x, (Double) peak(x));
      primitive.tell(p, peak(p));
    }
    assertThat(primitive.loss()).isEqualTo(generic.loss());
  }
}
