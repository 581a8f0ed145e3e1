/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.dsl.Adaptive.axis;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.mib;
import static io.adaptive.dsl.Adaptive.points;
import static io.adaptive.dsl.Adaptive.resources;

import io.adaptive.dsl.Axis;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A user's program run on the local SLURM cluster by {@link SlurmRunIT}: two 1-D learners, each
 * in its own SLURM job that relaunches this program as a worker. Argument: the store directory.
 */
public final class SlurmRunProgram {

  static final Axis<Double> WIDTH = axis("width", 0.05, 0.1);

  public static void main(String[] args) {
    ExecutionPlan plan = experiment("peaks")
        .sweep(WIDTH)
        .learn(point -> {
          double width = point.get(WIDTH);
          return learner1D(interval(-1.0, 1.0), x -> x + width * width / (width * width + x * x));
        })
        .until(points(40))
        .resources(resources().cores(1).memory(mib(512)).walltime(Duration.ofMinutes(5)))
        .compile();

    RunResult result = Runner.on(Slurm.backend().exitFileGrace(Duration.ofSeconds(10)))
        .store(Path.of(args[0]))
        .pollInterval(Duration.ofMillis(500))
        .saveInterval(Duration.ofMillis(500))
        .quiet()
        .run(plan);
    System.out.println(result.summary());
    System.exit(result.succeeded() ? 0 : 1);
  }
}
