/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The reference files of python-adaptive (test resources), the test functions and comparisons. */
final class Learner1DReference {

  private Learner1DReference() {}

  /** reference/README.md: peak(x) = x + (a*a) / (a*a + x*x), a = 0.01, in this order. */
  static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  /** The rows of {@code /reference/name}, after checking its header; inf and nan mapped. */
  static List<double[]> csv(String name, String header) {
    var in = Learner1DReference.class.getResourceAsStream("/reference/" + name);
    assertThat(in).as("test resource /reference/%s", name).isNotNull();
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).isEqualTo(header);
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

  /** Within {@code rel} relative; an infinity matches only the same infinity. */
  static boolean close(double actual, double expected, double rel) {
    if (Double.isInfinite(actual) || Double.isInfinite(expected)) {
      return actual == expected;
    }
    return Math.abs(actual - expected) <= rel * Math.max(Math.abs(actual), Math.abs(expected));
  }

  /** RMS and max error of linear interpolation of the data on the 20 001-point grid of (a, b). */
  static double[] interpolationErrors(Learner1D learner, double a, double b) {
    List<double[]> points = new ArrayList<>();
    learner.forEachData((x, y) -> points.add(new double[] {x, y}));
    points.sort((p, q) -> Double.compare(p[0], q[0]));
    double sum = 0;
    double max = 0;
    int j = 0;
    for (int i = 0; i <= 20000; i++) {
      double x = i == 20000 ? b : a + i * (b - a) / 20000;
      while (j + 2 < points.size() && points.get(j + 1)[0] < x) {
        j++;
      }
      double[] p = points.get(j);
      double[] q = points.get(j + 1);
      double y = p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]);
      double d = y - peak(x);
      sum += d * d;
      max = Math.max(max, Math.abs(d));
    }
    return new double[] {Math.sqrt(sum / 20001), max};
  }
}
