/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.AverageLearnerTest.assertClose;
import static io.adaptive.runtime.learn.AverageLearnerTest.readCsv;
import static io.adaptive.runtime.learn.AverageLearnerTest.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.learn.AverageLearner1D.Estimate;
import io.adaptive.runtime.learn.AverageLearner1D.SeedX;
import io.adaptive.runtime.learn.AverageLearner1D.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class AverageLearner1DTest {

  /** The reference's test function: peak(x) = x + a²/(a² + x²), a = 0.01. */
  static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  /** The reference's noisy peak: peak(x) + 0.1·(u(key) − 1/2). */
  static double noisyPeak(SeedX p) {
    long key = Double.doubleToRawLongBits(p.x()) ^ (p.seed() * 0x9E3779B97F4A7C15L);
    return peak(p.x()) + 0.1 * (unit(key) - 0.5);
  }

  static void runUntilSamples(AverageLearner1D learner, long samples) {
    while (learner.nsamples() < samples) {
      SeedX p = learner.ask(1, true).points().get(0);
      learner.tell(p, noisyPeak(p));
    }
  }

  // ---- conformance ---------------------------------------------------------------------------

  @Test
  void noisyPeak_20000Samples_matchesReferenceFinalState() {
    List<double[]> rows =
        readCsv(
            "average_learner1d_noisy_peak_final.csv", List.of("x", "mean_y", "n_samples", "error"));
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    runUntilSamples(learner, 20_000);

    List<Estimate> estimates = learner.estimates();
    List<Double> xs = new ArrayList<>();
    estimates.forEach(e -> xs.add(e.x()));
    List<Double> expectedXs = new ArrayList<>();
    rows.forEach(r -> expectedXs.add(r[0]));
    assertThat(xs).as("the set of x").isEqualTo(expectedXs);
    assertThat(learner.npoints()).isEqualTo(128);
    assertThat(learner.nsamples()).isEqualTo(20_000);
    for (int i = 0; i < rows.size(); i++) {
      double[] expected = rows.get(i);
      Estimate e = estimates.get(i);
      assertThat(Double.doubleToRawLongBits(e.x()))
          .isEqualTo(Double.doubleToRawLongBits(expected[0]));
      assertThat(e.samples()).as("n_samples at x = %s", e.x()).isEqualTo((long) expected[2]);
      assertClose("mean_y", i, e.mean(), expected[1], 1e-12);
      assertClose("error", i, e.error(), expected[3], 1e-6);
    }
  }

  // ---- Student t and hypot -------------------------------------------------------------------

  @ParameterizedTest(name = "df {0}")
  @CsvSource({
    "1, 63.656741162871526",
    "2, 9.924843200918287",
    "5, 4.032142983555228",
    "10, 3.16927267261695",
    "20, 2.8453397097861077",
    "49, 2.679951973631552",
    "50, 2.677793270940844",
    "99, 2.626405457280827",
    "100, 2.6258905214380173",
    "999, 2.5807596372676365"
  })
  void studentT_quantile0995_matchesSpecificationTable(int df, double expected) {
    // learners.md section 7 asks for 1e-9; we are at rounding level.
    assertThat(StudentT.quantile(1 - 0.005, df)).isCloseTo(expected, within(2e-14 * expected));
  }

  @Test
  void studentT_quantile_isSymmetricAndHasClosedFormsAtOneAndTwo() {
    assertThat(StudentT.quantile(0.5, 3)).isZero();
    assertThat(StudentT.quantile(0.25, 7))
        .isEqualTo(-StudentT.quantile(0.75, 7)); // 1 - 0.75 is exact
    // df 1 is Cauchy: tan(pi (p - 1/2)); df 2: (2p - 1) / sqrt(2 p (1 - p)).
    assertThat(StudentT.quantile(0.75, 1)).isCloseTo(1.0, within(1e-15));
    assertThat(StudentT.quantile(0.9, 2)).isCloseTo(0.8 / Math.sqrt(2 * 0.9 * 0.1), within(1e-14));
    assertThat(StudentT.quantile(1, 4)).isInfinite();
    assertThatThrownBy(() -> StudentT.quantile(0.9, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the t quantile needs 0 <= p <= 1 and 0 < df < inf, got p '0.9' and df '0.0'");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void hypot_randomPairs_isCorrectlyRounded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 2_000; i++) {
      double x = (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-30, 30));
      double y = (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-30, 30));
      BigDecimal exact =
          new BigDecimal(x).pow(2).add(new BigDecimal(y).pow(2)).sqrt(new MathContext(40));
      assertThat(AverageLearner1D.hypot(x, y))
          .as("seed %d: hypot(%s, %s)", seed, x, y)
          .isEqualTo(exact.doubleValue());
    }
  }

  // ---- settings ------------------------------------------------------------------------------

  @Test
  void settings_defaults_areThePythonDefaults() {
    assertThat(Settings.defaults()).isEqualTo(new Settings(0.2, 0.005, 0.3, 50, Long.MAX_VALUE, 0));
  }

  @Test
  void settings_outOfRange_isRejected() {
    assertThatThrownBy(() -> Settings.defaults().withDelta(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delta must be in (0, 1], got '0.0'");
    assertThatThrownBy(() -> Settings.defaults().withAlpha(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be in (0, 1], got '1.5'");
    assertThatThrownBy(() -> Settings.defaults().withNeighborSampling(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("neighborSampling must be in (0, 1], got '0.0'");
    assertThatThrownBy(() -> Settings.defaults().withMinSamples(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minSamples must not be negative, got '-1'");
    assertThatThrownBy(() -> Settings.defaults().withMaxSamples(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "maxSamples must be at least minSamples, got maxSamples '10' and minSamples '50'");
  }

  @Test
  void constructor_emptyBounds_isRejected() {
    assertThatThrownBy(() -> new AverageLearner1D(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the bounds must be finite and increasing, got '1.0' and '-1.0'");
  }

  // ---- ask -----------------------------------------------------------------------------------

  @Test
  void ask_empty_startsWithLowerBound() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    Asked<SeedX> asked = learner.ask(3, true);
    assertThat(asked.points())
        .containsExactly(new SeedX(0, -1), new SeedX(1, -1), new SeedX(2, -1));
    assertThat(asked.improvements()).containsOnly(Double.POSITIVE_INFINITY);
    assertThat(learner.ask(0, true)).isEqualTo(Asked.none());
  }

  @Test
  void ask_undersampledPoint_isResampledWithFreshSeeds() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    learner.tell(new SeedX(0, -1), 1.0);
    learner.tell(new SeedX(2, -1), 1.0);
    // Seed 1 is free, then 3; pending seeds are skipped by the next ask.
    assertThat(learner.ask(2, true).points()).containsExactly(new SeedX(1, -1), new SeedX(3, -1));
    assertThat(learner.ask(1, false).points()).containsExactly(new SeedX(4, -1));
  }

  @Test
  void ask_withoutTellPending_leavesStateUnchanged() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    runUntilSamples(learner, 500);
    Asked<SeedX> first = learner.ask(4, false);
    assertThat(learner.ask(4, false)).isEqualTo(first);
    assertThat(learner.loss(false)).isEqualTo(learner.loss(true));
  }

  @Test
  void ask_followsTheReferenceOpening() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    List<SeedX> asked = new ArrayList<>();
    while (learner.nsamples() < 160) {
      SeedX p = learner.ask(1, true).points().get(0);
      asked.add(p);
      learner.tell(p, noisyPeak(p));
    }
    // 50 samples at a (no neighbours), then b, sampled until n > 0.3·50, so at least 50, then
    // the midpoint of the only interval.
    assertThat(asked.subList(0, 50)).allMatch(p -> p.x() == -1);
    assertThat(asked.get(50)).isEqualTo(new SeedX(0, 1));
    assertThat(asked.subList(50, 100)).allMatch(p -> p.x() == 1);
    assertThat(asked.get(100)).isEqualTo(new SeedX(0, 0.0));
  }

  // ---- losses --------------------------------------------------------------------------------

  @Test
  void loss_uniform_splitsWidestLeftmostIntervalFirst() {
    AverageLearner1D learner =
        new AverageLearner1D(-1, 1, Settings.defaults().withMinSamples(3), new Loss1D.Uniform());
    List<Double> newXs = new ArrayList<>();
    while (newXs.size() < 9) {
      SeedX p = learner.ask(1, true).points().get(0);
      if (p.seed() == 0) {
        newXs.add(p.x());
      }
      learner.tell(p, noisyPeak(p));
    }
    assertThat(newXs).containsExactly(-1.0, 1.0, 0.0, -0.5, 0.5, -0.75, -0.25, 0.25, 0.75);
  }

  @Test
  void loss_curvature_usesNeighbouringIntervalsAndReloadsIdentically() {
    Loss1D curvature = new Loss1D.Curvature(1, 0.02, 0.02);
    AverageLearner1D learner = new AverageLearner1D(-1, 1, Settings.defaults(), curvature);
    runUntilSamples(learner, 3_000);
    assertThat(learner.npoints()).isGreaterThan(10);
    assertThat(learner.loss()).isFinite().isPositive();

    AverageLearner1D loaded = new AverageLearner1D(-1, 1, Settings.defaults(), curvature);
    List<SeedX> points = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    learner.forEachData(
        (p, y) -> {
          points.add(p);
          ys.add(y);
        });
    loaded.load(points, ys);
    assertThat(loaded.loss()).isEqualTo(learner.loss());
    assertThat(loaded.ask(3, false)).isEqualTo(learner.ask(3, false));
  }

  @Test
  void loss_explicitDefault_isTheDefault() {
    AverageLearner1D implicit = new AverageLearner1D(-1, 1);
    AverageLearner1D explicit =
        new AverageLearner1D(-1, 1, Settings.defaults(), new Loss1D.Default());
    runUntilSamples(implicit, 2_000);
    runUntilSamples(explicit, 2_000);
    assertThat(explicit.estimates()).isEqualTo(implicit.estimates());
  }

  // ---- tell ----------------------------------------------------------------------------------

  @Test
  void tell_runningMean_isTheSampleMean() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    learner.tell(new SeedX(0, 0.5), 1.0);
    learner.tell(new SeedX(1, 0.5), 2.0);
    learner.tell(new SeedX(2, 0.5), 6.0);
    learner.tell(new SeedX(2, 0.5), 100.0); // known seed: ignored
    assertThat(learner.mean(0.5)).isEqualTo(3.0);
    assertThat(learner.npoints()).isEqualTo(1);
    assertThat(learner.nsamples()).isEqualTo(3);
    // t_{0.995, 2} · sqrt(7 / 3)
    assertThat(learner.error(0.5)).isCloseTo(9.924843200918287 * Math.sqrt(7.0 / 3), within(1e-12));
  }

  @Test
  void tell_outOfBounds_isStoredAndIgnored() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    learner.tell(new SeedX(0, 2), 1.0);
    learner.tell(new SeedX(1, 2), 3.0);
    assertThat(learner.npoints()).isEqualTo(1);
    assertThat(learner.nsamples()).isZero();
    assertThat(learner.mean(2)).isEqualTo(2.0);
    assertThat(learner.ask(1, false).points()).containsExactly(new SeedX(0, -1));
  }

  @Test
  void tell_nullValue_isRejected() {
    assertThatThrownBy(() -> new AverageLearner1D(-1, 1).tell(new SeedX(0, 0), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("y");
  }

  // ---- loss ----------------------------------------------------------------------------------

  @Test
  void loss_missingBound_isInfinite() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    learner.tell(new SeedX(0, -1), 0.0);
    learner.tell(new SeedX(0, 0), 1.0);
    assertThat(learner.loss()).isInfinite();
    learner.tell(new SeedX(0, 1), 0.0);
    // Scaled: dx = 0.5, dy = 1 on both intervals.
    assertThat(learner.loss()).isCloseTo(Math.hypot(0.5, 1), within(1e-15));
  }

  @Test
  void tellPending_newPoint_splitsItsIntervalsExpectedLoss() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    learner.tell(new SeedX(0, -1), 0.0);
    learner.tell(new SeedX(0, 1), 1.0);
    double sqrt2 = AverageLearner1D.hypot(1, 1); // scaled dx = 1, dy = 1
    assertThat(learner.loss(true)).isEqualTo(sqrt2);

    learner.tellPending(new SeedX(0, 0.0));
    assertThat(learner.loss(false)).isEqualTo((1 * sqrt2) / 2);
    assertThat(learner.loss(true)).isEqualTo(sqrt2);
    learner.tellPending(new SeedX(0, -1)); // already has a value: ignored
    learner.removeUnfinished();
    assertThat(learner.loss(false)).isEqualTo(sqrt2);
  }

  @Test
  void removeUnfinished_forgetsPendingNewPoint() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1, Settings.defaults().withMinSamples(2));
    runUntilSamples(learner, 300);
    double before = learner.loss(false);
    Asked<SeedX> next = learner.ask(1, false);
    learner.ask(1, true);
    learner.removeUnfinished();
    assertThat(learner.loss(false)).isEqualTo(before);
    assertThat(learner.ask(1, false)).isEqualTo(next);
  }

  // ---- load ----------------------------------------------------------------------------------

  @Test
  void load_exportedData_rebuildsIdenticalLearner() {
    AverageLearner1D learner = new AverageLearner1D(-1, 1);
    runUntilSamples(learner, 3_000);
    learner.ask(1, true);

    List<SeedX> points = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    learner.forEachData(
        (p, y) -> {
          points.add(p);
          ys.add(y);
        });
    AverageLearner1D loaded = new AverageLearner1D(-1, 1);
    loaded.load(points, ys);

    learner.removeUnfinished();
    assertThat(points).hasSize(3_000);
    assertThat(loaded.npoints()).isEqualTo(learner.npoints());
    assertThat(loaded.nsamples()).isEqualTo(3_000);
    assertThat(loaded.loss()).isEqualTo(learner.loss());
    assertThat(loaded.estimates()).isEqualTo(learner.estimates());
    for (int i = 0; i < 200; i++) { // both continue identically
      Asked<SeedX> expected = learner.ask(1, true);
      assertThat(loaded.ask(1, true)).isEqualTo(expected);
      SeedX p = expected.points().get(0);
      learner.tell(p, noisyPeak(p));
      loaded.tell(p, noisyPeak(p));
    }
  }

  // ---- codec ---------------------------------------------------------------------------------

  @Test
  void codec_roundTripsPointsExactly() throws IOException {
    DataCodec<SeedX, Double> codec = new AverageLearner1D(-1, 1).codec();
    assertThat(codec.kind()).isEqualTo("average1D");
    assertThat(codec.point().columns()).containsExactly("seed", "x");
    assertThat(codec.value().columns()).containsExactly("y");

    SeedX p = new SeedX(7, -0.1);
    var bytes = new ByteArrayOutputStream();
    codec.point().write(p, new DataOutputStream(bytes));
    var in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(codec.point().read(in)).isEqualTo(p);
    StringBuilder row = new StringBuilder();
    codec.point().appendCsv(p, row);
    assertThat(row).hasToString("7,-0.1");
  }
}
