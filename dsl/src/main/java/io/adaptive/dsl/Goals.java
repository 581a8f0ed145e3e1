/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Goal;
import io.adaptive.plan.LearnerView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Goals that say when a learner is done; use them through {@link Adaptive} and combine them with
 * {@link Goal#and} and {@link Goal#or}. Values are recorded as given; a goal that can never be met,
 * or is met before the first point, is reported by {@link Experiment#compile()}.
 */
public final class Goals {

  private Goals() {}

  /**
   * Done when the learner holds at least {@code count} evaluated points.
   *
   * @param count evaluated points, positive; {@code compile()} reports 0 or less
   * @return the goal {@code points(count)}
   */
  public static Goal points(long count) {
    return new Goal.Points(count);
  }

  /**
   * Done when the learner's loss (over evaluated points) is at most {@code threshold}.
   *
   * @param threshold positive, e.g. {@code 1e-3}; {@code compile()} reports a negative or NaN
   *     threshold, and 0 unless another goal bounds it ({@code .or(points(..))})
   * @return the goal {@code lossBelow(threshold)}
   */
  public static Goal lossBelow(double threshold) {
    return new Goal.LossBelow(threshold);
  }

  /**
   * Done when the learner has run for {@code limit}, summed over all its jobs: a restart does not
   * reset the clock.
   *
   * @param limit positive; {@code compile()} reports zero or less
   * @return the goal {@code elapsed(limit)}
   * @throws NullPointerException if {@code limit} is null
   */
  public static Goal elapsed(Duration limit) {
    return new Goal.Elapsed(Objects.requireNonNull(limit, "limit"));
  }

  /**
   * Done once the wall clock is past {@code time} ({@code now > time}), checked between completed
   * evaluations like every goal.
   *
   * <p>A time already past is allowed and met at the first check, so the learner stops before its
   * first point: {@code compile()} is pure and never reads the clock, so it cannot tell. Pass a
   * fixed instant (from the arguments, say), not one computed from {@code Instant.now()}: workers
   * rebuild the plan and would compute another; for a relative limit use {@link #elapsed}.
   *
   * @param time the deadline
   * @return the goal {@code deadline(time)}
   * @throws NullPointerException if {@code time} is null
   */
  public static Goal deadline(Instant time) {
    return new Goal.Deadline(Objects.requireNonNull(time, "time"));
  }

  /**
   * Done when {@code test} holds for the learner, seen through a {@link LearnerView} (npoints,
   * loss, elapsed time and, for a balancing learner, its children). For example, every child of a
   * balancing learner with at least 300 points:
   * {@code when("300 points each", l -> l.children().stream().allMatch(c -> c.npoints() >= 300))}.
   *
   * <p>The name stands for the test in {@code explain()} and the run's status, because a lambda
   * cannot be shown; {@code compile()} reports a blank name or one with a control character.
   *
   * @param name what the test checks, e.g. {@code "300 points each"}
   * @param test the predicate; keep it cheap, it runs after every completed evaluation
   * @return the goal {@code when("name", ..)}
   * @throws NullPointerException if an argument is null
   */
  public static Goal when(String name, Predicate<LearnerView> test) {
    return new Goal.When(Objects.requireNonNull(name, "name"), Objects.requireNonNull(test, "test"));
  }

  /**
   * Done when the learner is finished: a sequence learner when every element has a value, an
   * integrator when its error is within tolerance, and a balancing learner when all its children
   * are. {@code compile()} reports it for learners that never finish on their own.
   *
   * @return the goal {@code done()}
   */
  public static Goal done() {
    return new Goal.Done();
  }

  /**
   * Done when all of {@code goals} are met; {@code allOf(a, b)} is {@code a.and(b)}. Give at least
   * one goal.
   *
   * @param goals the goals; {@code compile()} reports none
   * @return the goal {@code allOf(goals)}
   * @throws NullPointerException if {@code goals} or one of them is null
   */
  public static Goal allOf(Goal... goals) {
    return new Goal.AllOf(List.of(Objects.requireNonNull(goals, "goals")));
  }

  /**
   * Done when any of {@code goals} is met; {@code anyOf(a, b)} is {@code a.or(b)}. Give at least
   * one goal.
   *
   * @param goals the goals; {@code compile()} reports none
   * @return the goal {@code anyOf(goals)}
   * @throws NullPointerException if {@code goals} or one of them is null
   */
  public static Goal anyOf(Goal... goals) {
    return new Goal.AnyOf(List.of(Objects.requireNonNull(goals, "goals")));
  }
}
