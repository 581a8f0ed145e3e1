/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.learn.Asked;
import io.adaptive.runtime.learn.Codecs;
import io.adaptive.runtime.learn.DataCodec;
import io.adaptive.runtime.learn.Learner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A learner that only remembers what it was told, in order: all a data file needs. */
final class ListLearner implements Learner<Double, Double> {

  static final DataCodec<Double, Double> CODEC =
      new DataCodec<>("list", Codecs.doubles("x"), Codecs.doubles("y"));

  private final List<Double> points = new ArrayList<>();
  private final List<Double> values = new ArrayList<>();

  /** The {@code i}-th point of the test sequence: awkward doubles that must survive bit for bit. */
  static double point(long i) {
    return i == 0 ? -0.0 : Math.scalb(Math.sin(i * 0.7), (int) (i % 40) - 20);
  }

  /** The value at the {@code i}-th point; now and then special. */
  static double value(long i) {
    return switch ((int) (i % 11)) {
      case 3 -> Double.NaN;
      case 5 -> Double.POSITIVE_INFINITY;
      case 7 -> Double.MIN_VALUE;
      default -> Math.cos(i * 1.3) / 3;
    };
  }

  /** Tells the next {@code n} points of the test sequence. */
  ListLearner tellNext(int n) {
    for (int k = 0; k < n; k++) {
      long i = points.size();
      tell(point(i), value(i));
    }
    return this;
  }

  @Override
  public Asked<Double> ask(int n, boolean tellPending) {
    return Asked.none();
  }

  @Override
  public void tell(Double point, Double value) {
    points.add(point);
    values.add(value);
  }

  @Override
  public void tellPending(Double point) {}

  @Override
  public double loss(boolean real) {
    return Double.POSITIVE_INFINITY;
  }

  @Override
  public long npoints() {
    return points.size();
  }

  @Override
  public void removeUnfinished() {}

  @Override
  public void forEachData(BiConsumer<? super Double, ? super Double> sink) {
    for (int i = 0; i < points.size(); i++) {
      sink.accept(points.get(i), values.get(i));
    }
  }

  @Override
  public void load(List<Double> points, List<Double> values) {
    this.points.addAll(points);
    this.values.addAll(values);
  }

  @Override
  public DataCodec<Double, Double> codec() {
    return CODEC;
  }

  List<Double> points() {
    return points;
  }

  List<Double> values() {
    return values;
  }
}
