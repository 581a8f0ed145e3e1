/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One learner's loss as a step function of its number of points, built from its progress history
 * with only the reports a log axis can show.
 */
final class LossCurve {

  private final String name;
  private final LearnerState state;
  private final long[] npoints;
  private final double[] loss;
  private final double finalLoss;

  private LossCurve(
      String name, LearnerState state, long[] npoints, double[] loss, double finalLoss) {
    this.name = name;
    this.state = state;
    this.npoints = npoints;
    this.loss = loss;
    this.finalLoss = finalLoss;
  }

  /**
   * The drawable part of {@code learner}'s history: finite, positive losses (a log axis has no
   * place for 0, infinity or NaN) and, if {@code positivePoints}, only reports with at least one
   * point.
   */
  static LossCurve of(LearnerStatus learner, boolean positivePoints) {
    List<Progress> kept = new ArrayList<>();
    for (Progress p : learner.history()) {
      if (Double.isFinite(p.loss()) && p.loss() > 0 && (!positivePoints || p.npoints() > 0)) {
        kept.add(p);
      }
    }
    double finalLoss = kept.isEmpty() ? Double.NaN : kept.get(kept.size() - 1).loss();
    // Histories are in report order, which is nearly always npoints order; a stable sort keeps
    // the later of two reports at the same npoints last, so that it is the one lossAt() finds.
    kept.sort(Comparator.comparingLong(Progress::npoints));
    long[] n = new long[kept.size()];
    double[] l = new double[kept.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = kept.get(i).npoints();
      l[i] = kept.get(i).loss();
    }
    return new LossCurve(learner.name(), learner.state(), n, l, finalLoss);
  }

  String name() {
    return name;
  }

  LearnerState state() {
    return state;
  }

  boolean isEmpty() {
    return npoints.length == 0;
  }

  int size() {
    return npoints.length;
  }

  long npoints(int i) {
    return npoints[i];
  }

  double loss(int i) {
    return loss[i];
  }

  long firstPoints() {
    return npoints[0];
  }

  long lastPoints() {
    return npoints[npoints.length - 1];
  }

  /** The loss of the last report, in report order; NaN if the curve is empty. */
  double finalLoss() {
    return finalLoss;
  }

  /**
   * The loss after at most {@code n} points: that of the last report with {@code npoints <= n},
   * carried forward past the last report; NaN before the first.
   */
  double lossAt(double n) {
    int lo = 0;
    int hi = npoints.length; // first index with npoints > n lies in [lo, hi]
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (npoints[mid] <= n) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo == 0 ? Double.NaN : loss[lo - 1];
  }

  @Override
  public String toString() {
    return name + Arrays.toString(npoints) + Arrays.toString(loss);
  }
}
