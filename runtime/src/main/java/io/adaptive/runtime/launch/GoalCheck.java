/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.plan.Goal;
import io.adaptive.plan.LearnerView;
import io.adaptive.runtime.learn.BalancingLearner;
import io.adaptive.runtime.learn.DataSaver;
import io.adaptive.runtime.learn.IntegratorLearner;
import io.adaptive.runtime.learn.Learner;
import io.adaptive.runtime.learn.SequenceLearner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Decides whether a learner has reached its goal. */
final class GoalCheck {

  private GoalCheck() {}

  /** As {@link #isMet(Goal, Learner, long, Clock)} on the system clock. */
  static boolean isMet(Goal goal, Learner<?, ?> learner, long elapsedNanos) {
    return isMet(goal, learner, elapsedNanos, Clock.systemUTC());
  }

  /**
   * Whether {@code learner} has reached {@code goal}.
   *
   * @param elapsedNanos how long the learner has run, over all its jobs
   * @param clock the wall clock a {@link Goal.Deadline} is compared with
   */
  static boolean isMet(Goal goal, Learner<?, ?> learner, long elapsedNanos, Clock clock) {
    if (goal instanceof Goal.Points points) {
      return learner.npoints() >= points.count();
    } else if (goal instanceof Goal.LossBelow loss) {
      return learner.loss(true) <= loss.threshold();
    } else if (goal instanceof Goal.Elapsed elapsed) {
      return elapsedNanos >= elapsed.limit().toNanos();
    } else if (goal instanceof Goal.Deadline deadline) {
      return clock.instant().isAfter(deadline.time());
    } else if (goal instanceof Goal.When when) {
      return when.test().test(view(learner, elapsedNanos));
    } else if (goal instanceof Goal.Done) {
      return isDone(learner);
    } else if (goal instanceof Goal.AllOf all) {
      return all.goals().stream().allMatch(g -> isMet(g, learner, elapsedNanos, clock));
    } else if (goal instanceof Goal.AnyOf any) {
      return any.goals().stream().anyMatch(g -> isMet(g, learner, elapsedNanos, clock));
    }
    throw new IllegalArgumentException("unknown goal " + goal);
  }

  // compile() allows done() only for learners that finish on their own: sequences, integrators,
  // and balancing learners and data savers over them.
  private static boolean isDone(Learner<?, ?> learner) {
    if (learner instanceof SequenceLearner<?> sequence) {
      return sequence.done();
    } else if (learner instanceof IntegratorLearner integrator) {
      return integrator.done();
    } else if (learner instanceof BalancingLearner<?, ?> balancing) {
      return balancing.children().stream().allMatch(GoalCheck::isDone);
    } else if (learner instanceof DataSaver<?, ?, ?> saver) {
      return isDone(saver.learner());
    }
    return false;
  }

  private static LearnerView view(Learner<?, ?> learner, long elapsedNanos) {
    return new LearnerView() {
      @Override
      public long npoints() {
        return learner.npoints();
      }

      @Override
      public double loss() {
        return learner.loss(true);
      }

      @Override
      public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
      }

      @Override
      public List<LearnerView> children() {
        if (learner instanceof BalancingLearner<?, ?> balancing) {
          return balancing.children().stream().map(child -> view(child, elapsedNanos)).toList();
        }
        return List.of();
      }
    };
  }
}
