/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Keeps extra data for every point of a learner: the function returns a {@link WithExtra} (a value
 * plus anything else worth keeping, e.g. a diagnostic), the inner learner learns the value, and
 * this saver keeps the extra with the point. Reimplements {@code DataSaver} of python-adaptive
 * v1.5.2 (see NOTICE); learners.md section 11 is the specification, with {@link WithExtra#value()}
 * as its {@code argPicker}.
 *
 * <p>{@code ask}, {@code tellPending}, {@code loss}, {@code npoints} and {@code removeUnfinished}
 * are the inner learner's, so goals (points, loss) apply to the inner learner. The data file holds
 * the extra next to each value: its CSV adds the column {@code extra_data} (see {@link #codec()}).
 *
 * <p>Tell the inner learner only through this saver: a point it holds without an extra cannot be
 * exported. Not thread-safe, like every {@link Learner}.
 *
 * @param <P> the inner learner's point type
 * @param <V> the inner learner's value type
 * @param <E> the extra data's type, written with the codec given at construction
 */
public final class DataSaver<P, V, E> implements Learner<P, DataSaver.WithExtra<V, E>> {

  /** The CSV column of a one-column extra; several columns get this prefix and an underscore. */
  public static final String EXTRA_COLUMN = "extra_data";

  /** The kind of a saver's data file (its {@link DataCodec#kind()}). */
  public static final String KIND = "dataSaver";

  /**
   * What a function wrapped by a {@link DataSaver} returns.
   *
   * @param value what the inner learner learns
   * @param extra what is kept with the point
   */
  public record WithExtra<V, E>(V value, E extra) {

    /** Both parts are required: a null one throws a {@link NullPointerException} naming it. */
    public WithExtra {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(extra, "extra");
    }
  }

  private final Learner<P, V> learner;
  private final DataCodec<P, WithExtra<V, E>> codec;

  /** The extra of every told point, by {@link PointKeys key}. */
  private final Map<Object, E> extras = new HashMap<>();

  private DataSaver(Learner<P, V> learner, Codec<E> extraCodec) {
    this.learner = Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(extraCodec, "extraCodec");
    if (extraCodec.columns().isEmpty()) {
      throw new IllegalArgumentException(
          "the extra codec writes no CSV column; give it one, e.g. Codecs.doubles(\"extra_data\")");
    }
    if (learner.npoints() != 0) {
      throw new IllegalArgumentException(
          "the learner already has "
              + learner.npoints()
              + " points, which have no extra data; wrap a fresh learner, and load saved data"
              + " through the DataSaver");
    }
    this.codec = DataSaverCodec.of(learner.codec(), extraCodec);
  }

  /**
   * A saver of extras written with {@code extraCodec}, around {@code learner}.
   *
   * <p>In the CSV export the extra's columns are renamed: {@code extra_data} if the codec writes
   * one column, {@code extra_data_<column>} for each if it writes several.
   *
   * @param learner a learner with no points yet
   * @param extraCodec how extras are written; {@link Codecs#doubles} and {@link
   *     Codecs#doubleArrays} cover numbers
   * @throws IllegalArgumentException if {@code learner} already has points, or {@code extraCodec}
   *     has no columns
   * @throws NullPointerException if an argument is null
   */
  public static <P, V, E> DataSaver<P, V, E> of(Learner<P, V> learner, Codec<E> extraCodec) {
    return new DataSaver<>(learner, extraCodec);
  }

  /**
   * A saver of one number per point, around {@code learner}: {@code of(learner,
   * Codecs.doubles("extra_data"))}.
   *
   * @throws IllegalArgumentException if {@code learner} already has points
   * @throws NullPointerException if {@code learner} is null
   */
  public static <P, V> DataSaver<P, V, Double> of(Learner<P, V> learner) {
    return new DataSaver<>(learner, Codecs.doubles(EXTRA_COLUMN));
  }

  /** The inner learner; tell it only through this saver. */
  public Learner<P, V> learner() {
    return learner;
  }

  /** The extra data told with {@code point}, or empty if the point has no value yet. */
  public Optional<E> extra(P point) {
    return Optional.ofNullable(extras.get(PointKeys.of(Objects.requireNonNull(point, "point"))));
  }

  /** The inner learner's {@code ask}. */
  @Override
  public Asked<P> ask(int n, boolean tellPending) {
    return learner.ask(n, tellPending);
  }

  /**
   * Keeps {@code result.extra()} with {@code point} and tells the inner learner {@code
   * result.value()}. A point told before is ignored, extra included (python-adaptive would replace
   * the extra but keep the first value; we keep the two together).
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public void tell(P point, WithExtra<V, E> result) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(result, "result");
    Object key = PointKeys.of(point);
    if (extras.containsKey(key)) {
      return;
    }
    learner.tell(point, result.value());
    extras.put(key, result.extra());
  }

  /** The inner learner's {@code tellPending}. */
  @Override
  public void tellPending(P point) {
    learner.tellPending(point);
  }

  /** The inner learner's loss. */
  @Override
  public double loss(boolean real) {
    return learner.loss(real);
  }

  /** The inner learner's number of points. */
  @Override
  public long npoints() {
    return learner.npoints();
  }

  /** The inner learner's {@code removeUnfinished}. */
  @Override
  public void removeUnfinished() {
    learner.removeUnfinished();
  }

  /**
   * {@inheritDoc}
   *
   * <p>The inner learner's data, in its order, each value with its extra.
   *
   * @throws IllegalStateException if the inner learner holds a point that was not told through this
   *     saver
   */
  @Override
  public void forEachData(BiConsumer<? super P, ? super WithExtra<V, E>> sink) {
    learner.forEachData(
        (point, value) -> {
          E extra = extras.get(PointKeys.of(point));
          if (extra == null) {
            throw new IllegalStateException(
                "point "
                    + point
                    + " has a value but no extra data: it was told to the inner learner directly;"
                    + " tell the DataSaver instead");
          }
          sink.accept(point, new WithExtra<>(value, extra));
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keeps the extras and loads the values into the inner learner with its own {@link
   * Learner#load}.
   *
   * @throws IllegalArgumentException if the lists differ in length
   * @throws NullPointerException if a point or result is null
   */
  @Override
  public void load(List<P> points, List<WithExtra<V, E>> results) {
    if (points.size() != results.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + results.size() + " values");
    }
    List<V> values = new ArrayList<>(results.size());
    for (int i = 0; i < points.size(); i++) {
      P point = Objects.requireNonNull(points.get(i), "point");
      WithExtra<V, E> result = Objects.requireNonNull(results.get(i), "value");
      extras.putIfAbsent(PointKeys.of(point), result.extra());
      values.add(result.value());
    }
    learner.load(points, values);
  }

  /**
   * Kind {@code dataSaver}; the inner learner's point columns; its value columns followed by the
   * extra's ({@code extra_data}, or {@code extra_data_<column>} each for several). Binary: the
   * inner learner's value, then the extra.
   */
  @Override
  public DataCodec<P, WithExtra<V, E>> codec() {
    return codec;
  }

  @Override
  public String toString() {
    return "DataSaver[" + learner + "]";
  }
}
