/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AverageLearnerTest {

  /** The reference's splitmix64 unit value (reference/README.md). */
  static double unit(long s) {
    long z = s * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  static double noise(long seed) {
    return 1.0 + (unit(seed) - 0.5);
  }

  /** Reads a reference CSV from the test class path: the header, then one double[] per row. */
  static List<double[]> readCsv(String name, List<String> expectedHeader) {
    var in = AverageLearnerTest.class.getResourceAsStream("/reference/" + name);
    assertThat(in).as("resource /reference/%s", name).isNotNull();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      assertThat(List.of(reader.readLine().split(","))).isEqualTo(expectedHeader);
      List<double[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        double[] row = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
          row[i] = parse(cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double parse(String cell) {
    switch (cell) {
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "nan":
        return Double.NaN;
      default:
        return Double.parseDouble(cell);
    }
  }

  /** Equal within {@code rel} relative; an infinity matches only the same infinity. */
  static void assertClose(String what, int row, double actual, double expected, double rel) {
    if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
      assertThat(actual).as("%s at row %d", what, row).isEqualTo(expected);
    } else {
      assertThat(actual)
          .as("%s at row %d", what, row)
          .isCloseTo(expected, within(rel * Math.abs(expected)));
    }
  }

  static void run(AverageLearner learner, int until) {
    while (learner.npoints() < until) {
      long seed = learner.ask(1, true).points().get(0);
      learner.tellSample(seed, noise(seed));
    }
  }

  // ---- conformance ---------------------------------------------------------------------------

  @Test
  void sequence_atol001_matchesReferenceRowForRow() {
    List<double[]> rows =
        readCsv(
            "average_learner_atol0.01_rtolNone_sequence.csv",
            List.of("seed", "y", "loss_improvement_from_ask", "loss_after_tell", "mean", "std"));
    AverageLearner learner = AverageLearner.withAtol(0.01);

    int row = 0;
    while (learner.loss(true) > 1) {
      assertThat(row)
          .as("the reference stopped after %d rows", rows.size())
          .isLessThan(rows.size());
      double[] expected = rows.get(row);
      Asked<Long> asked = learner.ask(1, true);
      long seed = asked.points().get(0);
      double y = noise(seed);
      learner.tellSample(seed, y);

      assertThat(seed).as("seed at row %d", row).isEqualTo((long) expected[0]);
      assertThat(Double.doubleToRawLongBits(y))
          .as("y at row %d", row)
          .isEqualTo(Double.doubleToRawLongBits(expected[1]));
      assertClose(
          "loss_improvement_from_ask", row, asked.improvements().get(0), expected[2], 1e-12);
      assertClose("loss_after_tell", row, learner.loss(true), expected[3], 1e-12);
      assertThat(Double.doubleToRawLongBits(learner.mean()))
          .as("mean at row %d", row)
          .isEqualTo(Double.doubleToRawLongBits(expected[4]));
      assertClose("std", row, learner.std(), expected[5], 1e-12);
      row++;
    }
    assertThat(row).isEqualTo(rows.size()).isEqualTo(807);
  }

  @Test
  void stoppingPoints_matchSpecification() {
    // learners.md section 6: loss <= 1 is first reached at 820 points for rtol 0.01, and at 3348
    // for atol = rtol = 0.005.
    assertThat(pointsToConverge(AverageLearner.withRtol(0.01))).isEqualTo(820);
    assertThat(pointsToConverge(new AverageLearner(0.005, 0.005))).isEqualTo(3348);
  }

  private static long pointsToConverge(AverageLearner learner) {
    while (learner.loss() > 1) {
      run(learner, (int) learner.npoints() + 1);
    }
    return learner.npoints();
  }

  // ---- constructor ---------------------------------------------------------------------------

  @Test
  void constructor_bothTolerancesAbsent_isRejected() {
    assertThatThrownBy(() -> new AverageLearner(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one of atol and rtol must be finite; for example atol 0.01");
  }

  @Test
  void constructor_nonPositiveTolerance_isRejected() {
    assertThatThrownBy(() -> new AverageLearner(0, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("atol and rtol must be positive, got atol '0.0' and rtol '0.1'");
    assertThatThrownBy(() -> AverageLearner.withRtol(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void constructor_minNpointsBelowTwo_isRaisedToTwo() {
    assertThat(new AverageLearner(0.1, 0.1, 0).minNpoints()).isEqualTo(2);
    assertThat(new AverageLearner(0.1, 0.1, 7).minNpoints()).isEqualTo(7);
  }

  // ---- ask -----------------------------------------------------------------------------------

  @Test
  void ask_zero_isEmpty() {
    assertThat(AverageLearner.withAtol(0.1).ask(0, true)).isEqualTo(Asked.none());
  }

  @Test
  void ask_negative_isRejected() {
    assertThatThrownBy(() -> AverageLearner.withAtol(0.1).ask(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must not be negative, got '-1'");
  }

  @Test
  void ask_withPending_continuesAfterPendingSeeds() {
    AverageLearner learner = AverageLearner.withAtol(0.1);
    assertThat(learner.ask(3, true).points()).containsExactly(0L, 1L, 2L);
    assertThat(learner.ask(2, true).points()).containsExactly(3L, 4L);
    assertThat(learner.loss(false)).isInfinite();
  }

  @Test
  void ask_withoutTellPending_leavesStateUnchanged() {
    AverageLearner learner = AverageLearner.withAtol(0.1);
    run(learner, 5);
    assertThat(learner.ask(2, false).points()).containsExactly(5L, 6L);
    assertThat(learner.ask(2, false).points()).containsExactly(5L, 6L);
    assertThat(learner.loss(false)).isEqualTo(learner.loss(true));
  }

  @Test
  void ask_seedsToldOutOfOrder_fillsTheGapsFromZero() {
    AverageLearner learner = AverageLearner.withAtol(0.1);
    learner.tell(1L, 1.0);
    learner.tell(3L, 2.0);
    // N = 2, and seed 3 is taken: the smallest free seeds are 0, 2 and 4.
    assertThat(learner.ask(3, true).points()).containsExactly(0L, 2L, 4L);
    assertThat(learner.ask(1, true).points()).containsExactly(5L);
  }

  @Test
  void ask_improvement_isLossDropPerPoint() {
    AverageLearner learner = AverageLearner.withAtol(0.01);
    assertThat(learner.ask(2, false).improvements())
        .containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    run(learner, 10);
    double now = learner.loss();
    double improvement = learner.ask(4, false).improvements().get(0);
    double std = learner.std();
    assertThat(improvement).isEqualTo((now - std / Math.sqrt(14) / 0.01) / 4);
  }

  // ---- tell ----------------------------------------------------------------------------------

  @Test
  void tell_knownSeed_keepsFirstValue() {
    AverageLearner learner = AverageLearner.withAtol(0.1);
    learner.tell(0L, 1.0);
    learner.tell(1L, 3.0);
    learner.tell(1L, 100.0);
    assertThat(learner.npoints()).isEqualTo(2);
    assertThat(learner.mean()).isEqualTo(2.0);
  }

  @Test
  void tell_nullValue_isRejected() {
    assertThatThrownBy(() -> AverageLearner.withAtol(0.1).tell(0L, (Double) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("y");
  }

  @Test
  void tell_pendingSeed_leavesPending() {
    AverageLearner learner = AverageLearner.withAtol(0.1);
    learner.ask(2, true);
    learner.tell(0L, 1.0);
    assertThat(learner.ask(1, false).points()).containsExactly(2L);
    learner.removeUnfinished();
    assertThat(learner.ask(1, false).points()).containsExactly(1L);
  }

  // ---- loss ----------------------------------------------------------------------------------

  @Test
  void loss_pendingSamples_lowerTheExpectedLoss() {
    AverageLearner learner = AverageLearner.withAtol(0.01);
    run(learner, 10);
    learner.ask(10, true);
    assertThat(learner.loss(false))
        .isEqualTo(learner.loss(true) * Math.sqrt(10) / Math.sqrt(20), within(1e-12));
  }

  @Test
  void loss_relative_dividesByMean() {
    AverageLearner learner = AverageLearner.withRtol(0.1);
    learner.tell(0L, 4.0);
    learner.tell(1L, 6.0);
    // std = sqrt(2), se = 1, relative loss = 1 / 0.1 / 5.
    assertThat(learner.loss()).isCloseTo(2.0, within(1e-15));
  }

  @Test
  void loss_constantSamples_isZero() {
    AverageLearner learner = AverageLearner.withAtol(0.1);
    for (long s = 0; s < 5; s++) {
      learner.tell(s, 0.1);
    }
    assertThat(learner.std()).isZero();
    assertThat(learner.loss()).isZero();
  }

  // ---- load ----------------------------------------------------------------------------------

  @Test
  void load_exportedData_rebuildsIdenticalLearner() {
    AverageLearner learner = AverageLearner.withAtol(0.01);
    run(learner, 300);
    learner.ask(3, true); // pending points are not exported

    List<Long> seeds = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    learner.forEachData(
        (s, y) -> {
          seeds.add(s);
          ys.add(y);
        });
    AverageLearner loaded = AverageLearner.withAtol(0.01);
    loaded.load(seeds, ys);

    assertThat(loaded.npoints()).isEqualTo(300);
    assertThat(loaded.loss()).isEqualTo(learner.loss());
    assertThat(loaded.mean()).isEqualTo(learner.mean());
    learner.removeUnfinished();
    assertThat(loaded.ask(2, true)).isEqualTo(learner.ask(2, true));
    assertThat(loaded.ask(2, true).points()).containsExactly(302L, 303L);
  }

  @Test
  void load_mismatchedLengths_isRejected() {
    assertThatThrownBy(() -> AverageLearner.withAtol(0.1).load(List.of(0L), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("1 seeds but 0 values; they must pair up");
  }

  // ---- codec ---------------------------------------------------------------------------------

  @Test
  void codec_isAverageWithSeedAndY() {
    DataCodec<Long, Double> codec = AverageLearner.withAtol(0.1).codec();
    assertThat(codec.kind()).isEqualTo("average");
    assertThat(codec.point().columns()).containsExactly("seed");
    assertThat(codec.value().columns()).containsExactly("y");
  }
}
