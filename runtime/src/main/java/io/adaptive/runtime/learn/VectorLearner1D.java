/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/** {@link Learner1D#vector}: the same core as {@link Learner1D}, with {@code double[]} values. */
final class VectorLearner1D implements Learner<Double, double[]> {

  private final Learner1DCore core;
  private final DataCodec<Double, double[]> codec;

  VectorLearner1D(Learner1DCore core) {
    this.core = core;
    this.codec =
        new DataCodec<>("learner1D", Codecs.doubles("x"), Codecs.doubleArrays("y", core.vdim()));
  }

  @Override
  public Asked<Double> ask(int n, boolean tellPending) {
    double[] points = new double[n < 0 ? 0 : n];
    double[] improvements = new double[points.length];
    int count = core.ask(n, tellPending, points, improvements);
    return Learner1D.asked(points, improvements, count);
  }

  @Override
  public void tell(Double point, double[] value) {
    Objects.requireNonNull(point, "point");
    core.tell(point, checked(value), 0);
  }

  private double[] checked(double[] value) {
    Objects.requireNonNull(value, "value");
    if (value.length != core.vdim()) {
      throw new IllegalArgumentException(
          "a value of length " + value.length + " told to a learner of length " + core.vdim());
    }
    return value;
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

  @Override
  public void removeUnfinished() {
    core.removeUnfinished();
  }

  @Override
  public void forEachData(BiConsumer<? super Double, ? super double[]> sink) {
    int vdim = core.vdim();
    core.forEachData((x, y, off) -> sink.accept(x, Arrays.copyOfRange(y, off, off + vdim)));
  }

  @Override
  public void load(List<Double> points, List<double[]> values) {
    if (points.size() != values.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + values.size() + " values");
    }
    int vdim = core.vdim();
    double[] xs = new double[points.size()];
    double[] ys = new double[xs.length * vdim];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = points.get(i);
      System.arraycopy(checked(values.get(i)), 0, ys, i * vdim, vdim);
    }
    core.tellMany(xs, ys, true);
  }

  @Override
  public DataCodec<Double, double[]> codec() {
    return codec;
  }
}
