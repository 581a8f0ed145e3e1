/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a learner is done. Goals are checked between completed evaluations, so a learner can
 * overshoot a points goal by up to its number of cores minus one.
 *
 * <p>Goals are not part of a learner's fingerprint: tightening a goal keeps the learner's data.
 */
public sealed interface Goal {

  /** Done when both this and {@code other} are met. */
  default Goal and(Goal other) {
    return new AllOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /** Done when this or {@code other} is met. */
  default Goal or(Goal other) {
    return new AnyOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /**
   * Done when every one of {@code goals} is met; {@code allOf(a, b)} is {@code a.and(b)}.
   *
   * @throws NullPointerException if {@code goals} or one of them is null
   */
  static Goal allOf(Goal... goals) {
    return new AllOf(List.of(goals));
  }

  /**
   * Done when any one of {@code goals} is met; {@code anyOf(a, b)} is {@code a.or(b)}.
   *
   * @throws NullPointerException if {@code goals} or one of them is null
   */
  static Goal anyOf(Goal... goals) {
    return new AnyOf(List.of(goals));
  }

  /** The goal as it is written in the DSL, e.g. {@code lossBelow(0.01).or(points(500))}. */
  String describe();

  /** Done when the learner holds at least {@code count} evaluated points. */
  record Points(long count) implements Goal {
    @Override
    public String describe() {
      return "points(" + count + ")";
    }
  }

  /** Done when the learner's loss (evaluated points only) is at most {@code threshold}. */
  record LossBelow(double threshold) implements Goal {
    @Override
    public String describe() {
      return "lossBelow(" + threshold + ")";
    }
  }

  /**
   * Done when the learner has run for {@code limit} in total, summed over all its jobs: a restart
   * does not reset the clock.
   */
  record Elapsed(Duration limit) implements Goal {
    public Elapsed {
      Objects.requireNonNull(limit, "limit");
    }

    @Override
    public String describe() {
      return "elapsed(" + limit + ")";
    }
  }

  /**
   * Done once the wall clock is past {@code time}: the check is {@code now > time}. A time already
   * past is met at the first check, before any point (compile() is pure and does not read the
   * clock, so it cannot judge it). Give a fixed instant (from the arguments, say), never one
   * computed from the clock in {@code main()}: workers rebuild the plan and would get another.
   */
  record Deadline(Instant time) implements Goal {
    public Deadline {
      Objects.requireNonNull(time, "time");
    }

    @Override
    public String describe() {
      return "deadline(" + time + ")";
    }
  }

  /**
   * Done when {@code test} holds for the learner's {@link LearnerView}. The name stands for the
   * lambda in {@code explain()} and the run's status (a lambda cannot be shown), so make it say
   * what the test does; changing the test without the name is not noticed by a resumed run.
   */
  record When(String name, Predicate<LearnerView> test) implements Goal {
    public When {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(test, "test");
    }

    @Override
    public String describe() {
      StringBuilder text = new StringBuilder("when(\"");
      for (char c : name.toCharArray()) { // as a Java string literal, so it stays on one line
        switch (c) {
          case '"' -> text.append("\\\"");
          case '\\' -> text.append("\\\\");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          case '\t' -> text.append("\\t");
          default -> text.append(Character.isISOControl(c)
              ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
      }
      return text.append("\", ..)").toString();
    }
  }

  /**
   * Done when the learner says it is finished: a sequence learner when every element has a value,
   * an integrator when its error estimate is within tolerance (and a balancing learner or data
   * saver over those when its inner learners are). {@code compile()} reports it for learners that
   * never finish on their own.
   */
  record Done() implements Goal {
    @Override
    public String describe() {
      return "done()";
    }
  }

  /** Done when every one of {@code goals} is met. */
  record AllOf(List<Goal> goals) implements Goal {
    public AllOf {
      goals = List.copyOf(goals);
    }

    @Override
    public String describe() {
      return join(goals, "and");
    }
  }

  /** Done when any one of {@code goals} is met. */
  record AnyOf(List<Goal> goals) implements Goal {
    public AnyOf {
      goals = List.copyOf(goals);
    }

    @Override
    public String describe() {
      return join(goals, "or");
    }
  }

  // An empty group is written as the helper that can build it (allOf() / anyOf()), so that
  // explain() and error messages can still show it.
  private static String join(List<Goal> goals, String operator) {
    if (goals.isEmpty()) {
      return (operator.equals("and") ? "allOf" : "anyOf") + "()";
    }
    StringBuilder text = new StringBuilder(goals.get(0).describe());
    for (Goal goal : goals.subList(1, goals.size())) {
      text.append('.').append(operator).append('(').append(goal.describe()).append(')');
    }
    return text.toString();
  }
}
