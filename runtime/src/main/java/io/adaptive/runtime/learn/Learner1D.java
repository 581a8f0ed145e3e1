/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.plan.Loss1D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Learns a scalar function on a closed interval [{@code lower}, {@code upper}] by repeatedly
 * splitting the interval with the largest loss: python-adaptive's {@code Learner1D} (v1.5.2, see
 * NOTICE), reimplemented to the letter of learners.md §3, so that the {@code ask(1)}-then-{@code
 * tell} loop proposes the same points, bit for bit, as the Python library.
 *
 * <p>The loss of an interval is chosen by a {@link Loss1D}: the default (the interval's length in
 * the rescaled (x, y) plane), uniform, absMinLog, resolution, triangle or curvature. The learner's
 * loss is the stored loss of the interval ranked first (learners.md §3.2 and §3.8): infinite until
 * both bounds have been told.
 *
 * <p>Besides the generic {@link Learner} methods, which box every point, it offers a primitive
 * path: {@link #askPoints(int)}, {@link #tell(double, double)}, {@link #tellPending(double)} and
 * {@link #tellMany(double[], double[], boolean)}. An {@code askPoints(1)} plus {@code tell} costs
 * under a microsecond per point at 100 000 points with every loss but curvature, about 1.5 µs
 * (bench/RESULTS.md). For vector-valued functions see {@link #vector(double, double, int,
 * Loss1D)}.
 *
 * <p>Not thread-safe: the worker loop serialises every call.
 */
public final class Learner1D implements Learner<Double, Double> {

  private static final DataCodec<Double, Double> CODEC =
      new DataCodec<>("learner1D", Codecs.doubles("x"), Codecs.doubles("y"));

  private final Learner1DCore core;

  private Learner1D(Learner1DCore core) {
    this.core = core;
  }

  /**
   * A learner of a scalar function on [{@code lower}, {@code upper}], with no data.
   *
   * @param lower the lower bound, included; finite
   * @param upper the upper bound, included; finite and greater than {@code lower}
   * @param loss the loss of one interval, e.g. {@code new Loss1D.Default()}
   * @throws IllegalArgumentException if the bounds are not finite with {@code lower < upper}
   * @throws NullPointerException if {@code loss} is null
   */
  public static Learner1D of(double lower, double upper, Loss1D loss) {
    return new Learner1D(new Learner1DCore(lower, upper, IntervalLosses.of(loss), 1));
  }

  /** A learner with the default loss: {@code of(lower, upper, new Loss1D.Default())}. */
  public static Learner1D of(double lower, double upper) {
    return of(lower, upper, new Loss1D.Default());
  }

  /**
   * A learner of a vector-valued function with {@code vdim} components (learners.md §3.10). The y
   * range is tracked per component and the largest range scales every component; the triangle and
   * curvature losses use the Cayley–Menger area of triangles in (x, y₁, …, y_vdim). Its data is
   * written as columns {@code x, y0, y1, …}.
   *
   * @param lower the lower bound, included; finite
   * @param upper the upper bound, included; finite and greater than {@code lower}
   * @param vdim the length of every value, at least 1 (1 behaves exactly like {@link #of})
   * @param loss the loss of one interval
   * @throws IllegalArgumentException if the bounds are not finite with {@code lower < upper}, or
   *     {@code vdim < 1}
   * @throws NullPointerException if {@code loss} is null
   */
  public static Learner<Double, double[]> vector(
      double lower, double upper, int vdim, Loss1D loss) {
    return new VectorLearner1D(new Learner1DCore(lower, upper, IntervalLosses.of(loss), vdim));
  }

  /** The lower bound. */
  public double lower() {
    return core.a;
  }

  /** The upper bound. */
  public double upper() {
    return core.b;
  }

  // ---------------------------------------------------------------- primitive path

  /**
   * Returns up to {@code n} points to evaluate next and registers each as pending, like {@code
   * ask(n, true)} without boxing and without the improvements.
   *
   * @param n how many points, not negative; 0 gives an empty array
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public double[] askPoints(int n) {
    double[] points = new double[n];
    double[] improvements = new double[n];
    int count = core.ask(n, true, points, improvements);
    return count == n ? points : Arrays.copyOf(points, count);
  }

  /**
   * Records {@code y = f(x)}; a point told before is ignored (the first value wins), and a point
   * outside the bounds is stored and counted but otherwise ignored.
   */
  public void tell(double x, double y) {
    core.tell(x, y);
  }

  /** Marks {@code x} as being evaluated; ignored if it already has a value. */
  public void tellPending(double x) {
    core.tellPending(x);
  }

  /**
   * Records many values at once (learners.md §3.9). Unless {@code force} is set, this is a loop of
   * {@link #tell(double, double)} when there are at most two points or they are at most half as
   * many as the points already told; otherwise every loss is recomputed from scratch, with the
   * final y-scale, so later asks can differ from what single tells would give.
   *
   * @throws IllegalArgumentException if the arrays differ in length
   */
  public void tellMany(double[] xs, double[] ys, boolean force) {
    core.tellMany(xs, ys, force);
  }

  // ---------------------------------------------------------------- Learner

  @Override
  public Asked<Double> ask(int n, boolean tellPending) {
    double[] points = new double[n < 0 ? 0 : n];
    double[] improvements = new double[points.length];
    int count = core.ask(n, tellPending, points, improvements);
    return asked(points, improvements, count);
  }

  static Asked<Double> asked(double[] points, double[] improvements, int count) {
    List<Double> ps = new ArrayList<>(count);
    List<Double> is = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ps.add(points[i]);
      is.add(improvements[i]);
    }
    return new Asked<>(ps, is);
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code point} or {@code value} is null
   */
  @Override
  public void tell(Double point, Double value) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(value, "value");
    core.tell(point, value);
  }

  @Override
  public void tellPending(Double point) {
    core.tellPending(Objects.requireNonNull(point, "point"));
  }

  @Override
  public double loss(boolean real) {
    return core.loss(real);
  }

  @Override
  public long npoints() {
    return core.npoints();
  }

  /** The number of pending points (asked or told pending, and not yet told a value). */
  public int pendingCount() {
    return core.pendingCount();
  }

  @Override
  public void removeUnfinished() {
    core.removeUnfinished();
  }

  @Override
  public void forEachData(BiConsumer<? super Double, ? super Double> sink) {
    int n = core.npoints();
    for (int i = 0; i < n; i++) {
      sink.accept(core.dataX(i), core.dataY(i));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Takes the bulk path of learners.md §3.9 with {@code force}: all losses are computed once,
   * from the final y-scale.
   *
   * @throws IllegalArgumentException if the lists differ in length
   */
  @Override
  public void load(List<Double> points, List<Double> values) {
    if (points.size() != values.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + values.size() + " values");
    }
    double[] xs = new double[points.size()];
    double[] ys = new double[values.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = points.get(i);
      ys[i] = Objects.requireNonNull(values.get(i), "value");
    }
    core.tellMany(xs, ys, true);
  }

  /** Kind {@code learner1D}, columns {@code x} and {@code y}. */
  @Override
  public DataCodec<Double, Double> codec() {
    return CODEC;
  }
}
