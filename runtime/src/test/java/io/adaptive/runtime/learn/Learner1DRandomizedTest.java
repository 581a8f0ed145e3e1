/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner1DReference.peak;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.plan.Loss1D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of every operation, the tuned {@link Learner1D} against {@link NaiveLearner1D}
 * (the spec transcribed with plain collections): same points, improvements and losses, bit for bit,
 * after every step.
 */
final class Learner1DRandomizedTest {

  private static final Loss1D[] LOSSES = {
    new Loss1D.Default(),
    new Loss1D.Uniform(),
    new Loss1D.Curvature(1, 0.02, 0.02),
    new Loss1D.Triangle(),
    new Loss1D.AbsMinLog(),
    new Loss1D.Resolution(0.01, 0.2),
  };

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 21, 34, 55, 89, 144, 2024, 4711})
  void randomOperations_sameAsNaiveTranscription(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Loss1D loss = LOSSES[(int) (seed % LOSSES.length)];
    Learner1D learner = Learner1D.of(-1, 1, loss);
    NaiveLearner1D naive = new NaiveLearner1D(-1, 1, IntervalLosses.of(loss));
    List<Double> pending = new ArrayList<>();
    for (int step = 0; step < 600; step++) {
      int op = random.nextInt(100);
      String what;
      if (op < 45) {
        int n = random.nextInt(100) < 70 ? 1 : random.nextInt(0, 9);
        boolean register = random.nextInt(100) < 85;
        what = "ask(" + n + ", " + register + ")";
        Asked<Double> asked = learner.ask(n, register);
        List<List<Double>> expected = naive.ask(n, register);
        assertThat(asked.points())
            .as("seed %d step %d %s", seed, step, what)
            .isEqualTo(expected.get(0));
        assertThat(asked.improvements())
            .as("seed %d step %d %s", seed, step, what)
            .isEqualTo(expected.get(1));
        if (register) {
          pending.addAll(asked.points());
        }
      } else if (op < 85 && !pending.isEmpty()) {
        double x = pending.remove(random.nextInt(pending.size()));
        what = "tell(" + x + ")";
        learner.tell(x, peak(x));
        naive.tell(x, peak(x));
      } else if (op < 90) {
        double x =
            random.nextInt(100) < 50 ? random.nextDouble(-1.5, 1.5) : random.nextInt(-4, 5) / 4.0;
        what = "tell(" + x + ") unasked";
        learner.tell(x, peak(x));
        naive.tell(x, peak(x));
      } else if (op < 95) {
        double x =
            random.nextInt(100) < 50 ? random.nextDouble(-1.2, 1.2) : random.nextInt(-8, 9) / 8.0;
        what = "tellPending(" + x + ")";
        learner.tellPending(x);
        naive.tellPending(x);
        pending.add(x);
      } else if (op < 97) {
        what = "removeUnfinished";
        learner.removeUnfinished();
        naive.removeUnfinished();
        pending.clear();
      } else {
        what = "nothing";
      }
      assertThat(learner.npoints())
          .as("seed %d step %d %s", seed, step, what)
          .isEqualTo(naive.data.size());
      assertThat(learner.pendingCount())
          .as("seed %d step %d %s", seed, step, what)
          .isEqualTo(naive.pending.size());
      assertThat(learner.loss(true))
          .as("seed %d step %d %s: loss(true)", seed, step, what)
          .isEqualTo(naive.loss(true));
      assertThat(learner.loss(false))
          .as("seed %d step %d %s: loss(false)", seed, step, what)
          .isEqualTo(naive.loss(false));
    }
  }

  /**
   * Long ask(1)-then-tell runs (which never search the sorted sets, so their treaps fall behind and
   * are rebuilt or caught up later) between the operations that do search them: unasked tells,
   * tellPending of arbitrary points, ask(n) with many pending points side by side, removeUnfinished.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void longAskTellRunsBetweenSearches_sameAsNaiveTranscription(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Loss1D loss = LOSSES[(int) (seed % LOSSES.length)];
    Learner1D learner = Learner1D.of(-1, 1, loss);
    NaiveLearner1D naive = new NaiveLearner1D(-1, 1, IntervalLosses.of(loss));
    List<Double> pending = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      int run = random.nextInt(100) < 50 ? random.nextInt(1, 20) : random.nextInt(60, 200);
      for (int i = 0; i < run; i++) {
        Asked<Double> asked = learner.ask(1, true);
        List<List<Double>> expected = naive.ask(1, true);
        assertThat(asked.points()).as("seed %d round %d run %d", seed, round, i)
            .isEqualTo(expected.get(0));
        double x = asked.points().get(0);
        learner.tell(x, peak(x));
        naive.tell(x, peak(x));
      }
      int op = random.nextInt(5);
      String what;
      if (op == 0) {
        double x = random.nextDouble(-1.2, 1.2);
        what = "tell(" + x + ") unasked";
        learner.tell(x, peak(x));
        naive.tell(x, peak(x));
      } else if (op == 1) {
        double x = random.nextDouble(-1.2, 1.2);
        what = "tellPending(" + x + ")";
        learner.tellPending(x);
        naive.tellPending(x);
        pending.add(x);
      } else if (op == 2) {
        int n = random.nextInt(2, 40);
        what = "ask(" + n + ")";
        Asked<Double> asked = learner.ask(n, true);
        List<List<Double>> expected = naive.ask(n, true);
        assertThat(asked.points()).as("seed %d round %d %s", seed, round, what)
            .isEqualTo(expected.get(0));
        assertThat(asked.improvements()).as("seed %d round %d %s", seed, round, what)
            .isEqualTo(expected.get(1));
        pending.addAll(asked.points());
      } else if (op == 3) {
        what = "tell pending";
        while (!pending.isEmpty()) {
          double x = pending.remove(random.nextInt(pending.size()));
          learner.tell(x, peak(x));
          naive.tell(x, peak(x));
        }
      } else {
        what = "removeUnfinished";
        learner.removeUnfinished();
        naive.removeUnfinished();
        pending.clear();
      }
      assertThat(learner.npoints()).as("seed %d round %d %s", seed, round, what)
          .isEqualTo(naive.data.size());
      assertThat(learner.loss(true)).as("seed %d round %d %s: loss(true)", seed, round, what)
          .isEqualTo(naive.loss(true));
      assertThat(learner.loss(false)).as("seed %d round %d %s: loss(false)", seed, round, what)
          .isEqualTo(naive.loss(false));
    }
  }
}
