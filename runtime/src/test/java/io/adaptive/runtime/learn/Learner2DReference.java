/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ring function, the 201×201 interpolation error and the reference files for Learner2D. */
final class Learner2DReference {

  private Learner2DReference() {}

  /** reference/README.md, bit-exact: ring(x, y) = x + exp(-(r*r) / (a^4)), a = 0.2. */
  static double ring(double x, double y) {
    double a = 0.2;
    double r = x * x + y * y - 0.75 * 0.75;
    return x + Math.exp(-(r * r) / (a * a * a * a));
  }

  /** RMS and max error of the learner's interpolant against ring on a 201×201 grid over (-1,1)². */
  static double[] interpolationErrors(Learner2D learner) {
    double sum = 0;
    double max = 0;
    int n = 0;
    for (int i = 0; i <= 200; i++) {
      double x = i == 200 ? 1.0 : -1.0 + i * (2.0 / 200);
      for (int j = 0; j <= 200; j++) {
        double y = j == 200 ? 1.0 : -1.0 + j * (2.0 / 200);
        double d = learner.interpolate(x, y) - ring(x, y);
        sum += d * d;
        max = Math.max(max, Math.abs(d));
        n++;
      }
    }
    return new double[] {Math.sqrt(sum / n), max};
  }

  static String text(String name) {
    try (InputStream in = Learner2DReference.class.getResourceAsStream("/reference/" + name)) {
      assertThat(in).as("test resource /reference/%s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a CSV file without its header, as strings. */
  static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    String[] lines = text(name).split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        rows.add(lines[i].trim().split(","));
      }
    }
    return rows;
  }

  static double number(String cell) {
    return Learner1DReference.parse(cell);
  }

  /** The min and max of loss and RMS error over the Learner2D rows of sensitivity_shifted.csv. */
  static double[] band(String mode, int npoints) {
    double[] b = {
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
    };
    int found = 0;
    for (String[] r : rows("sensitivity_shifted.csv")) {
      if (r[0].equals("Learner2D") && r[1].equals(mode) && Integer.parseInt(r[3]) == npoints) {
        double loss = number(r[4]);
        double rms = number(r[5]);
        b[0] = Math.min(b[0], loss);
        b[1] = Math.max(b[1], loss);
        b[2] = Math.min(b[2], rms);
        b[3] = Math.max(b[3], rms);
        found++;
      }
    }
    assertThat(found).as("rows for %s at %d", mode, npoints).isEqualTo(6);
    return b;
  }

  // ---------------------------------------------------------------- a minimal JSON reader

  /** Parses JSON objects, arrays, numbers and strings (all the fixture uses). */
  static Object json(String s) {
    int[] pos = {0};
    return value(s, pos);
  }

  private static void skip(String s, int[] pos) {
    while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
      pos[0]++;
    }
  }

  private static Object value(String s, int[] pos) {
    skip(s, pos);
    char c = s.charAt(pos[0]);
    if (c == '{') {
      Map<String, Object> map = new LinkedHashMap<>();
      pos[0]++;
      skip(s, pos);
      if (s.charAt(pos[0]) == '}') {
        pos[0]++;
        return map;
      }
      while (true) {
        skip(s, pos);
        String key = (String) value(s, pos);
        skip(s, pos);
        pos[0]++; // ':'
        map.put(key, value(s, pos));
        skip(s, pos);
        if (s.charAt(pos[0]++) == '}') {
          return map;
        }
      }
    }
    if (c == '[') {
      List<Object> list = new ArrayList<>();
      pos[0]++;
      skip(s, pos);
      if (s.charAt(pos[0]) == ']') {
        pos[0]++;
        return list;
      }
      while (true) {
        list.add(value(s, pos));
        skip(s, pos);
        if (s.charAt(pos[0]++) == ']') {
          return list;
        }
      }
    }
    if (c == '"') {
      int end = s.indexOf('"', pos[0] + 1);
      String str = s.substring(pos[0] + 1, end);
      pos[0] = end + 1;
      return str;
    }
    int start = pos[0];
    while (pos[0] < s.length() && "+-0123456789.eEinfaINFAN".indexOf(s.charAt(pos[0])) >= 0) {
      pos[0]++;
    }
    String num = s.substring(start, pos[0]);
    return switch (num) {
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(num);
    };
  }
}
