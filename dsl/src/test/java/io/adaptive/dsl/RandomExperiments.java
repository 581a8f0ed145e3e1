/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import static io.adaptive.dsl.Adaptive.*;

import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Loss1D;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Valid experiments drawn from a seed: the same seed gives the same experiment. */
final class RandomExperiments {

  enum Colour { RED, GREEN, BLUE_GREEN }

  private static final String CHARACTERS = "abcXYZ019._+- /%=,[]µé";

  private RandomExperiments() {}

  static Experiment of(SplittableRandom random) {
    List<Axis<?>> axes = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      axes.add(axis("axis" + i + text(random, 2), random));
    }
    double lower = random.nextDouble(-10, 10);
    double width = random.nextDouble(0.001, 10);
    Loss1D loss = List.of(defaultLoss(), uniformLoss(), curvatureLoss(), triangleLoss(), absMinLogLoss(),
        resolutionLoss(random.nextDouble(0, 0.01), random.nextDouble(0.1, 1))).get(random.nextInt(6));
    Goal goal = switch (random.nextInt(4)) {
      case 0 -> points(random.nextLong(1, 100_000));
      case 1 -> lossBelow(random.nextDouble(1e-6, 1));
      case 2 -> lossBelow(random.nextDouble(1e-6, 1)).or(points(random.nextLong(1, 1000)));
      default -> elapsed(Duration.ofSeconds(random.nextLong(1, 100_000))).and(points(10));
    };
    Resources resources = resources().cores(random.nextInt(1, 64)).memory(mib(random.nextLong(1, 100_000)))
        .walltime(Duration.ofMinutes(random.nextLong(1, 10_000)))
        .env("B" + random.nextInt(10), text(random, 3)).env("A" + random.nextInt(10), text(random, 3));
    if (random.nextBoolean()) {
      resources = resources.partition(text(random, 5)).exclusive().prelude("module load java").gpus(1);
    }
    boolean balanced = !axes.isEmpty() && random.nextInt(3) == 0; // its children may not balance
    Function<Point, LearnerDefinition> learn = learn(random, lower, width, loss, balanced);
    ExperimentBalanceStep swept = experiment("random " + text(random, 4)).sweep(axes);
    ExperimentLearnStep learnStep = balanced
        ? swept.balance(BalancingStrategy.values()[random.nextInt(4)]) : swept;
    return learnStep.learn(learn).until(goal).resources(resources);
  }

  // Every random number is drawn here, once: learn(..) runs at every compile() and must agree.
  private static Function<Point, LearnerDefinition> learn(SplittableRandom random, double lower,
      double width, Loss1D loss, boolean balanced) {
    Interval interval = interval(lower, lower + width);
    double tolerance = random.nextDouble(1e-6, 1);
    int outputs = random.nextInt(1, 5);
    long minSamples = random.nextLong(0, 100);
    double[] elements = random.doubles(random.nextInt(1, 20), -1e3, 1e3).toArray();
    boolean extras = random.nextBoolean();
    return switch (random.nextInt(balanced ? 5 : 7)) {
      case 0 -> point -> learner1DVector(interval, outputs, x -> new double[outputs]).loss(loss);
      case 1 -> point -> average(seed -> seed).atol(tolerance);
      case 2 -> point -> average1D(interval, (seed, x) -> x).minSamples(minSamples)
          .maxSamples(minSamples + 10).loss(loss);
      case 3 -> point -> integrator(interval, tolerance,
          extras ? withExtras(x -> sample(x).with("x", x)) : x -> x);
      case 4 -> point -> learner1D(interval, x -> x * point.parameters().size()).loss(loss);
      case 5 -> point -> sequence(elements, x -> x);
      case 6 -> point -> balancing(child("a", learner1D(interval, x -> x).loss(loss)),
          child("b", learner1D(interval, x -> -x).loss(loss)));
      default -> throw new IllegalStateException("no learner type for this draw");
    };
  }

  private static Axis<?> axis(String name, SplittableRandom random) {
    int size = random.nextInt(1, 4);
    switch (random.nextInt(5)) {
      case 0: {
        Set<Double> values = new LinkedHashSet<>();
        while (values.size() < size) {
          values.add(random.nextBoolean() ? random.nextDouble(-1e3, 1e3) : Math.scalb(1.0, random.nextInt(-80, 80)));
        }
        return Adaptive.axis(name, List.copyOf(values));
      }
      case 1: {
        Set<Long> values = new LinkedHashSet<>();
        while (values.size() < size) {
          values.add(random.nextLong());
        }
        return Adaptive.axis(name, List.copyOf(values));
      }
      case 2: {
        Set<String> values = new LinkedHashSet<>();
        while (values.size() < size) {
          values.add(text(random, 1 + random.nextInt(6)));
        }
        return Adaptive.axis(name, List.copyOf(values));
      }
      case 3:
        return Adaptive.axis(name, Colour.values());
      default:
        return random.nextBoolean() ? Adaptive.axis(name, true, false) : Adaptive.axis(name, random.nextInt());
    }
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
    }
    return text.toString();
  }
}
