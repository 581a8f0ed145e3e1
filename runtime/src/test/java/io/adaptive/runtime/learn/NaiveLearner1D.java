/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * learners.md §3 transcribed line by line with plain collections (scalar values, O(n) scans), as an
 * oracle for the tuned {@link Learner1D} in randomized tests. Slow on purpose: nothing here is
 * clever, so that it can be checked against the text by reading.
 */
final class NaiveLearner1D {

  private final double a;
  private final double b;
  private final double xScale;
  private final double dxEps;
  private final IntervalLoss lossFn;
  private final int nth;

  final Map<Double, Double> data = new LinkedHashMap<>();
  final Set<Double> pending = new HashSet<>();
  private TreeSet<Double> real = new TreeSet<>();
  private TreeSet<Double> combined = new TreeSet<>();
  private Map<List<Double>, Double> lossReal = new HashMap<>();
  private Map<List<Double>, Double> lossCombined = new HashMap<>();
  private double yMin = Double.POSITIVE_INFINITY;
  private double yMax = Double.NEGATIVE_INFINITY;
  private double yScale = 0;
  private double oldYScale = 0;

  NaiveLearner1D(double a, double b, IntervalLoss lossFn) {
    this.a = a;
    this.b = b;
    this.xScale = b - a;
    this.dxEps = 2 * Math.max(Math.abs(a), Math.abs(b)) * 2.220446049250313e-16;
    this.lossFn = lossFn;
    this.nth = lossFn.nth();
  }

  static double round12(double v) {
    double t = v * 1e12 + 0.5;
    return (t >= 0 ? Math.floor(t) : Math.ceil(t)) / 1e12;
  }

  /** §3.2 finite(ival, L); ival is (l, r) or (l, r, k). */
  double finite(List<Double> ival, double loss) {
    double v = loss;
    if (Double.isInfinite(v) || Double.isNaN(v)) {
      v = (ival.get(1) - ival.get(0)) / xScale;
      if (ival.size() == 3) {
        v = v / ival.get(2);
      }
    }
    return round12(v);
  }

  Comparator<Map.Entry<List<Double>, Double>> sortKey() {
    return (p, q) -> {
      int c = Double.compare(-finite(p.getKey(), p.getValue()), -finite(q.getKey(), q.getValue()));
      if (-finite(p.getKey(), p.getValue()) == -finite(q.getKey(), q.getValue())) {
        c = 0;
      }
      for (int i = 0; c == 0 && i < Math.min(p.getKey().size(), q.getKey().size()); i++) {
        c = Double.compare(p.getKey().get(i), q.getKey().get(i));
      }
      return c;
    };
  }

  List<Map.Entry<List<Double>, Double>> sorted(Map<List<Double>, Double> map) {
    List<Map.Entry<List<Double>, Double>> entries = new ArrayList<>(map.entrySet());
    entries.sort(sortKey());
    return entries;
  }

  private double intervalLoss(double l, double r) {
    if (r - l < dxEps) {
      return 0;
    }
    List<Double> xsAll = new ArrayList<>(real);
    int i = xsAll.indexOf(l);
    double[] xs = new double[2 + 2 * nth];
    double[] ys = new double[2 + 2 * nth];
    int from = -1;
    int to = 0;
    double s = yScale != 0 ? yScale : 1;
    for (int j = 0; j < xs.length; j++) {
      int k = i - nth + j;
      if (k >= 0 && k < xsAll.size()) {
        if (from < 0) {
          from = j;
        }
        to = j + 1;
        xs[j] = xsAll.get(k) / xScale;
        ys[j] = data.get(xsAll.get(k)) / s;
      }
    }
    return lossFn.loss(xs, ys, 1, from, to);
  }

  private void recompute(Double l, Double r) {
    if (l == null || r == null) {
      return;
    }
    double loss = intervalLoss(l, r);
    lossReal.put(List.of(l, r), loss);
    double p = l;
    while (p != r) {
      double q = combined.higher(p);
      lossCombined.put(List.of(p, q), (q - p) * loss / (r - l));
      p = q;
    }
  }

