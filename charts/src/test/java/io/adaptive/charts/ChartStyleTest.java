/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ChartStyleTest {

  // ---- logAxis -----------------------------------------------------------------------------

  @ParameterizedTest(name = "[{0}, {1}] -> [{2}, {3}]")
  @CsvSource({
    "12, 2000, 10, 2000",
    "1.1e-5, 0.08, 1e-5, 0.1",
    "4e-6, 2.0, 2e-6, 2",
    "0.02, 0.05, 0.01, 0.05", // no power of ten inside: widened to the nearer one
    "0.3, 0.6, 0.2, 1",
    "0.01, 0.01, 0.01, 0.02",
  })
  void logAxis_rangeIsNiceAndHoldsAPowerOfTen(double min, double max, double lo, double hi) {
    LogAxis axis = ChartStyle.logAxis("loss", min, max, false);

    assertThat(axis.getLowerBound()).isCloseTo(lo, within(lo * 1e-9));
    assertThat(axis.getUpperBound()).isCloseTo(hi, within(hi * 1e-9));
  }

  // ---- niceTicks ---------------------------------------------------------------------------

  @Test
  void niceTicks_aboutTargetTicksAtOneTwoFive() {
    NumberAxis axis = new NumberAxis("x");

    ChartStyle.niceTicks(axis, 0, 3, 10, false);

    assertThat(axis.getTickUnit().getSize()).isEqualTo(0.5);
    assertThat(axis.isAutoTickUnitSelection()).isFalse();
  }

  @Test
  void niceTicks_integers_atLeastOne() {
    NumberAxis axis = new NumberAxis("points");

    ChartStyle.niceTicks(axis, 0, 7, 10, true);

    assertThat(axis.getTickUnit().getSize()).isEqualTo(1);
  }

  @Test
  void niceTicks_noRange_leavesAxisAlone() {
    NumberAxis axis = new NumberAxis("x");

    ChartStyle.niceTicks(axis, Double.NaN, Double.NaN, 10, false);

    assertThat(axis.isAutoTickUnitSelection()).isTrue();
  }
}
