/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Estimates the mean of a noisy quantity to a given absolute or relative precision: the function
 * takes a seed (a {@code long}) and returns one random sample; the learner asks for seeds {@code 0,
 * 1, 2, …} until the standard error of the mean is small enough.
 *
 * <p>Reimplements {@code AverageLearner} of python-adaptive v1.5.2 (see NOTICE) point for point:
 * the same seeds, the same running sums and the same loss.
 *
 * <p>The loss is {@code max(se / atol, se / (rtol·|mean|))}, where {@code se} is the standard error
 * of the mean; a loss of at most 1 means the mean is known to within {@code atol} or within {@code
 * rtol·|mean|}. It is infinite until {@link #minNpoints()} samples are in. An absent tolerance is
 * {@link Double#POSITIVE_INFINITY}, which zeroes its term.
 *
 * <p>Not thread-safe, like every {@link Learner}.
 */
public final class AverageLearner implements Learner<Long, Double> {

  /** The smallest number of samples with a finite loss unless asked for more: 2. */
  public static final int DEFAULT_MIN_NPOINTS = 2;

  private static final DataCodec<Long, Double> CODEC =
      new DataCodec<>("average", Codecs.longs("seed"), Codecs.doubles("y"));

  private final double atol;
  private final double rtol;
  private final int minNpoints;

  private final AverageLearnerSeeds known = new AverageLearnerSeeds();
  private final AverageLearnerSeeds pending = new AverageLearnerSeeds();
  // The data in the order it was told; the seed set above answers "is it known".
  private long[] seeds = new long[64];
  private double[] values = new double[64];
  private int npoints;
  private double sumF;
  private double sumF2;

  /**
   * A learner that stops (loss at most 1) when the standard error is at most {@code atol} or at
   * most {@code rtol·|mean|}.
   *
   * @param atol absolute tolerance on the mean, in the function's unit; {@link
   *     Double#POSITIVE_INFINITY} for none
   * @param rtol relative tolerance on the mean (0.01 is 1%); {@link Double#POSITIVE_INFINITY} for
   *     none
   * @param minNpoints the loss is infinite below this many samples; raised to 2 if smaller
   * @throws IllegalArgumentException if a tolerance is not positive (or NaN), or both are infinite
   */
  public AverageLearner(double atol, double rtol, int minNpoints) {
    if (!(atol > 0) || !(rtol > 0)) {
      throw new IllegalArgumentException(
          "atol and rtol must be positive, got atol '" + atol + "' and rtol '" + rtol + "'");
    }
    if (atol == Double.POSITIVE_INFINITY && rtol == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "at least one of atol and rtol must be finite; for example atol 0.01");
    }
    this.atol = atol;
    this.rtol = rtol;
    this.minNpoints = Math.max(minNpoints, DEFAULT_MIN_NPOINTS);
  }

  /** As {@link #AverageLearner(double, double, int)} with {@link #DEFAULT_MIN_NPOINTS}. */
  public AverageLearner(double atol, double rtol) {
    this(atol, rtol, DEFAULT_MIN_NPOINTS);
  }

  /** A learner with an absolute tolerance only; see {@link #AverageLearner(double, double)}. */
  public static AverageLearner withAtol(double atol) {
    return new AverageLearner(atol, Double.POSITIVE_INFINITY);
  }

  /** A learner with a relative tolerance only; see {@link #AverageLearner(double, double)}. */
  public static AverageLearner withRtol(double rtol) {
    return new AverageLearner(Double.POSITIVE_INFINITY, rtol);
  }

  // ---------------------------------------------------------------------------------------------
  // Learner

  /**
   * Returns the next {@code n} seeds: {@code N, N+1, …, N+n−1} with {@code N} the number of
   * evaluated and pending seeds; if one of them is taken already (seeds told out of order), the
   * {@code n} smallest non-negative seeds that are neither evaluated nor pending. Each comes with
   * the expected loss improvement {@code (loss() − loss after n more samples) / n}, infinite while
   * the loss is.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  @Override
  public Asked<Long> ask(int n, boolean tellPending) {
    if (n <= 0) {
      if (n < 0) {
        throw new IllegalArgumentException("n must not be negative, got '" + n + "'");
      }
      return Asked.none();
    }
    long first = (long) npoints + pending.size();
    double improvement = improvement(n) / n;
    if (n == 1 && isFree(first)) { // the hot path of an ask(1) loop
      if (tellPending) {
        pending.add(first);
      }
      return new Asked<>(List.of(first), List.of(improvement));
    }
    long[] chosen = new long[n];
    boolean free = true;
    for (int i = 0; i < n; i++) {
      chosen[i] = first + i;
      free &= isFree(first + i);
    }
    if (!free) {
      // Some seeds below N were told out of order or are missing: fill the gaps from 0.
      int found = 0;
      for (long s = 0; found < n; s++) {
        if (isFree(s)) {
          chosen[found++] = s;
        }
      }
    }
    List<Long> points = new ArrayList<>(n);
    for (long s : chosen) {
      points.add(s);
      if (tellPending) {
        pending.add(s);
      }
    }
    return new Asked<>(points, Collections.nCopies(n, improvement));
  }

  /**
   * Records the sample {@code y} of seed {@code seed}; ignored if the seed has a value already.
   *
   * @throws NullPointerException if {@code seed} or {@code y} is null
   */
  @Override
  public void tell(Long seed, Double y) {
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(y, "y");
    tellSample(seed.longValue(), y.doubleValue());
  }

  /** As {@link #tell(Long, Double)}, without boxing. */
  public void tellSample(long seed, double y) {
    if (!known.add(seed)) {
      return;
    }
    if (!pending.isEmpty()) {
      pending.remove(seed);
    }
    if (npoints == seeds.length) {
      seeds = Arrays.copyOf(seeds, npoints * 2);
      values = Arrays.copyOf(values, npoints * 2);
    }
    seeds[npoints] = seed;
    values[npoints] = y;
    npoints++;
    sumF += y;
    sumF2 += y * y;
  }

  @Override
  public void tellPending(Long seed) {
    long s = seed;
    if (!known.contains(s)) {
      pending.add(s);
    }
  }

  /**
   * The loss: {@code max(se / atol, se / (rtol·|mean|))} (the relative term is {@code se / rtol}
   * when the mean is 0), with {@code se = std / sqrt(n)}; infinite below {@link #minNpoints()}.
   *
   * @param real true: {@code n} counts the evaluated samples; false: the pending ones too (the
   *     standard deviation always comes from the evaluated samples)
   */
  @Override
  public double loss(boolean real) {
    return lossWith(real ? npoints : (long) npoints + pending.size());
  }

  @Override
  public long npoints() {
    return npoints;
  }

  @Override
  public void removeUnfinished() {
    pending.clear();
  }

  /** Calls {@code sink} with every (seed, sample) pair, in the order they were told. */
  @Override
  public void forEachData(BiConsumer<? super Long, ? super Double> sink) {
    for (int i = 0; i < npoints; i++) {
      sink.accept(seeds[i], values[i]);
    }
  }

  /**
   * Tells every pair in order; the running sums are rebuilt in the same order, so they are
   * identical to the exporting learner's.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  @Override
  public void load(List<Long> points, List<Double> values) {
    if (points.size() != values.size()) {
      throw new IllegalArgumentException(
          points.size() + " seeds but " + values.size() + " values; they must pair up");
    }
    for (int i = 0; i < points.size(); i++) {
      tell(points.get(i), values.get(i));
    }
  }

  /** Kind {@code average}, columns {@code seed, y}. */
  @Override
  public DataCodec<Long, Double> codec() {
    return CODEC;
  }

  // ---------------------------------------------------------------------------------------------
  // Estimates

  /** The mean of the samples; NaN before the first one. */
  public double mean() {
    return sumF / npoints;
  }

  /**
   * The sample standard deviation (with {@code n − 1}); infinite below {@link #minNpoints()}
   * samples, 0 if rounding makes the variance negative.
   */
  public double std() {
    if (npoints < minNpoints) {
      return Double.POSITIVE_INFINITY;
    }
    double mean = sumF / npoints;
    double numerator = sumF2 - npoints * (mean * mean);
    if (numerator < 0) {
      return 0;
    }
    return Math.sqrt(numerator / (npoints - 1));
  }

  /** The absolute tolerance; {@link Double#POSITIVE_INFINITY} if none. */
  public double atol() {
    return atol;
  }

  /** The relative tolerance; {@link Double#POSITIVE_INFINITY} if none. */
  public double rtol() {
    return rtol;
  }

  /** The loss is infinite below this many samples; at least 2. */
  public int minNpoints() {
    return minNpoints;
  }

  // ---------------------------------------------------------------------------------------------

  private boolean isFree(long seed) {
    return !known.contains(seed) && !pending.contains(seed);
  }

  private double improvement(int n) {
    double std = std();
    double now = lossWith(npoints, std);
    if (!Double.isFinite(now)) {
      return Double.POSITIVE_INFINITY;
    }
    return now - lossWith((long) npoints + n, std);
  }

  private double lossWith(long n) {
    return lossWith(n, std());
  }

  private double lossWith(long n, double std) {
    if (n < minNpoints) {
      return Double.POSITIVE_INFINITY;
    }
    if (std == Double.POSITIVE_INFINITY) {
      // The reference divides inf by an infinite tolerance here and gets NaN (or divides by zero
      // samples); an unknown spread is an infinite loss.
      return Double.POSITIVE_INFINITY;
    }
    double se = std / Math.sqrt(n);
    double aloss = se / atol;
    double rloss = se / rtol;
    double mean = sumF / npoints;
    if (mean != 0) {
      rloss = rloss / Math.abs(mean);
    }
    return rloss > aloss ? rloss : aloss; // Python's max(aloss, rloss)
  }
}