  void tell(double x, double y) {
    if (data.containsKey(x)) {
      return;
    }
    data.put(x, y);
    pending.remove(x);
    if (x < a || x > b) {
      return;
    }
    combined.add(x);
    real.add(x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
    yScale = yMax - yMin;
    updateLosses(x, true);
    if (yScale > 2 * oldYScale) {
      for (List<Double> ival : new ArrayList<>(lossReal.keySet())) {
        recompute(ival.get(0), ival.get(1));
      }
      oldYScale = yScale;
    }
  }

  private void updateLosses(double x, boolean isReal) {
    Double xl = real.lower(x);
    Double xr = real.higher(x);
    Double pa = combined.lower(x);
    Double pb = combined.higher(x);
    if (pa != null && pb != null) {
      lossCombined.remove(List.of(pa, pb));
    }
    if (isReal) {
      List<Double> xsAll = new ArrayList<>(real);
      int i = xsAll.indexOf(x);
      int start = Math.max(0, i - nth - 1);
      int end = Math.min(xsAll.size() - 1, i + nth + 1);
      for (int k = start; k < end; k++) {
        recompute(xsAll.get(k), xsAll.get(k + 1));
      }
      if (xl != null && xr != null) {
        lossReal.remove(List.of(xl, xr));
        lossCombined.remove(List.of(xl, xr));
      }
    } else if (xl != null && xr != null) {
      double loss = lossReal.get(List.of(xl, xr));
      double d = xr - xl;
      lossCombined.put(List.of(pa, x), (x - pa) * loss / d);
      lossCombined.put(List.of(x, pb), (pb - x) * loss / d);
    }
    if (pa != null && (xl == null || (!isReal && xr == null))) {
      lossCombined.put(List.of(pa, x), Double.POSITIVE_INFINITY);
    }
    if (pb != null && (xr == null || (!isReal && xl == null))) {
      lossCombined.put(List.of(x, pb), Double.POSITIVE_INFINITY);
    }
  }

  void tellPending(double x) {
    if (data.containsKey(x)) {
      return;
    }
    pending.add(x);
    if (x < a || x > b) {
      return; // our choice: pending points outside the bounds stay out of combined
    }
    combined.add(x);
    updateLosses(x, false);
  }

  List<Double> missingBounds() {
    List<Double> mb = new ArrayList<>();
    for (double bound : new double[] {a, b}) {
      if (!data.containsKey(bound) && !pending.contains(bound)) {
        mb.add(bound);
      }
    }
    return mb;
  }

  /** Returns [points, improvements]. */
  List<List<Double>> ask(int n, boolean tellPending) {
    List<Double> points = new ArrayList<>();
    List<Double> improvements = new ArrayList<>();
    if (n == 0) {
      return List.of(points, improvements);
    }
    List<Double> mb = missingBounds();
    if (mb.size() >= n) {
      points.addAll(mb.subList(0, n));
      for (int i = 0; i < n; i++) {
        improvements.add(Double.POSITIVE_INFINITY);
      }
    } else if (data.isEmpty() && pending.isEmpty()) {
      double step = (b - a) / (n - 1);
      for (int i = 0; i < n; i++) {
        points.add(i * step + a);
        improvements.add(Double.POSITIVE_INFINITY);
      }
      points.set(n - 1, b);
    } else {
      Map<List<Double>, Double> quals = new HashMap<>();
      if (!mb.isEmpty()) {
        List<Double> all = new ArrayList<>(data.keySet());
        all.addAll(pending);
        double min = all.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        double max = all.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        if (mb.contains(a)) {
          quals.put(List.of(a, min, 1.0), Double.POSITIVE_INFINITY);
        }
        if (mb.contains(b)) {
          quals.put(List.of(max, b, 1.0), Double.POSITIVE_INFINITY);
        }
      }
      List<Map.Entry<List<Double>, Double>> ivs = sorted(lossCombined);
      int i = 0;
      for (int it = 0; it < n - mb.size(); it++) {
        Map.Entry<List<Double>, Double> q = quals.isEmpty() ? null : sorted(quals).get(0);
        Map.Entry<List<Double>, Double> iv = i < ivs.size() ? ivs.get(i) : null;
        if (q == null || (iv != null && tupleGe(iv, q))) {
          i++;
          quals.put(List.of(iv.getKey().get(0), iv.getKey().get(1), 2.0), iv.getValue() / 2);
        } else {
          quals.remove(q.getKey());
          double k = q.getKey().get(2);
          quals.put(
              List.of(q.getKey().get(0), q.getKey().get(1), k + 1), q.getValue() * k / (k + 1));
        }
      }
      points.addAll(mb);
      for (int j = 0; j < mb.size(); j++) {
        improvements.add(Double.POSITIVE_INFINITY);
      }
      for (Map.Entry<List<Double>, Double> e : sorted(quals)) {
        double l = e.getKey().get(0);
        double r = e.getKey().get(1);
        int k = (int) (double) e.getKey().get(2);
        double step = (r - l) / k;
        for (int j = 1; j < k; j++) {
          points.add(l + step * j);
          improvements.add(e.getValue());
        }
      }
    }
    if (tellPending) {
      for (double p : points) {
        tellPending(p);
      }
    }
    return List.of(points, improvements);
  }

  /** T(iv) ≥ T(q): (finite, l, r) against (finite, l, r, k); a prefix is smaller. */
  private boolean tupleGe(Map.Entry<List<Double>, Double> iv, Map.Entry<List<Double>, Double> q) {
    double fi = finite(iv.getKey(), iv.getValue());
    double fq = finite(q.getKey(), q.getValue());
    if (fi != fq) {
      return fi > fq;
    }
    for (int i = 0; i < 2; i++) {
      double u = iv.getKey().get(i);
      double v = q.getKey().get(i);
      if (u != v) {
        return u > v;
      }
    }
    return false;
  }

  double loss(boolean isReal) {
    Map<List<Double>, Double> map = isReal ? lossReal : lossCombined;
    if (!missingBounds().isEmpty() || map.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    return sorted(map).get(0).getValue();
  }

  void removeUnfinished() {
    pending.clear();
    combined = new TreeSet<>(real);
    lossCombined = new HashMap<>(lossReal);
  }
}
