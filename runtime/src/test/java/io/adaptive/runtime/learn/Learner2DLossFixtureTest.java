/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * learner2d_loss_fixture.json: the reference's own triangulation of the ring learner at 100
 * points, fed to the kernels of learners.md §4.3–4.5 (not re-triangulated). Gradients, areas,
 * default losses and chosen points must match bit for bit; each failure also reports the largest
 * absolute difference, for diagnosis.
 */
final class Learner2DLossFixtureTest {

  private static int n;
  private static double[] px;
  private static double[] py;
  private static double[] raw;
  private static double[] normalised;
  private static int[] triangles;
  private static Map<String, Object> fixture;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() {
    fixture = (Map<String, Object>) Learner2DReference.json(
        Learner2DReference.text("learner2d_loss_fixture.json"));
    List<List<Double>> points = (List<List<Double>>) fixture.get("points_scaled");
    n = points.size();
    px = new double[n];
    py = new double[n];
    for (int i = 0; i < n; i++) {
      px[i] = points.get(i).get(0);
      py[i] = points.get(i).get(1);
    }
    raw = doubles((List<Double>) fixture.get("values_raw"));
    normalised = doubles((List<Double>) fixture.get("values_normalised"));
    List<List<Double>> tris = (List<List<Double>>) fixture.get("triangles");
    triangles = new int[3 * tris.size()];
    for (int t = 0; t < tris.size(); t++) {
      for (int k = 0; k < 3; k++) {
        triangles[3 * t + k] = tris.get(t).get(k).intValue();
      }
    }
  }

  private static double[] doubles(List<Double> list) {
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static double[] flat(String key) {
    List<Object> list = (List<Object>) fixture.get(key);
    List<Double> out = new ArrayList<>();
    for (Object o : list) {
      if (o instanceof List<?> inner) {
        for (Object v : inner) {
          out.add((Double) v);
        }
      } else {
        out.add((Double) o);
      }
    }
    return doubles(out);
  }

  private static double[] gradients() {
    int[][] nb = new int[1][];
    int[] start = Learner2DKernels.neighbourLists(n, triangles, nb);
    double[] g = new double[2 * n];
    Learner2DKernels.globalGradients(n, start, nb[0], px, py, normalised, 1, 1.0, g);
    return g;
  }

  private static void assertBits(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    double worst = 0;
    int mismatches = 0;
    for (int i = 0; i < actual.length; i++) {
      if (Double.doubleToLongBits(actual[i]) != Double.doubleToLongBits(expected[i])) {
        mismatches++;
        worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
      }
    }
    assertThat(worst).as("%s: largest absolute difference (diagnostic bound 1e-15)", what)
        .isLessThanOrEqualTo(1e-15);
    assertThat(mismatches).as("%s: entries not bit-identical (largest difference %s)", what, worst)
        .isZero();
  }

  /* ---------------- §4.3 ---------------- */

  @Test
  void valuesNormalised_rawOverRange_bitForBit() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : raw) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = raw[i] / (max - min);
    }
    assertBits("values_normalised", v, normalised);
  }

  @Test
  void gradients_globalGaussSeidel_bitForBit() {
    assertBits("gradients", gradients(), flat("gradients"));
  }

  @Test
  void gradients_fromRawValuesDividedByRange_bitForBit() {
    // the learner's path: raw values, divided by the range inside the kernel
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : raw) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int[][] nb = new int[1][];
    int[] start = Learner2DKernels.neighbourLists(n, triangles, nb);
    double[] g = new double[2 * n];
    Learner2DKernels.globalGradients(n, start, nb[0], px, py, raw, 1, max - min, g);
    assertBits("gradients from raw values", g, flat("gradients"));
  }

  /* ---------------- §4.4 ---------------- */

  @Test
  void areaAndDefaultLoss_perTriangle_bitForBit() {
    double[] g = flat("gradients");
    int m = triangles.length / 3;
    double[] area = new double[m];
    double[] loss = new double[m];
    double max = 0;
    for (int t = 0; t < m; t++) {
      int a = triangles[3 * t];
      int b = triangles[3 * t + 1];
      int c = triangles[3 * t + 2];
      area[t] = Learner2DKernels.area(px[a], py[a], px[b], py[b], px[c], py[c]);
      double dev = Learner2DKernels.deviation(a, b, c, px, py, normalised, 1, 1.0, g);
      loss[t] = Learner2DKernels.defaultLoss(dev, area[t]);
      max = Math.max(max, loss[t]);
    }
    assertBits("area", area, flat("area"));
    assertBits("default_loss", loss, flat("default_loss"));
    assertThat(max).isEqualTo((Double) fixture.get("max_loss"));
  }

  /* ---------------- §4.5 ---------------- */

  @Test
  void chosenPoint_perTriangle_bitForBit() {
    int m = triangles.length / 3;
    double[] chosen = new double[2 * m];
    double[] out = new double[2];
    for (int t = 0; t < m; t++) {
      int a = triangles[3 * t];
      int b = triangles[3 * t + 1];
      int c = triangles[3 * t + 2];
      Learner2DKernels.choosePoint(px[a], py[a], px[b], py[b], px[c], py[c], out);
      chosen[2 * t] = out[0];
      chosen[2 * t + 1] = out[1];
    }
    assertBits("chosen_point_scaled", chosen, flat("chosen_point_scaled"));
  }
}
