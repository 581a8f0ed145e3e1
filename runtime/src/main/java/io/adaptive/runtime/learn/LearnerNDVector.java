/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.Objects;
import java.util.function.BiConsumer;

/** {@link LearnerND} for a function with several outputs; made by {@link LearnerND#vector}. */
final class LearnerNDVector implements Learner<double[], double[]> {

  private final LearnerNDCore core;
  private final DataCodec<double[], double[]> codec;

  LearnerNDVector(LearnerNDCore core) {
    this.core = core;
    this.codec = new DataCodec<>("learnerND", LearnerND.points(core.dim),
        Codecs.doubleArrays("value", core.vdim));
  }

  @Override
  public Asked<double[]> ask(int n, boolean tellPending) {
    return LearnerND.asked(core, n, tellPending);
  }

  @Override
  public void tell(double[] point, double[] value) {
    LearnerND.check(point, core.dim);
    Objects.requireNonNull(value, "value");
    if (value.length != core.vdim) {
      throw new IllegalArgumentException(
          "a value of length " + value.length + " told to a learner of length " + core.vdim);
    }
    core.tell(point, value, 0);
  }

  @Override
  public void tellPending(double[] point) {
    LearnerND.check(point, core.dim);
    core.tellPending(point);
  }

  @Override
  public double loss(boolean real) {
    return core.loss();
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
    core.forEachData((p, values, offset) ->
        sink.accept(p, java.util.Arrays.copyOfRange(values, offset, offset + core.vdim)));
  }

  @Override
  public DataCodec<double[], double[]> codec() {
    return codec;
  }
}
