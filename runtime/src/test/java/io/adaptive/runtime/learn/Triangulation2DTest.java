/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incremental Delaunay triangulation: valid and Delaunay after seeded random insertions. */
final class Triangulation2DTest {

  /** Orientation, adjacency, area and the empty-circumcircle property of every triangle. */
  private static void assertValid(Triangulation2D tr, boolean bruteForce, long seed) {
    double area = 0;
    for (int t = 0; t < tr.nt; t++) {
      int a = tr.tri[3 * t];
      int b = tr.tri[3 * t + 1];
      int c = tr.tri[3 * t + 2];
      double o = Triangulation2D.orient(tr.vx[a], tr.vy[a], tr.vx[b], tr.vy[b], tr.vx[c], tr.vy[c]);
      assertThat(o).as("seed %d: triangle %d is counter-clockwise", seed, t).isPositive();
      area += Learner2DKernels.area(tr.vx[a], tr.vy[a], tr.vx[b], tr.vy[b], tr.vx[c], tr.vy[c]);
      for (int i = 0; i < 3; i++) {
        int u = tr.adj[3 * t + i];
        int x = tr.tri[3 * t + (i + 1) % 3];
        int y = tr.tri[3 * t + (i + 2) % 3];
        if (u == Triangulation2D.NONE) {
          // a boundary edge lies on the rectangle's side
          boolean side = (tr.vx[x] == tr.vx[y] && Math.abs(tr.vx[x]) == 0.5)
              || (tr.vy[x] == tr.vy[y] && Math.abs(tr.vy[x]) == 0.5);
          assertThat(side).as("seed %d: boundary edge of triangle %d on a side", seed, t).isTrue();
          continue;
        }
        int back = -1;
        for (int j = 0; j < 3; j++) {
          if (tr.adj[3 * u + j] == t) {
            back = j;
          }
        }
        assertThat(back).as("seed %d: adjacency of %d and %d is mutual", seed, t, u).isNotNegative();
        int d = tr.tri[3 * u + back];
        assertThat(Triangulation2D.incircle(tr.vx[a], tr.vy[a], tr.vx[b], tr.vy[b], tr.vx[c],
                tr.vy[c], tr.vx[d], tr.vy[d]))
            .as("seed %d: vertex %d inside the circumcircle of triangle %d", seed, d, t)
            .isLessThanOrEqualTo(0);
      }
      if (bruteForce) {
        for (int v = 0; v < tr.nv; v++) {
          assertThat(Triangulation2D.incircle(tr.vx[a], tr.vy[a], tr.vx[b], tr.vy[b], tr.vx[c],
                  tr.vy[c], tr.vx[v], tr.vy[v]))
              .as("seed %d: vertex %d inside the circumcircle of triangle %d", seed, v, t)
              .isLessThanOrEqualTo(0);
        }
      }
    }
    assertThat(area).as("seed %d: the triangles tile the unit square", seed).isCloseTo(1.0,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void insert_randomPoints_staysDelaunay(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Triangulation2D tr = new Triangulation2D(-0.5, 0.5, -0.5, 0.5, 16);
    for (int i = 0; i < 400; i++) {
      tr.insert(random.nextDouble() - 0.5, random.nextDouble() - 0.5);
    }
    assertThat(tr.nv).isEqualTo(404);
    assertValid(tr, true, seed);
    for (int i = 0; i < 20_000; i++) {
      tr.insert(random.nextDouble() - 0.5, random.nextDouble() - 0.5);
    }
    assertValid(tr, false, seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void insert_gridAndBoundaryPointsInRandomOrder_staysDelaunay(long seed) {
    // a 17 × 17 grid: every cell's four corners are co-circular, and 60 points lie on the sides
    SplittableRandom random = new SplittableRandom(seed);
    int side = 17;
    double[] xs = new double[side * side];
    double[] ys = new double[side * side];
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        xs[i * side + j] = -0.5 + i / 16.0;
        ys[i * side + j] = -0.5 + j / 16.0;
      }
    }
    for (int i = xs.length - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      double tx = xs[i];
      double ty = ys[i];
      xs[i] = xs[k];
      ys[i] = ys[k];
      xs[k] = tx;
      ys[k] = ty;
    }
    Triangulation2D tr = new Triangulation2D(-0.5, 0.5, -0.5, 0.5, 16);
    int inserted = 0;
    for (int i = 0; i < xs.length; i++) {
      if (tr.insert(xs[i], ys[i]) >= 0) {
        inserted++;
      }
    }
    assertThat(inserted).as("all but the 4 corners").isEqualTo(side * side - 4);
    assertValid(tr, true, seed);
    assertThat(tr.insert(0.0, 0.0)).as("a repeated point").isNegative();
  }

  private static java.math.BigDecimal b(double v) {
    return new java.math.BigDecimal(v);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8})
  void predicates_nearlyDegenerateInputs_signOfTheExactDeterminant(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < 20_000; k++) {
      // points on a coarse dyadic grid, some nudged by an ulp: collinear and co-circular cases
      double[] c = new double[8];
      for (int i = 0; i < 8; i++) {
        c[i] = random.nextInt(9) / 8.0 - 0.5;
        if (random.nextInt(4) == 0) {
          c[i] = random.nextBoolean() ? Math.nextUp(c[i]) : c[i] + random.nextDouble() * 1e-3;
        }
      }
      var o = b(c[2]).subtract(b(c[0])).multiply(b(c[5]).subtract(b(c[1])))
          .subtract(b(c[3]).subtract(b(c[1])).multiply(b(c[4]).subtract(b(c[0]))));
      assertThat(Math.signum(Triangulation2D.orient(c[0], c[1], c[2], c[3], c[4], c[5])))
          .as("seed %d, orient case %d", seed, k).isEqualTo((double) o.signum());
      var ax = b(c[0]).subtract(b(c[6]));
      var ay = b(c[1]).subtract(b(c[7]));
      var bx = b(c[2]).subtract(b(c[6]));
      var by = b(c[3]).subtract(b(c[7]));
      var cx = b(c[4]).subtract(b(c[6]));
      var cy = b(c[5]).subtract(b(c[7]));
      var det = ax.multiply(ax).add(ay.multiply(ay)).multiply(bx.multiply(cy).subtract(cx.multiply(by)))
          .add(bx.multiply(bx).add(by.multiply(by)).multiply(cx.multiply(ay).subtract(ax.multiply(cy))))
          .add(cx.multiply(cx).add(cy.multiply(cy)).multiply(ax.multiply(by).subtract(bx.multiply(ay))));
      assertThat(Math.signum(Triangulation2D.incircle(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])))
          .as("seed %d, incircle case %d", seed, k).isEqualTo((double) det.signum());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void neighbours_ofEveryVertex_areMutual(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Triangulation2D tr = new Triangulation2D(-0.5, 0.5, -0.5, 0.5, 16);
    for (int i = 0; i < 500; i++) {
      tr.insert(random.nextDouble() - 0.5, random.nextDouble() - 0.5);
    }
    int edges = 0;
    for (int v = 0; v < tr.nv; v++) {
      int n = tr.neighbours(v);
      int[] nb = java.util.Arrays.copyOf(tr.ringV, n);
      edges += n;
      assertThat(nb).as("seed %d: neighbours of %d are distinct", seed, v).doesNotHaveDuplicates();
      for (int u : nb) {
        int m = tr.neighbours(u);
        assertThat(java.util.Arrays.copyOf(tr.ringV, m)).contains(v);
      }
    }
    // Euler: edges = 3 nv - 3 - hull vertices, with 4 hull vertices on a square without side points
    assertThat(edges / 2).isEqualTo(3 * tr.nv - 3 - 4);
  }
}
