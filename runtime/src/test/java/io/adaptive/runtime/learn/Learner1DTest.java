/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner1DReference.peak;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Loss1D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learner1D's rules (learners.md §3), one by one, on small hand-checked cases. */
final class Learner1DTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  private static Learner1D run(Learner1D learner, int n) {
    while (learner.npoints() < n) {
      double x = learner.askPoints(1)[0];
      learner.tell(x, peak(x));
    }
    return learner;
  }

  private static List<Double> sortedXs(Learner<Double, ?> learner) {
    List<Double> xs = new ArrayList<>();
    learner.forEachData((x, y) -> xs.add(x));
    xs.sort(Double::compare);
    return xs;
  }

  /* ---------------- of ---------------- */

  @Test
  void of_reversedBounds_isRejectedWithFix() {
    assertThatThrownBy(() -> Learner1D.of(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bounds (1.0, -1.0) are not a finite interval with lower < upper; for example use"
                + " (-1.0, 1.0)");
  }

  @Test
  void of_nullLoss_throwsNpe() {
    assertThatThrownBy(() -> Learner1D.of(-1, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("loss");
  }

  @Test
  void codec_isLearner1DWithXAndY() {
    DataCodec<Double, Double> codec = Learner1D.of(-1, 1).codec();
    assertThat(codec.kind()).isEqualTo("learner1D");
    assertThat(codec.point().columns()).containsExactly("x");
    assertThat(codec.value().columns()).containsExactly("y");
  }

  /* ---------------- ask (§3.7) ---------------- */

  @Test
  void ask_zero_isEmpty() {
    Asked<Double> asked = Learner1D.of(-1, 1).ask(0, true);
    assertThat(asked.points()).isEmpty();
    assertThat(asked.improvements()).isEmpty();
  }

  @Test
  void ask_negative_isRejected() {
    assertThatThrownBy(() -> Learner1D.of(-1, 1).ask(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n '-1' must not be negative");
  }

  @Test
  void ask_fiveOnEmpty_isLinspace() {
    Asked<Double> asked = Learner1D.of(-1, 1).ask(5, true);
    assertThat(asked.points()).containsExactly(-1.0, -0.5, 0.0, 0.5, 1.0);
    assertThat(asked.improvements()).containsOnly(INF);
  }

  @Test
  void ask_oneAndTwoOnEmpty_areTheBoundsInOrder() {
    assertThat(Learner1D.of(-1, 1).ask(1, true).points()).containsExactly(-1.0);
    Asked<Double> two = Learner1D.of(-1, 1).ask(2, true);
    assertThat(two.points()).containsExactly(-1.0, 1.0);
    assertThat(two.improvements()).containsExactly(INF, INF);
  }

  @Test
  void ask_threeWithOnlyZeroKnown_givesBoundsThenQualPoint() {
    Learner1D learner = Learner1D.of(-1, 1);
    learner.tell(0.0, peak(0.0));
    Asked<Double> asked = learner.ask(3, true);
    assertThat(asked.points()).containsExactly(-1.0, 1.0, -0.5);
    assertThat(asked.improvements()).containsExactly(INF, INF, INF);
  }

  @Test
  void ask_threeWithBothBounds_splitsIntoQuartersAtLossOverFour() {
    Learner1D learner = Learner1D.of(-1, 1);
    learner.tell(-1.0, peak(-1.0));
    learner.tell(1.0, peak(1.0));
    double loss = learner.loss(false);
    Asked<Double> asked = learner.ask(3, true);
    assertThat(asked.points()).containsExactly(-0.5, 0.0, 0.5);
    double expected = loss / 2 * 2 / 3 * 3 / 4; // the qual (−1, 1, k) grown from k = 2 to 4
    assertThat(asked.improvements()).containsExactly(expected, expected, expected);
  }

  @Test
  void ask_oneLoop_beginsAsInTheReference() {
    Learner1D learner = Learner1D.of(-1, 1);
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      double x = learner.ask(1, true).points().get(0);
      xs.add(x);
      learner.tell(x, peak(x));
    }
    assertThat(xs)
        .containsExactly(-1.0, 1.0, 0.0, -0.5, -0.25, -0.125, -0.0625, -0.03125, 0.5, -0.015625);
  }

  @Test
  void ask_withoutTellPending_leavesStateUnchanged() {
    Learner1D learner = run(Learner1D.of(-1, 1), 40);
    learner.ask(3, true); // some pending points too
    double real = learner.loss(true);
    double combined = learner.loss(false);
    long npoints = learner.npoints();
    int pending = learner.pendingCount();
    Asked<Double> first = learner.ask(7, false);
    for (int i = 0; i < 5; i++) {
      assertThat(learner.ask(7, false)).isEqualTo(first);
      assertThat(learner.ask(1, false).points()).containsExactly(first.points().get(0));
    }
    assertThat(learner.loss(true)).isEqualTo(real);
    assertThat(learner.loss(false)).isEqualTo(combined);
    assertThat(learner.npoints()).isEqualTo(npoints);
    assertThat(learner.pendingCount()).isEqualTo(pending);
    assertThat(learner.ask(7, true)).isEqualTo(first); // and registering them gives the same
  }

  @Test
  void ask_pendingPoints_areNotProposedAgain() {
    Learner1D learner = run(Learner1D.of(-1, 1), 30);
    List<Double> asked = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      asked.addAll(learner.ask(1, true).points());
    }
    assertThat(asked).doesNotHaveDuplicates();
    assertThat(learner.pendingCount()).isEqualTo(20);
    assertThat(learner.npoints()).isEqualTo(30);
  }

  /* ---------------- tell (§3.5) ---------------- */

  @Test
  void tell_knownPoint_isIgnoredFirstValueWins() {
    Learner1D learner = Learner1D.of(-1, 1);
    learner.tell(-1.0, 0.0);
    learner.tell(1.0, 1.0);
    learner.tell(0.25, 3.0);
    double loss = learner.loss();
    learner.tell(0.25, 5.0);
    learner.tell((Double) 0.25, (Double) 7.0);
    List<double[]> data = new ArrayList<>();
    learner.forEachData((x, y) -> data.add(new double[] {x, y}));
    assertThat(data).hasSize(3);
    assertThat(data.get(2)).containsExactly(0.25, 3.0);
    assertThat(learner.loss()).isEqualTo(loss);
  }

  @Test
  void tell_outOfBounds_isCountedButIgnored() {
    Learner1D learner = Learner1D.of(-1, 1);
    learner.tell(-1.0, peak(-1.0));
    learner.tell(1.0, peak(1.0));
    double loss = learner.loss();
    Asked<Double> next = learner.ask(1, false);
    learner.tell(3.0, 1000.0);
    learner.tell(-2.0, -1000.0);
    assertThat(learner.npoints()).isEqualTo(4);
    assertThat(learner.loss()).isEqualTo(loss); // the y-scale ignored 1000 and -1000
    assertThat(learner.ask(1, false)).isEqualTo(next);
    List<Double> xs = new ArrayList<>();
    learner.forEachData((x, y) -> xs.add(x));
    assertThat(xs).containsExactly(-1.0, 1.0, 3.0, -2.0);
  }

  @Test
  void tell_nullValue_throwsNpe() {
    assertThatThrownBy(() -> Learner1D.of(-1, 1).tell((Double) 0.0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  @Test
  void tell_neverAskedPoints_inAnyOrder_areAllUsed() {
    Learner1D learner = Learner1D.of(0, 10);
    for (double x : new double[] {7, 3, 10, 0, 5, 1, 9}) {
      learner.tell(x, x * x);
    }
    assertThat(learner.npoints()).isEqualTo(7);
    assertThat(learner.loss()).isFinite().isPositive();
    double x = learner.askPoints(1)[0];
    assertThat(x).isBetween(0.0, 10.0);
  }

  /* ---------------- loss (§3.8) ---------------- */

  @Test
  void loss_missingBound_isInfinite() {
    Learner1D learner = Learner1D.of(-1, 1);
    assertThat(learner.loss()).isEqualTo(INF);
    learner.tell(-1.0, 0.0);
    learner.tell(0.0, 1.0);
    assertThat(learner.loss(true)).isEqualTo(INF);
    assertThat(learner.loss(false)).isEqualTo(INF);
  }

  @Test
  void loss_twoBounds_isScaledDistance() {
    Learner1D learner = Learner1D.of(-1, 1);
    learner.tell(-1.0, peak(-1.0));
    learner.tell(1.0, peak(1.0));
    assertThat(learner.loss()).isEqualTo(1.4142135623730951); // the reference's second row
  }

  /* ---------------- removeUnfinished (§3.8) ---------------- */

  @Test
  void removeUnfinished_forgetsPendingAndRestoresRealLosses() {
    Learner1D learner = run(Learner1D.of(-1, 1), 50);
    Learner1D twin = run(Learner1D.of(-1, 1), 50);
    learner.ask(5, true);
    learner.tellPending(0.123456);
    assertThat(learner.pendingCount()).isEqualTo(6);
    assertThat(learner.loss(false)).isNotEqualTo(learner.loss(true));

    learner.removeUnfinished();

    assertThat(learner.pendingCount()).isZero();
    assertThat(learner.loss(false)).isEqualTo(learner.loss(true));
    assertThat(learner.loss(true)).isEqualTo(twin.loss(true));
    for (int i = 0; i < 200; i++) {
      double x = learner.askPoints(1)[0];
      assertThat(x).isEqualTo(twin.askPoints(1)[0]);
      learner.tell(x, peak(x));
      twin.tell(x, peak(x));
    }
  }

  @Test
  void tellPending_thenTell_sameAsTellAlone() {
    Learner1D learner = run(Learner1D.of(-1, 1), 20);
    Learner1D twin = run(Learner1D.of(-1, 1), 20);
    learner.tellPending(0.3);
    learner.tell(0.3, peak(0.3));
    twin.tell(0.3, peak(0.3));
    assertThat(learner.loss(true)).isEqualTo(twin.loss(true));
    assertThat(learner.ask(4, false)).isEqualTo(twin.ask(4, false));
  }

  /* ---------------- load, tellMany (§3.9) ---------------- */

  @Test
  void load_exportedData_rebuildsSameLearner() {
    Learner1D learner = run(Learner1D.of(-1, 1), 2000);
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    learner.forEachData(
        (x, y) -> {
          xs.add(x);
          ys.add(y);
        });
    Learner1D loaded = Learner1D.of(-1, 1);
    loaded.load(xs, ys);

    assertThat(loaded.npoints()).isEqualTo(learner.npoints());
    assertThat(loaded.loss()).isCloseTo(learner.loss(), org.assertj.core.data.Offset.offset(1e-15));
    assertThat(loaded.loss(false)).isEqualTo(loaded.loss(true));
    List<Double> again = new ArrayList<>();
    loaded.forEachData((x, y) -> again.add(x));
    assertThat(again).isEqualTo(xs);
    run(loaded, 2100); // and it keeps learning
    assertThat(loaded.npoints()).isEqualTo(2100);
  }

  @Test
  void load_withPendingPoints_givesThemSharedLosses() {
    Learner1D learner = Learner1D.of(-1, 1);
    learner.tellPending(0.0);
    learner.load(List.of(-1.0, 1.0, 0.5), List.of(0.0, 2.0, 1.0));
    assertThat(learner.pendingCount()).isEqualTo(1);
    assertThat(learner.npoints()).isEqualTo(3);
    // scaled x −0.5, 0.25, 0.5 and y 0, 0.5, 1 (y-scale 2): (−1, 0.5) has the largest loss
    double wide = Math.hypot(0.75, 0.5);
    assertThat(learner.loss(true)).isEqualTo(wide);
    // the pending 0 splits it into (−1, 0) and (0, 0.5), sharing its loss by width
    assertThat(learner.loss(false)).isEqualTo((0.0 - -1.0) * wide / 1.5);
  }

  @Test
  void tellMany_fewPoints_isALoopOfTell() {
    Learner1D bulk = run(Learner1D.of(-1, 1), 20);
    Learner1D loop = run(Learner1D.of(-1, 1), 20);
    bulk.tellMany(new double[] {0.11, 0.12}, new double[] {peak(0.11), peak(0.12)}, false);
    loop.tell(0.11, peak(0.11));
    loop.tell(0.12, peak(0.12));
    assertThat(bulk.loss()).isEqualTo(loop.loss());
    assertThat(bulk.ask(5, false)).isEqualTo(loop.ask(5, false));
  }

  @Test
  void tellMany_differentLengths_isRejected() {
    assertThatThrownBy(() -> Learner1D.of(-1, 1).tellMany(new double[2], new double[3], true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 points but 3 values for value length 1");
  }

  /* ---------------- losses (§3.3) ---------------- */

  @Test
  void uniformLoss_33Points_areEquallySpaced() {
    Learner1D learner = run(Learner1D.of(-1, 1, new Loss1D.Uniform()), 33);
    List<Double> xs = sortedXs(learner);
    for (int i = 0; i < xs.size(); i++) {
      assertThat(xs.get(i)).isEqualTo(-1 + i / 16.0);
    }
    assertThat(learner.loss()).isEqualTo(1 / 32.0);
  }

  @Test
  void resolutionLoss_whenLossIsZero_everyIntervalIsBetweenHalfMinAndMin() {
    double min = 0.01;
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.Resolution(min, 0.1));
    while (learner.loss() > 0 && learner.npoints() < 10_000) {
      double x = learner.askPoints(1)[0];
      learner.tell(x, peak(x));
    }
    assertThat(learner.loss()).isZero();
    List<Double> xs = sortedXs(learner);
    for (int i = 1; i < xs.size(); i++) {
      double u = (xs.get(i) - xs.get(i - 1)) / 2; // a fraction of the domain width
      assertThat(u).as("interval %d", i).isGreaterThanOrEqualTo(min / 2).isLessThan(min);
    }
  }

  @Test
  void resolutionLoss_wideInterval_isInfinite() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.Resolution(0, 0.4));
    learner.tell(-1.0, 0.0);
    learner.tell(1.0, 1.0);
    assertThat(learner.loss()).isEqualTo(INF);
    learner.tell(0.0, 0.5);
    assertThat(learner.loss()).isEqualTo(INF); // width 0.5 of the domain > 0.4
    learner.tell(-0.5, 0.25);
    learner.tell(0.5, 0.75);
    assertThat(learner.loss()).isEqualTo(Math.hypot(0.25, 0.25)); // ≤ 0.4: the default loss
  }

  @Test
  void absMinLogLoss_twoPoints_isDefaultOnLogs() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.AbsMinLog());
    learner.tell(-1.0, 1.0);
    learner.tell(1.0, -100.0);
    double s = 101; // y-scale
    double expected = Math.hypot(0.5 - -0.5, Math.log(100 / s) - Math.log(1 / s));
    assertThat(learner.loss()).isEqualTo(expected);
  }

  @Test
  void absMinLogLoss_zero_givesInfiniteLossRankedByWidth() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.AbsMinLog());
    learner.tell(-1.0, 0.0);
    learner.tell(1.0, 1.0);
    learner.tell(0.0, 1.0); // (−1, 0) has log 0 = −inf: infinite; (0, 1) is finite
    assertThat(learner.loss()).isEqualTo(INF);
    assertThat(learner.ask(1, false).points()).containsExactly(-0.5);
  }

  @Test
  void triangleLoss_twoPoints_isWidth() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.Triangle());
    learner.tell(-1.0, 0.0);
    learner.tell(1.0, 3.0);
    assertThat(learner.loss()).isEqualTo(1.0); // 0.5 − (−0.5), scaled x
  }

  @Test
  void triangleLoss_threePoints_isAreaInScaledPlane() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.Triangle());
    learner.tell(-1.0, 0.0);
    learner.tell(1.0, 0.0);
    learner.tell(0.5, 1.0);
    // scaled (−0.5, 0), (0.25, 1), (0.5, 0): |(−1)(1) − (−0.25)(0)| / 2, for both intervals
    assertThat(learner.loss()).isEqualTo(0.5);
    assertThat(learner.loss(false)).isEqualTo(0.5);
  }

  @Test
  void triangleLoss_newPoint_recomputesTheNeighbouringIntervalsToo() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.Triangle());
    learner.tell(-1.0, 0.0);
    learner.tell(1.0, 0.0);
    learner.tell(0.5, 1.0);
    learner.tell(-0.5, 0.5);
    // (0.5, 1) is two intervals away from −0.5, but nth = 1 reaches it: its triangle is now
    // (−0.25, 0.5), (0.25, 1), (0.5, 0) with area 0.3125 (it was 0.5); the others are smaller
    assertThat(learner.loss()).isEqualTo(0.3125);
  }

  @Test
  void curvatureLoss_threePoints_combinesAreaDistanceAndWidth() {
    Learner1D learner = Learner1D.of(-1, 1, new Loss1D.Curvature(1, 0.02, 0.02));
    learner.tell(-1.0, 0.0);
    learner.tell(0.5, 1.0);
    learner.tell(1.0, 0.0);
    double expected = 1 * Math.sqrt(0.5) + 0.02 * Math.hypot(0.75, 1.0) + 0.02 * 0.75;
    assertThat(learner.loss()).isEqualTo(expected); // (−1, 0.5) beats (0.5, 1)
  }

  @Test
  void curvatureLoss_peak_convergesLikeDefault() {
    Learner1D learner = run(Learner1D.of(-1, 1, new Loss1D.Curvature(1, 0.02, 0.02)), 1000);
    assertThat(learner.loss()).isFinite().isPositive().isLessThan(0.01);
    double[] errors = Learner1DReference.interpolationErrors(learner, -1, 1);
    assertThat(errors[1]).isLessThan(0.01);
  }

  /* ---------------- vector output (§3.10) ---------------- */

  @Test
  void vector_componentsWithSmallerRange_sameSequenceAsScalar() {
    Learner1D scalar = Learner1D.of(-1, 1);
    Learner<Double, double[]> vector = Learner1D.vector(-1, 1, 2, new Loss1D.Default());
    for (int i = 0; i < 2000; i++) {
      double x = scalar.askPoints(1)[0];
      assertThat(vector.ask(1, true).points()).containsExactly(x);
      scalar.tell(x, peak(x));
      vector.tell(x, new double[] {0.5 * peak(x), peak(x)});
    }
    assertThat(vector.loss()).isEqualTo(scalar.loss());
    assertThat(vector.npoints()).isEqualTo(2000);
  }

  @Test
  void vector_defaultLoss_isMaxOverComponents() {
    Learner<Double, double[]> vector = Learner1D.vector(-1, 1, 3, new Loss1D.Default());
    vector.tell(-1.0, new double[] {0, 0, 0});
    vector.tell(1.0, new double[] {1, -4, 2});
    // y-scale 4 (the largest range); component 1: |0 − (−1)| after scaling
    assertThat(vector.loss()).isEqualTo(Math.hypot(1.0, 1.0));
  }

  @Test
  void vector_triangleLoss_isCayleyMengerArea() {
    Learner<Double, double[]> vector = Learner1D.vector(-1, 1, 2, new Loss1D.Triangle());
    vector.tell(-1.0, new double[] {0, 0});
    vector.tell(0.5, new double[] {1, 0});
    vector.tell(1.0, new double[] {0, 0});
    assertThat(vector.loss()).isEqualTo(0.5); // the same triangle as the scalar case
    Learner<Double, double[]> tilted = Learner1D.vector(-1, 1, 2, new Loss1D.Triangle());
    tilted.tell(-1.0, new double[] {0, 0});
    tilted.tell(0.5, new double[] {1, 1});
    tilted.tell(1.0, new double[] {0, 0});
    // scaled (−0.5,0,0), (0.25,1,1), (0.5,0,0): base 1 along x, height sqrt(2)
    assertThat(vector.loss()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(tilted.loss())
        .isCloseTo(Math.sqrt(2) / 2, org.assertj.core.data.Offset.offset(1e-15));
  }

  @Test
  void vector_wrongLength_isRejected() {
    Learner<Double, double[]> vector = Learner1D.vector(-1, 1, 2, new Loss1D.Default());
    assertThatThrownBy(() -> vector.tell(0.0, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value of length 3 told to a learner of length 2");
  }

  @Test
  void vector_codecAndLoad_roundTrip() throws IOException {
    Learner<Double, double[]> vector =
        Learner1D.vector(-1, 1, 2, new Loss1D.Curvature(1, 0.02, 0.02));
    for (int i = 0; i < 300; i++) {
      double x = vector.ask(1, true).points().get(0);
      vector.tell(x, new double[] {peak(x), Math.sin(3 * x)});
    }
    DataCodec<Double, double[]> codec = vector.codec();
    assertThat(codec.kind()).isEqualTo("learner1D");
    assertThat(codec.value().columns()).containsExactly("y0", "y1");
    List<Double> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    vector.forEachData(
        (x, y) -> {
          xs.add(x);
          ys.add(y);
          try {
            codec.value().write(y, out);
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    for (double[] y : ys) {
      assertThat(codec.value().read(in)).containsExactly(y);
    }
    StringBuilder row = new StringBuilder();
    codec.value().appendCsv(new double[] {0.1, -2.5}, row);
    assertThat(row).hasToString("0.1,-2.5");

    Learner<Double, double[]> loaded =
        Learner1D.vector(-1, 1, 2, new Loss1D.Curvature(1, 0.02, 0.02));
    loaded.load(xs, ys);
    assertThat(loaded.npoints()).isEqualTo(300);
    assertThat(loaded.loss()).isCloseTo(vector.loss(), org.assertj.core.data.Offset.offset(1e-12));
  }
}
