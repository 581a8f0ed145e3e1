/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * An adaptive-sampling algorithm: it is asked for points, told their values, and reports a loss.
 *
 * <p>Semantics follow python-adaptive v1.5.2 (see NOTICE). Learners are not thread-safe: the
 * worker loop serialises every call.
 *
 * @param <P> a point of the domain; used as a map key, so equality is exact equality
 * @param <V> the function's value at a point
 */
public interface Learner<P, V> {

  /**
   * Returns up to {@code n} points to evaluate next, each with its expected loss improvement.
   *
   * @param n how many points; {@code ask(0)} returns an empty batch
   * @param tellPending if true, each returned point is registered as pending, so the next ask does
   *     not propose it again; if false, the learner's observable state is unchanged
   */
  Asked<P> ask(int n, boolean tellPending);

  /**
   * Records the function's value at {@code point} and removes it from the pending points. Telling a
   * point that already has a value is ignored: the first value wins.
   *
   * @throws NullPointerException if {@code value} is null
   */
  void tell(P point, V value);

  /** Marks {@code point} as being evaluated; ignored if it already has a value. */
  void tellPending(P point);

  /**
   * The current loss, non-negative and possibly infinite.
   *
   * @param real true for evaluated points only (what a loss goal compares), false to also count
   *     pending points
   */
  double loss(boolean real);

  /** The loss of the evaluated points: {@code loss(true)}. */
  default double loss() {
    return loss(true);
  }

  /** The number of evaluated points (told points, including any outside the domain). */
  long npoints();

  /** Forgets every pending point. */
  void removeUnfinished();

  /**
   * Calls {@code sink} once for every evaluated point, in the order they were told. This is the
   * learner's whole exported state: {@link #load} rebuilds the learner from it.
   */
  void forEachData(BiConsumer<? super P, ? super V> sink);

  /**
   * Rebuilds this learner from exported data, as a bulk tell. Call it on a fresh learner. By
   * default a tell of each pair, in order.
   *
   * @param points the points, in the order they were told
   * @param values their values, in the same order
   * @throws IllegalArgumentException if the lists differ in length
   */
  default void load(List<P> points, List<V> values) {
    if (points.size() != values.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + values.size() + " values; they must pair up");
    }
    for (int i = 0; i < points.size(); i++) {
      tell(points.get(i), values.get(i));
    }
  }

  /** How points and values of this learner are written to its data file and to CSV. */
  DataCodec<P, V> codec();
}
