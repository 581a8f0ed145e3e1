/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LossBandsTest {

  private static LossCurve curve(double... npointsThenLoss) {
    return LossCurve.of(Runs.learner1D("c", Path.of("c.csv"), history(npointsThenLoss)), false);
  }

  // ---- quantile ----------------------------------------------------------------------------

  @Test
  void quantile_interpolatesBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    assertThat(LossBands.quantile(sorted, 11, 0.0)).isEqualTo(1);
    assertThat(LossBands.quantile(sorted, 11, 0.1)).isEqualTo(2);
    assertThat(LossBands.quantile(sorted, 11, 0.5)).isEqualTo(6);
    assertThat(LossBands.quantile(sorted, 4, 0.5)).isEqualTo(2.5);
    assertThat(LossBands.quantile(sorted, 1, 0.9)).isEqualTo(1);
  }

  // ---- of ----------------------------------------------------------------------------------

  @Test
  void of_narrowRange_everyPointCount_learnersJoinWhenTheyReport() {
    List<LossCurve> curves = List.of(curve(1, 1.0, 3, 0.5), curve(2, 4.0), curve(1, 2.0, 4, 0.1));

    LossBands bands = LossBands.of(curves, false, 200);

    assertThat(bands.npoints).containsExactly(1, 2, 3, 4);
    assertThat(bands.count).containsExactly(2, 3, 3, 3);
    assertThat(bands.min).containsExactly(1.0, 1.0, 0.5, 0.1);
    assertThat(bands.max).containsExactly(2.0, 4.0, 4.0, 4.0);
    assertThat(bands.median).containsExactly(1.5, 2.0, 2.0, 0.5);
  }

  @ParameterizedTest(name = "log grid {0}")
  @ValueSource(booleans = {false, true})
  void of_wideRange_gridSizeCountsFromFirstToLast(boolean logGrid) {
    List<LossCurve> curves = List.of(curve(10, 1.0, 5000, 0.01), curve(20, 2.0, 10_000, 0.001));

    LossBands bands = LossBands.of(curves, logGrid, 50);

    assertThat(bands.size()).isEqualTo(50);
    assertThat(bands.npoints[0]).isEqualTo(10);
    assertThat(bands.npoints[49]).isEqualTo(10_000);
    assertThat(bands.npoints).isSorted();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void of_randomSweep_bandsAreNested(long seed) {
    List<LossCurve> curves = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 300; i++) {
      curves.add(
          LossCurve.of(
              Runs.learner1D(
                  "l" + i,
                  Path.of("l.csv"),
                  Runs.history(
                      random, 100 + random.nextInt(900), 20, 1, 0.5 + random.nextDouble())),
              false));
    }

    LossBands bands = LossBands.of(curves, seed % 2 == 0, 200);

    for (int g = 0; g < bands.size(); g++) {
      assertThat(bands.count[g]).as("seed %d, grid %d", seed, g).isPositive();
      assertThat(bands.min[g]).as("seed %d, grid %d", seed, g).isLessThanOrEqualTo(bands.p10[g]);
      assertThat(bands.p10[g]).as("seed %d, grid %d", seed, g).isLessThanOrEqualTo(bands.median[g]);
      assertThat(bands.median[g]).as("seed %d, grid %d", seed, g).isLessThanOrEqualTo(bands.p90[g]);
      assertThat(bands.p90[g]).as("seed %d, grid %d", seed, g).isLessThanOrEqualTo(bands.max[g]);
    }
    assertThat(bands.count[bands.size() - 1])
        .as("seed %d: everyone at the end", seed)
        .isEqualTo(300);
    assertThat(bands.median[0]).isCloseTo(bands.median[0], within(0.0));
  }
}
