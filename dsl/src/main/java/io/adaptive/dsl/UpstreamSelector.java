/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.List;

/**
 * Picks, for one learner of a later stage, the upstream learners it waits for; see
 * {@link Experiment#after(Experiment, UpstreamSelector)}. {@link Adaptive#sameAxisValues()} is
 * the common case.
 *
 * <p>{@link Experiment#compile()} calls it once per learner of the stage, in sweep order, in the
 * calling thread; like a learn function it must be deterministic. If it throws, returns null or
 * names a learner that is not upstream, {@code compile()} reports that with every other problem.
 */
@FunctionalInterface
public interface UpstreamSelector {

  /**
   * The upstream learners {@code point}'s learner waits for.
   *
   * @param point the learner of the later stage, e.g. {@code refine[damping=0.05]}
   * @param upstream one point per learner of the upstream stages, in plan order; their
   *     {@link Point#get} reads the upstream sweep's axes
   * @return names taken from {@code upstream}'s {@link Point#name()}, in any order; an empty list
   *     lets the learner start at once. Repeated names count once
   */
  List<String> select(Point point, List<Point> upstream);
}
