/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner2DReference.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Learner2D's contract: pending points, the stack, data export, losses, interpolation. */
final class Learner2DTest {

  private static Learner2D ringLearner(Learner2DLoss loss, int n) {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1, loss);
    while (learner.npoints() < n) {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], ring(p[0], p[1]));
    }
    return learner;
  }

  /* ---------------- of ---------------- */

  @Test
  void of_emptyRectangle_isRejectedWithAnExample() {
    assertThatThrownBy(() -> Learner2D.of(1, -1, -1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bounds [(1.0, -1.0), (-1.0, 1.0)] are not a finite rectangle with lower < upper"
            + " on each axis; for example use (-1.0, 1.0, -1.0, 1.0)");
  }

  @Test
  void vector_surfaceLossWithTwoOutputs_isRejected() {
    assertThatThrownBy(
            () -> Learner2D.vector(-1, 1, -1, 1, 2, new Learner2DLoss.MinimizeTriangleSurface()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the loss minimizeTriangleSurface works on scalar functions only, not on 2"
            + " outputs; use the default loss");
  }

  /* ---------------- loss ---------------- */

  @Test
  void loss_beforeTheCornersAreTold_isInfinite() {
    Learner2D learner = Learner2D.of(0, 2, 0, 1);
    learner.tell(0.5, 0.5, 1.0);
    double[] p = learner.askPoints(3);
    for (int i = 0; i < 3; i++) {
      learner.tell(p[2 * i], p[2 * i + 1], 0.0);
    }
    assertThat(learner.loss()).isInfinite();
    double[] last = learner.askPoints(1);
    assertThat(last).containsExactly(2, 1);
    learner.tell(2, 1, 0.0);
    assertThat(learner.loss()).isFinite().isPositive();
  }

  @Test
  void loss_ring_decreasesAsPointsAreAdded() {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    double previous = Double.POSITIVE_INFINITY;
    for (int n : new int[] {100, 1000, 5000, 20000}) {
      while (learner.npoints() < n) {
        double[] p = learner.askPoints(1);
        learner.tell(p[0], p[1], ring(p[0], p[1]));
      }
      double loss = learner.loss();
      assertThat(loss).as("loss at %d points", n).isLessThan(previous);
      previous = loss;
    }
  }

  @Test
  void loss_realAndCombined_agreeWithoutPendingPoints() {
    // not bit for bit: the two triangulations got their gradients by different local updates
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 300);
    assertThat(learner.loss(false)).isCloseTo(learner.loss(true), offset(0.01 * learner.loss()));
  }

  @Test
  void loss_uniform_isTheSquareRootOfTheLargestArea() {
    Learner2D learner = ringLearner(new Learner2DLoss.Uniform(), 2000);
    // 2000 points on the unit square: about 4000 triangles of area 1/4000
    assertThat(learner.loss()).isBetween(Math.sqrt(1.0 / 4000), 3 * Math.sqrt(1.0 / 4000));
  }

  @Test
  void loss_resolution_reachesZeroWhenEveryTriangleIsSmall() {
    Learner2D learner = ringLearner(new Learner2DLoss.Resolution(0.05, 1), 100);
    while (learner.loss() > 0 && learner.npoints() < 20_000) {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], ring(p[0], p[1]));
    }
    assertThat(learner.loss()).isZero();
    assertThat(learner.npoints()).isLessThan(20_000);
  }

  @Test
  void loss_surfaceAndThresholded_areFiniteAndDecrease() {
    for (Learner2DLoss loss : List.of(new Learner2DLoss.MinimizeTriangleSurface(),
        new Learner2DLoss.Thresholded(0.0, 1.5, 0.1))) {
      double l200 = ringLearner(loss, 200).loss();
      double l2000 = ringLearner(loss, 2000).loss();
      assertThat(l2000).as("%s", loss).isFinite().isPositive().isLessThan(l200);
    }
  }

  @Test
  void loss_triangle_isFiniteAndDecreases() {
    double l200 = ringLearner(new Learner2DLoss.Triangle(), 200).loss();
    double l2000 = ringLearner(new Learner2DLoss.Triangle(), 2000).loss();
    assertThat(l2000).isFinite().isPositive().isLessThan(l200);
  }

  @Test
  void tetrahedronVolume_unitCorner_isOneSixth() {
    double[] p = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
    assertThat(Learner2DKernels.tetrahedronVolume(p, 3)).isCloseTo(1.0 / 6, offset(1e-15));
    double[] flat = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0};
    assertThat(Learner2DKernels.tetrahedronVolume(flat, 3)).isZero();
  }

  /* ---------------- tell, tellPending, ask ---------------- */

  @Test
  void tell_twice_firstValueWins() {
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 10);
    List<double[]> points = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    learner.forEachData((p, v) -> {
      points.add(p);
      values.add(v);
    });
    learner.tell(points.get(5), 99.0);
    assertThat(learner.npoints()).isEqualTo(10);
    List<Double> after = new ArrayList<>();
    learner.forEachData((p, v) -> after.add(v));
    assertThat(after).isEqualTo(values);
  }

  @Test
  void tell_outsideTheBounds_isCountedButNotTriangulated() {
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 50);
    double loss = learner.loss();
    learner.tell(5, 5, 1e9);
    assertThat(learner.npoints()).isEqualTo(51);
    assertThat(learner.loss()).isEqualTo(loss);
    assertThat(learner.interpolate(5, 5)).isNaN();
  }

  @Test
  void ask_withoutTellPending_leavesThePendingPointsAlone() {
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 100);
    Asked<double[]> peek = learner.ask(5, false);
    assertThat(learner.pendingCount()).isZero();
    Asked<double[]> taken = learner.ask(5, true);
    assertThat(taken.points()).containsExactlyElementsOf(peek.points());
    assertThat(learner.pendingCount()).isEqualTo(5);
  }

  @Test
  void ask_manyPoints_distinctAndPending() {
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 100);
    double[] p = learner.askPoints(500);
    assertThat(p).hasSize(1000);
    java.util.Set<List<Double>> distinct = new java.util.HashSet<>();
    for (int i = 0; i < 500; i++) {
      distinct.add(List.of(p[2 * i], p[2 * i + 1]));
    }
    assertThat(distinct).hasSize(500);
    assertThat(learner.pendingCount()).isEqualTo(500);
    assertThat(learner.loss(false)).isLessThan(learner.loss(true));
  }

  @Test
  void removeUnfinished_putsUntoldCornersBackOnTheStack() {
    // (1, 1) never left the stack and keeps its place; the others come back after it (§4.6)
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    learner.ask(3, true);
    learner.removeUnfinished();
    assertThat(learner.pendingCount()).isZero();
    assertThat(learner.ask(4, true).points())
        .containsExactly(
            new double[] {1, 1}, new double[] {-1, -1}, new double[] {-1, 1}, new double[] {1, -1});
  }

  @Test
  void removeUnfinished_afterPendingPoints_combinedLossIsTheRealOne() {
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 300);
    learner.askPoints(40);
    learner.removeUnfinished();
    assertThat(learner.pendingCount()).isZero();
    assertThat(learner.loss(false)).isCloseTo(learner.loss(true), offset(0.01 * learner.loss()));
    double[] p = learner.askPoints(1);
    learner.tell(p[0], p[1], ring(p[0], p[1]));
    assertThat(learner.npoints()).isEqualTo(301);
  }

  /* ---------------- data ---------------- */

  @Test
  void load_exportedData_rebuildsTheSameLearner() {
    Learner2D learner = ringLearner(new Learner2DLoss.Default(), 500);
    List<double[]> points = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    learner.forEachData((p, v) -> {
      points.add(p);
      values.add(v);
    });
    Learner2D copy = Learner2D.of(-1, 1, -1, 1);
    copy.load(points, values);
    assertThat(copy.npoints()).isEqualTo(500);
    assertThat(copy.loss()).isCloseTo(learner.loss(), offset(0.2 * learner.loss()));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      double x = 2 * random.nextDouble() - 1;
      double y = 2 * random.nextDouble() - 1;
      assertThat(copy.interpolate(x, y)).isCloseTo(learner.interpolate(x, y), offset(1e-9));
    }
  }

  @Test
  void codec_scalarAndVector_kindAndColumns() {
    Learner2D scalar = Learner2D.of(-1, 1, -1, 1);
    assertThat(scalar.codec().kind()).isEqualTo("learner2D");
    assertThat(scalar.codec().point().columns()).containsExactly("x", "y");
    assertThat(scalar.codec().value().columns()).containsExactly("z");
    var vector = Learner2D.vector(-1, 1, -1, 1, 2, new Learner2DLoss.Default());
    assertThat(vector.codec().kind()).isEqualTo("learner2D");
    assertThat(vector.codec().value().columns()).containsExactly("z0", "z1");
    StringBuilder row = new StringBuilder();
    scalar.codec().point().appendCsv(new double[] {0.25, -1.0}, row);
    assertThat(row.toString()).isEqualTo("0.25,-1.0");
  }

  @Test
  void codec_binaryRoundTrip_isExact() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    var out = new java.io.DataOutputStream(bytes);
    double[] p = {Math.PI, -0.0};
    Learner2D.POINTS.write(p, out);
    var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    assertThat(Learner2D.POINTS.read(in)).containsExactly(Math.PI, -0.0);
  }

  /* ---------------- interpolate, vector ---------------- */

  @Test
  void interpolate_linearFunction_isExact() {
    Learner2D learner = Learner2D.of(0, 4, -2, 2);
    for (int i = 0; i < 300; i++) {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], 2 * p[0] - 3 * p[1] + 1);
    }
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      double x = 4 * random.nextDouble();
      double y = 4 * random.nextDouble() - 2;
      assertThat(learner.interpolate(x, y)).isCloseTo(2 * x - 3 * y + 1, offset(1e-12));
    }
  }

  @Test
  void forEachTriangle_coversTheBoundsOnce_withEulersCountOfTriangles() {
    Learner2D learner = Learner2D.of(0, 4, -2, 2);
    List<double[]> none = new ArrayList<>();
    learner.forEachTriangle(none::add);
    assertThat(none).as("nothing before the corners are evaluated").isEmpty();
    int onBoundary = 0;
    for (int i = 0; i < 200; i++) {
      double[] p = learner.askPoints(1);
      learner.tell(p[0], p[1], Math.sin(p[0]) * p[1]);
      if (p[0] == 0 || p[0] == 4 || p[1] == -2 || p[1] == 2) {
        onBoundary++;
      }
    }
    double[] area = {0};
    int[] count = {0};
    learner.forEachTriangle(c -> {
      double signed = (c[2] - c[0]) * (c[5] - c[1]) - (c[4] - c[0]) * (c[3] - c[1]);
      assertThat(signed).as("counter-clockwise, not degenerate").isPositive();
      for (int k = 0; k < 6; k += 2) {
        assertThat(c[k]).isBetween(0.0, 4.0);
        assertThat(c[k + 1]).isBetween(-2.0, 2.0);
      }
      area[0] += signed / 2;
      count[0]++;
    });
    assertThat(area[0]).isCloseTo(16.0, offset(1e-9));
    // A triangulation of n points with h on its convex hull has 2n - 2 - h triangles; the hull is
    // the rectangle, whose boundary holds the corners and the points chosen on its edges.
    assertThat(count[0]).isEqualTo(2 * 200 - 2 - onBoundary);
  }

  @Test
  void vector_twoCopiesOfRing_learnsLikeTheScalarLearner() {
    Learner<double[], double[]> vector =
        Learner2D.vector(-1, 1, -1, 1, 2, new Learner2DLoss.Default());
    while (vector.npoints() < 1000) {
      double[] p = vector.ask(1, true).points().get(0);
      double z = ring(p[0], p[1]);
      vector.tell(p, new double[] {z, -z});
    }
    double[] at = ((Learner2DVector) vector).interpolate(0.1, -0.2);
    assertThat(at[0]).isCloseTo(ring(0.1, -0.2), offset(0.01));
    assertThat(at[1]).isEqualTo(-at[0]);
    assertThat(vector.loss()).isFinite().isPositive();
    List<double[]> values = new ArrayList<>();
    vector.forEachData((p, v) -> values.add(v));
    assertThat(values).hasSize(1000).allSatisfy(v -> assertThat(v).hasSize(2));
  }
}
