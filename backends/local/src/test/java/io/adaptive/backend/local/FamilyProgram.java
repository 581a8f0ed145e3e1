/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.dsl.Adaptive.average;
import static io.adaptive.dsl.Adaptive.box;
import static io.adaptive.dsl.Adaptive.average1D;
import static io.adaptive.dsl.Adaptive.balancing;
import static io.adaptive.dsl.Adaptive.child;
import static io.adaptive.dsl.Adaptive.done;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.integrator;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.learner1DVector;
import static io.adaptive.dsl.Adaptive.learnerND;
import static io.adaptive.dsl.Adaptive.pipeline;
import static io.adaptive.dsl.Adaptive.points;
import static io.adaptive.dsl.Adaptive.sample;
import static io.adaptive.dsl.Adaptive.sequence;
import static io.adaptive.dsl.Adaptive.withExtras;

import io.adaptive.dsl.Experiment;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.spi.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every kind of learner the DSL offers, in one plan: run in-process by {@link LearnerFamilyTest}
 * and as child JVMs by {@link LearnerFamilyIT} (this class is then the user's program).
 */
public final class FamilyProgram {

  /** The learner kinds, each an experiment of its own, all compiled into one plan. */
  static ExecutionPlan plan() {
    List<Experiment> kinds = List.of(
        experiment("one").learn(p -> learner1D(interval(-1, 1), x -> x * x)).until(points(50)),
        experiment("vector").learn(p -> learner1DVector(interval(0, 3), 2,
            x -> new double[] {Math.sin(x), Math.cos(x)})).until(points(50)),
        experiment("average").learn(p -> average(seed -> (seed % 7) / 7.0).atol(0.05))
            .until(points(100)),
        experiment("average1D").learn(p -> average1D(interval(-1, 1),
            (seed, x) -> x + 0.01 * ((seed % 11) - 5))).until(points(100)),
        experiment("integrator").learn(p -> integrator(interval(0, 1), 1e-6, Math::sqrt))
            .until(done()),
        experiment("sequence").learn(p -> sequence(new double[] {0.1, 0.2, 0.3}, x -> x * x))
            .until(done()),
        experiment("balancing").learn(p -> balancing(
            child("left", learner1D(interval(-1, 0), Math::exp)),
            child("right", learner1D(interval(0, 1), Math::exp)))).until(points(60)),
        experiment("saver").learn(p -> learner1D(interval(0, 1),
            withExtras(x -> sample(x * x).with("work", 3.0)))).until(points(30)),
        experiment("nd").learn(p -> learnerND(box(interval(-1, 1), interval(-1, 1),
            interval(0, 2)), q -> Math.exp(-q[0] * q[0] - q[1] * q[1]) * q[2]))
            .until(points(60)));
    return pipeline("family", kinds).compile();
  }

  static RunResult run(Backend backend, Path store) {
    return Runner.on(backend).store(store).quiet().saveInterval(Duration.ofMillis(200))
        .progressInterval(Duration.ofMillis(100)).pollInterval(Duration.ofMillis(50))
        .run(plan());
  }

  public static void main(String[] args) {
    RunResult result = run(Local.processes(2), Path.of(args[0]));
    System.out.print(result.summary());
    System.exit(result.succeeded() ? 0 : 1);
  }
}
