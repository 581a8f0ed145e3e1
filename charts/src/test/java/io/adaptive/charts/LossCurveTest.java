/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class LossCurveTest {

  private static final Path DATA = Path.of("data.csv");

  // ---- of ----------------------------------------------------------------------------------

  @Test
  void of_keepsOnlyFinitePositiveLosses() {
    LossCurve curve =
        LossCurve.of(
            Runs.learner1D(
                "a",
                DATA,
                history(0, Double.POSITIVE_INFINITY, 5, Double.NaN, 10, 0.5, 20, 0.0, 30, 0.25)),
            false);

    assertThat(curve.size()).isEqualTo(2);
    assertThat(curve.npoints(0)).isEqualTo(10);
    assertThat(curve.npoints(1)).isEqualTo(30);
    assertThat(curve.finalLoss()).isEqualTo(0.25);
  }

  @Test
  void of_positivePoints_dropsReportsAtZeroPoints() {
    LossCurve curve = LossCurve.of(Runs.learner1D("a", DATA, history(0, 1.0, 10, 0.5)), true);

    assertThat(curve.size()).isEqualTo(1);
  }

  @Test
  void of_noFiniteLoss_isEmptyWithNaNFinalLoss() {
    LossCurve curve =
        LossCurve.of(Runs.learner1D("a", DATA, history(0, Double.POSITIVE_INFINITY)), false);

    assertThat(curve.isEmpty()).isTrue();
    assertThat(curve.finalLoss()).isNaN();
  }

  // ---- lossAt ------------------------------------------------------------------------------

  @Test
  void lossAt_isLastReportAtOrBelow_carriedForward() {
    LossCurve curve =
        LossCurve.of(
            Runs.learner1D("a", DATA, history(10, 0.5, 20, 0.25, 20, 0.2, 40, 0.1)), false);

    assertThat(curve.lossAt(9.99)).isNaN();
    assertThat(curve.lossAt(10)).isEqualTo(0.5);
    assertThat(curve.lossAt(19.5)).isEqualTo(0.5);
    assertThat(curve.lossAt(20)).as("the later of two reports at 20 points").isEqualTo(0.2);
    assertThat(curve.lossAt(1e9)).isEqualTo(0.1);
  }
}
