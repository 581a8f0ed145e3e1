/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.adaptive.runtime.store.DataSnapshot;
import io.adaptive.runtime.store.LearnerDataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LearnerND in 3-D (and 2-D) by its properties, and its contract. */
final class LearnerNDTest {

  private static final double[] LO3 = {-1, 0, 2};
  private static final double[] HI3 = {1, 0.5, 5};

  /** A sharp spherical shell in the box LO3–HI3: a 3-D ring. */
  static double shell(double[] p) {
    double x = p[0];
    double y = (p[1] - 0.25) * 4;
    double z = (p[2] - 3.5) / 1.5;
    double r = x * x + y * y + z * z - 0.5;
    return x + Math.exp(-(r * r) / 0.01);
  }

  private static LearnerND run3D(LearnerNDLoss loss, int points) {
    LearnerND learner = LearnerND.of(LO3, HI3, loss, 1);
    while (learner.npoints() < points) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, shell(p));
    }
    return learner;
  }

  /* ---------------- Delaunay validity ---------------- */

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void tell_randomPoints3D_triangulationIsDelaunayAndFillsTheBox(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LearnerND learner = LearnerND.of(LO3, HI3);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double[] p = new double[3];
      for (int c = 0; c < 3; c++) {
        p[c] = LO3[c] + random.nextDouble() * (HI3[c] - LO3[c]);
      }
      points.add(p);
    }
    // random points first, so the hull grows from inside until the corners arrive
    for (double[] p : points.subList(0, 20)) {
      learner.tell(p, shell(p));
    }
    for (int i = 0; i < 8; i++) {
      double[] corner = learner.ask(1, true).points().get(0);
      learner.tell(corner, shell(corner));
    }
    for (double[] p : points.subList(20, points.size())) {
      learner.tell(p, shell(p));
    }
    assertDelaunay(learner.core().triangulation(), seed);
    assertThat(volume(learner.core().triangulation())).as("seed %d", seed)
        .isCloseTo(1.0, within(1e-9));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"default", "uniform", "curvature"})
  void ask1Loop3D_triangulationIsDelaunayWithCosphericalPoints(String name) {
    // a learner's own points are centroids and edge midpoints: many co-spherical sets
    LearnerND learner = run3D(loss(name), 600);
    assertDelaunay(learner.core().triangulation(), 0);
    assertThat(volume(learner.core().triangulation())).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void ask1Loop2D_triangulationIsDelaunayAndFillsTheSquare() {
    LearnerND learner = LearnerND.of(new double[] {0, -3}, new double[] {2, 3});
    while (learner.npoints() < 500) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, Math.tanh(20 * (p[0] - 1 + 0.1 * p[1] * p[1])));
    }
    assertDelaunay(learner.core().triangulation(), 0);
    assertThat(volume(learner.core().triangulation())).isCloseTo(1.0, within(1e-9));
  }

  private static LearnerNDLoss loss(String name) {
    return switch (name) {
      case "uniform" -> new LearnerNDLoss.Uniform();
      case "curvature" -> new LearnerNDLoss.Curvature(0.05);
      case "std" -> new LearnerNDLoss.Std();
      case "triangle" -> new LearnerNDLoss.Triangle();
      default -> new LearnerNDLoss.Default();
    };
  }

  /** Empty circumspheres, positive volumes, symmetric neighbours, every vertex used. */
  static void assertDelaunay(TriangulationND tri, long seed) {
    int dim = tri.dim;
    int k = dim + 1;
    double[] pts = new double[k * dim];
    double[] centre = new double[dim];
    Set<Integer> used = new HashSet<>();
    for (int s = 0; s < tri.slots(); s++) {
      if (!tri.alive(s)) {
        continue;
      }
      tri.vertices(s, pts);
      assertThat(SimplexGeometry.volume(pts, dim)).as("seed %d: volume of simplex %d", seed, s)
          .isPositive();
      double radius = SimplexGeometry.circumsphere(pts, dim, centre);
      for (int v = 0; v < tri.vertexCount(); v++) {
        double d2 = 0;
        for (int c = 0; c < dim; c++) {
          double t = tri.coord(v, c) - centre[c];
          d2 += t * t;
        }
        assertThat(Math.sqrt(d2)).as("seed %d: vertex %d against the circumsphere of %d", seed,
            v, s).isGreaterThanOrEqualTo(radius * (1 - 1e-7));
      }
      for (int i = 0; i < k; i++) {
        used.add(tri.vertex(s, i));
        int n = tri.neighbour(s, i);
        if (n >= 0) {
          assertThat(tri.alive(n)).isTrue();
          boolean back = false;
          for (int j = 0; j < k; j++) {
            back |= tri.neighbour(n, j) == s;
          }
          assertThat(back).as("seed %d: %d lists %d as neighbour, not back", seed, s, n).isTrue();
        }
      }
    }
    assertThat(used).as("seed %d: every vertex is in a simplex", seed)
        .hasSize(tri.vertexCount());
  }

  static double volume(TriangulationND tri) {
    double sum = 0;
    for (int s = 0; s < tri.slots(); s++) {
      if (tri.alive(s)) {
        sum += tri.volume(s);
      }
    }
    return sum;
  }

  /* ---------------- loss and points ---------------- */

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"default", "uniform", "std", "triangle", "curvature"})
  void ask1Loop3D_lossDecreasesAsPointsDouble_andPointsStayInTheBox(String name) {
    LearnerND learner = LearnerND.of(LO3, HI3, loss(name), 1);
    double previous = Double.POSITIVE_INFINITY;
    for (int target : new int[] {100, 200, 400, 800}) {
      while (learner.npoints() < target) {
        double[] p = learner.ask(1, true).points().get(0);
        for (int c = 0; c < 3; c++) {
          assertThat(p[c]).as("coordinate %d of point %d", c, learner.npoints())
              .isBetween(LO3[c], HI3[c]);
        }
        learner.tell(p, shell(p));
      }
      double loss = learner.loss();
      assertThat(loss).as("%s loss at %d points", name, target).isLessThan(previous).isPositive();
      previous = loss;
    }
  }

  @Test
  void loss_beforeASimplex_isInfinite() {
    LearnerND learner = LearnerND.of(LO3, HI3);
    for (int i = 0; i < 4; i++) { // four corners of one face: flat
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, 1.0);
    }
    assertThat(learner.loss()).isEqualTo(Double.POSITIVE_INFINITY);
    double[] p = learner.ask(1, true).points().get(0);
    learner.tell(p, 1.0);
    assertThat(learner.loss()).isFinite();
  }

  @Test
  void ask_freshLearner_cornersInSortedOrderThenRandomPointsInTheBox() {
    LearnerND learner = LearnerND.of(LO3, HI3);
    Asked<double[]> asked = learner.ask(12, true);
    assertThat(asked.points().subList(0, 8)).containsExactly(
        new double[] {-1, 0, 2}, new double[] {-1, 0, 5}, new double[] {-1, 0.5, 2},
        new double[] {-1, 0.5, 5}, new double[] {1, 0, 2}, new double[] {1, 0, 5},
        new double[] {1, 0.5, 2}, new double[] {1, 0.5, 5});
    assertThat(asked.improvements()).containsOnly(Double.POSITIVE_INFINITY);
    for (double[] p : asked.points().subList(8, 12)) {
      for (int c = 0; c < 3; c++) {
        assertThat(p[c]).isBetween(LO3[c], HI3[c]);
      }
    }
    assertThat(learner.pendingCount()).isEqualTo(12);
  }

  /* ---------------- pending points ---------------- */

  @Test
  void ask16_pendingPoints_areDistinctAndSplitTheLoss() {
    LearnerND learner = run3D(new LearnerNDLoss.Default(), 200);
    Asked<double[]> asked = learner.ask(16, true);
    assertThat(asked.points()).hasSize(16);
    Set<String> distinct = new HashSet<>();
    for (double[] p : asked.points()) {
      distinct.add(Arrays.toString(p));
    }
    assertThat(distinct).hasSize(16);
    // the first point's simplex is split among pending points: later improvements are smaller
    assertThat(asked.improvements().get(15)).isLessThan(asked.improvements().get(0));
    assertThat(learner.pendingCount()).isEqualTo(16);
    for (double[] p : asked.points()) {
      learner.tell(p, shell(p));
    }
    assertThat(learner.pendingCount()).isZero();
    assertDelaunay(learner.core().triangulation(), 0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8})
  void pointsInFlight_toldInRandomOrder3D_allAnsweredDistinctAndDelaunay(long seed) {
    // like a pool of workers: asks of a few points, answers in any order, ~20 in flight
    SplittableRandom random = new SplittableRandom(seed);
    LearnerND learner = LearnerND.of(LO3, HI3);
    List<double[]> inFlight = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (learner.npoints() < 600) {
      if (inFlight.size() < 20) {
        for (double[] p : learner.ask(1 + random.nextInt(4), true).points()) {
          assertThat(seen.add(Arrays.toString(p))).as("seed %d: %s asked twice", seed,
              Arrays.toString(p)).isTrue();
          for (int c = 0; c < 3; c++) {
            assertThat(p[c]).isBetween(LO3[c], HI3[c]);
          }
          inFlight.add(p);
        }
      }
      double[] p = inFlight.remove(random.nextInt(inFlight.size()));
      learner.tell(p, shell(p));
      assertThat(learner.pendingCount()).isEqualTo(inFlight.size());
    }
    assertDelaunay(learner.core().triangulation(), seed);
    assertThat(volume(learner.core().triangulation())).isCloseTo(1.0, within(1e-9));
    assertThat(learner.loss()).isFinite().isPositive();
  }

  @Test
  void ask_tellPendingFalse_leavesTheStateUnchanged() {
    LearnerND learner = run3D(new LearnerNDLoss.Default(), 150);
    learner.ask(3, true); // some points pending before, so splits exist
    Asked<double[]> first = learner.ask(10, false);
    Asked<double[]> second = learner.ask(10, false);
    assertThat(second.points()).usingRecursiveComparison().isEqualTo(first.points());
    assertThat(second.improvements()).isEqualTo(first.improvements());
    assertThat(learner.pendingCount()).isEqualTo(3);
    Asked<double[]> registered = learner.ask(10, true);
    assertThat(registered.points()).usingRecursiveComparison().isEqualTo(first.points());
  }

  @Test
  void removeUnfinished_forgetsPendingPoints_andTheSameSimplicesAreChosenAgain() {
    LearnerND learner = run3D(new LearnerNDLoss.Default(), 150);
    Asked<double[]> before = learner.ask(5, true);
    learner.removeUnfinished();
    assertThat(learner.pendingCount()).isZero();
    Asked<double[]> again = learner.ask(5, true);
    assertThat(again.points()).usingRecursiveComparison().isEqualTo(before.points());
  }

  @Test
  void tell_pointOutsideTheBox_isCountedButNotTriangulated() {
    LearnerND learner = run3D(new LearnerNDLoss.Default(), 50);
    int vertices = learner.core().triangulation().vertexCount();
    learner.tell(new double[] {7, 7, 7}, 1.0);
    assertThat(learner.npoints()).isEqualTo(51);
    assertThat(learner.core().triangulation().vertexCount()).isEqualTo(vertices);
    learner.tell(new double[] {7, 7, 7}, 2.0); // the first value wins
    List<Double> values = new ArrayList<>();
    learner.forEachData((p, v) -> values.add(v));
    assertThat(values.get(50)).isEqualTo(1.0);
  }

  /* ---------------- interpolation ---------------- */

  @Test
  void interpolate_linearFunction_isExactEverywhereInside() {
    LearnerND learner = LearnerND.of(LO3, HI3, new LearnerNDLoss.Uniform(), 1);
    while (learner.npoints() < 100) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, 2 * p[0] - 3 * p[1] + 0.5 * p[2]);
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      double[] p = {-1 + 2 * random.nextDouble(), 0.5 * random.nextDouble(),
          2 + 3 * random.nextDouble()};
      assertThat(learner.interpolate(p)).isCloseTo(2 * p[0] - 3 * p[1] + 0.5 * p[2],
          within(1e-9));
    }
    assertThat(learner.interpolate(new double[] {2, 0, 3})).isNaN();
  }

  /* ---------------- save and load ---------------- */

  @TempDir Path directory;

  @Test
  void dataFile_savedAndReloaded_sameDataSameLossSameNextPoints() {
    LearnerND learner = run3D(new LearnerNDLoss.Default(), 300);
    Path file = directory.resolve("shell/data.db");
    Path snapshot;
    try (var store = LearnerDataFile.open(file, "shell", "f00d", learner.codec())) {
      snapshot = store.snapshotFile();
      store.save(learner, 0);
    }
    LearnerND reloaded = LearnerND.of(LO3, HI3, new LearnerNDLoss.Default(), 1);
    try (var store = LearnerDataFile.open(file, "shell", "f00d", reloaded.codec())) {
      store.loadInto(reloaded);
    }
    assertThat(data(reloaded)).isEqualTo(data(learner));
    assertThat(reloaded.loss()).isEqualTo(learner.loss());
    assertThat(reloaded.ask(5, true).points()).usingRecursiveComparison()
        .isEqualTo(learner.ask(5, true).points());
    DataSnapshot csv = DataSnapshot.read(snapshot);
    assertThat(csv.columns()).containsExactly("x", "y", "z", "value");
    assertThat(csv.size()).isEqualTo(300);
  }

  @Test
  void vector_twoOutputs_learnsAndWritesValue0Value1() {
    Learner<double[], double[]> learner = LearnerND.vector(new double[] {0, 0},
        new double[] {1, 2}, 2, new LearnerNDLoss.Default(), 1);
    for (int i = 0; i < 60; i++) {
      double[] p = learner.ask(1, true).points().get(0);
      learner.tell(p, new double[] {p[0] * p[1], Math.sin(3 * (p[0] + p[1]))});
    }
    assertThat(learner.loss()).isPositive().isFinite();
    assertThat(learner.codec().value().columns()).containsExactly("value0", "value1");
    assertThatThrownBy(() -> learner.tell(new double[] {0.5, 0.5}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a value of length 1 told to a learner of length 2");
  }

  private static List<String> data(Learner<double[], ?> learner) {
    List<String> data = new ArrayList<>();
    learner.forEachData((p, v) -> data.add(Arrays.toString(p) + "=" + v));
    return data;
  }

  /* ---------------- arguments ---------------- */

  @Test
  void of_fourDimensions_isRefused() {
    assertThatThrownBy(() -> LearnerND.of(new double[4], new double[] {1, 1, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a box of dimension 4; LearnerND supports dimension 2 and 3");
  }

  @Test
  void of_emptyInterval_isRefused() {
    assertThatThrownBy(() -> LearnerND.of(new double[] {0, 1}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bound 1 is (1.0, 1.0); it needs finite numbers with lower < upper");
  }

  @Test
  void tell_pointOfWrongDimension_isRefused() {
    LearnerND learner = LearnerND.of(LO3, HI3);
    assertThatThrownBy(() -> learner.tell(new double[] {0, 0}, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a point of a 3-D learner has 3 coordinates, not 2");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void queueRank_fastPath_agreesWithBigDecimalHalfEven(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      // values near ties on the 8th decimal, and arbitrary ones
      double loss = i % 2 == 0 ? (random.nextInt(1_000_000) + 0.5) / 1e8
          : Math.scalb(random.nextDouble(), -random.nextInt(30));
      double exact = new java.math.BigDecimal(loss)
          .setScale(8, java.math.RoundingMode.HALF_EVEN).unscaledValue().doubleValue();
      assertThat(SimplexQueue.rank(loss)).as("seed %d: rank of %s", seed, loss).isEqualTo(exact);
    }
  }
}
