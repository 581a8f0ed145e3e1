/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

/** {@link Learner2D#vector}: the same core as {@link Learner2D}, with {@code double[]} values. */
final class Learner2DVector implements Learner<double[], double[]> {

  private final Learner2DCore core;
  private final DataCodec<double[], double[]> codec;

  Learner2DVector(Learner2DCore core) {
    this.core = core;
    this.codec =
        new DataCodec<>("learner2D", Learner2D.POINTS, Codecs.doubleArrays("z", core.vdim()));
  }

  @Override
  public Asked<double[]> ask(int n, boolean tellPending) {
    return Learner2D.asked(core, n, tellPending);
  }

  @Override
  public void tell(double[] point, double[] value) {
    Learner2D.check(point);
    core.tell(point[0], point[1], checked(value), 0);
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
  public void tellPending(double[] point) {
    Learner2D.check(point);
    core.tellPending(point[0], point[1]);
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
  public void forEachData(BiConsumer<? super double[], ? super double[]> sink) {
    int vdim = core.vdim();
    core.forEachData(
        (x, y, v, off) -> sink.accept(new double[] {x, y}, Arrays.copyOfRange(v, off, off + vdim)));
  }

  @Override
  public DataCodec<double[], double[]> codec() {
    return codec;
  }

  /** The interpolant at (x, y), NaN outside the bounds or before the corners are evaluated. */
  double[] interpolate(double x, double y) {
    double[] out = new double[core.vdim()];
    core.interpolate(x, y, out, 0);
    return out;
  }
}
