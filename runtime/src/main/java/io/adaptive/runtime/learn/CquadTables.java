/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constant tables of the CQUAD scheme used by {@link IntegratorLearner}: Clenshaw–Curtis nodes,
 * the inverse Vandermonde matrices, the coefficient shift matrices and the downdate recurrence.
 *
 * <p>They are read once from {@code cquad-tables.json} next to this class, which is python-adaptive
 * v1.5.2's {@code integrator_coeffs} module (BSD-3-Clause, see NOTICE) evaluated and written as
 * JSON numbers in their shortest round-trip form: the file is the reference's {@code
 * integrator_coeffs.json}, copied byte for byte. The tables are never recomputed here, because
 * every double must be the exact value the reference used.
 */
final class CquadTables {

  /** The number of nodes of the rule at each depth: 5, 9, 17 and 33. */
  static final int[] NS;

  /** {@code XI[d][k]}: the nodes of depth {@code d} in [-1, 1], ascending. */
  static final double[][] XI;

  /** {@code V_INV[d]}: maps the values at the depth-{@code d} nodes to Legendre coefficients. */
  static final double[][][] V_INV;

  /** Condition numbers of the Vandermonde matrices, one per depth. */
  static final double[] VCOND;

  /** Map a parent's coefficients to its left (or right) half's; 33 × 33. */
  static final double[][] T_LEFT;

  static final double[][] T_RIGHT;

  /** Recurrence coefficients of the downdate that removes a non-finite value; 33 each. */
  static final double[] ALPHA;

  static final double[] GAMMA;

  /** {@code B_DEF[d]}: Newton-polynomial coefficients for the downdate, {@code NS[d] + 1} each. */
  static final double[][] B_DEF;

  /** A refinement whose coefficients moved by more than this share of their norm forces a split. */
  static final double HINT;

  /**
   * The minimal relative separation of neighbouring nodes (16 ulp); narrower intervals are dropped.
   */
  static final double MIN_SEP;

  /** The divergence counter limit. */
  static final int NDIV_MAX;

  static final double EPS;

  private static final String RESOURCE = "cquad-tables.json";

  static {
    Map<String, Object> json = read();
    NS = ints(json, "ns");
    XI = matrix(json, "xi");
    Object[] vInv = array(json.get("V_inv"), "V_inv");
    V_INV = new double[vInv.length][][];
    for (int d = 0; d < vInv.length; d++) {
      V_INV[d] = matrix(vInv[d], "V_inv");
    }
    VCOND = vector(json.get("Vcond"), "Vcond");
    T_LEFT = matrix(json, "T_left");
    T_RIGHT = matrix(json, "T_right");
    ALPHA = vector(json.get("alpha"), "alpha");
    GAMMA = vector(json.get("gamma"), "gamma");
    B_DEF = matrix(json, "b_def");
    HINT = number(json, "hint");
    MIN_SEP = number(json, "min_sep");
    NDIV_MAX = (int) number(json, "ndiv_max");
    EPS = number(json, "eps");
    checkShapes();
  }

  private CquadTables() {}

  private static void checkShapes() {
    int depths = NS.length;
    boolean ok =
        depths == 4
            && XI.length == depths
            && V_INV.length == depths
            && VCOND.length == depths
            && B_DEF.length == depths
            && T_LEFT.length == NS[depths - 1]
            && T_RIGHT.length == NS[depths - 1]
            && ALPHA.length == NS[depths - 1]
            && GAMMA.length == NS[depths - 1];
    for (int d = 0; ok && d < depths; d++) {
      ok = XI[d].length == NS[d] && V_INV[d].length == NS[d] && B_DEF[d].length == NS[d] + 1;
      for (double[] row : V_INV[d]) {
        ok &= row.length == NS[d];
      }
    }
    for (int i = 0; ok && i < T_LEFT.length; i++) {
      ok = T_LEFT[i].length == T_LEFT.length && T_RIGHT[i].length == T_RIGHT.length;
    }
    if (!ok) {
      throw new IllegalStateException(
          "the CQUAD tables in '" + RESOURCE + "' do not have the shapes of learners.md section 8");
    }
  }

  private static Map<String, Object> read() {
    try (InputStream in = CquadTables.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the CQUAD tables '"
                + RESOURCE
                + "' are missing from the class path next to "
                + CquadTables.class.getName());
      }
      Object value = new JsonReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)).read();
      if (!(value instanceof Map)) {
        throw new IllegalStateException("'" + RESOURCE + "' does not hold a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) value;
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CQUAD tables '" + RESOURCE + "'", e);
    }
  }

  private static double number(Map<String, Object> json, String key) {
    Object value = json.get(key);
    if (!(value instanceof Double)) {
      throw new IllegalStateException("'" + RESOURCE + "': '" + key + "' is not a number");
    }
    return (Double) value;
  }

  private static int[] ints(Map<String, Object> json, String key) {
    double[] values = vector(json.get(key), key);
    int[] ints = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = (int) values[i];
    }
    return ints;
  }

  private static double[][] matrix(Map<String, Object> json, String key) {
    return matrix(json.get(key), key);
  }

  private static double[][] matrix(Object value, String key) {
    Object[] rows = array(value, key);
    double[][] matrix = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      matrix[i] = vector(rows[i], key);
    }
    return matrix;
  }

  private static double[] vector(Object value, String key) {
    Object[] items = array(value, key);
    double[] vector = new double[items.length];
    for (int i = 0; i < items.length; i++) {
      if (!(items[i] instanceof Double)) {
        throw new IllegalStateException("'" + RESOURCE + "': '" + key + "' holds a non-number");
      }
      vector[i] = (Double) items[i];
    }
    return vector;
  }

  private static Object[] array(Object value, String key) {
    if (!(value instanceof List)) {
      throw new IllegalStateException("'" + RESOURCE + "': '" + key + "' is not an array");
    }
    return ((List<?>) value).toArray();
  }

  /**
   * Just enough JSON for the tables: objects, arrays and numbers (strings only as keys). Numbers go
   * through {@link Double#parseDouble}, which is exact for the shortest round-trip form.
   */
  static final class JsonReader {

    private final String text;
    private int at;

    JsonReader(String text) {
      this.text = text;
    }

    Object read() {
      Object value = value();
      skipSpace();
      if (at != text.length()) {
        throw error("trailing characters");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char ch = text.charAt(at);
      if (ch == '{') {
        return object();
      }
      if (ch == '[') {
        return list();
      }
      return number();
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek() == '}') {
        at++;
        return map;
      }
      while (true) {
        skipSpace();
        String key = string();
        skipSpace();
        expect(':');
        map.put(key, value());
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> list() {
      List<Object> list = new ArrayList<>();
      at++;
      skipSpace();
      if (peek() == ']') {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      expect('"');
      int end = text.indexOf('"', at);
      if (end < 0) {
        throw error("unterminated string");
      }
      String s = text.substring(at, end);
      if (s.indexOf('\\') >= 0) {
        throw error("escapes are not supported");
      }
      at = end + 1;
      return s;
    }

    private Double number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (start == at) {
        throw error("expected a number, an array or an object");
      }
      try {
        return Double.parseDouble(text.substring(start, at));
      } catch (NumberFormatException e) {
        throw error("bad number '" + text.substring(start, at) + "'");
      }
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void expect(char ch) {
      if (peek() != ch) {
        throw error("expected '" + ch + "'");
      }
      at++;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalStateException error(String what) {
      return new IllegalStateException("'" + RESOURCE + "': " + what + " at character " + at);
    }
  }
}
