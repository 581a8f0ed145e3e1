/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.examples;

import static io.adaptive.dsl.Adaptive.axis;
import static io.adaptive.dsl.Adaptive.box;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learnerND;
import static io.adaptive.dsl.Adaptive.lossBelow;
import static io.adaptive.dsl.Adaptive.points;

import io.adaptive.backend.local.Local;
import io.adaptive.dsl.Axis;
import io.adaptive.dsl.Experiment;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import java.time.Duration;

/**
 * Samples a thin spherical shell of density in a box, f(x, y, z) = exp(−(r² − R²)² / w²), for two
 * radii R: two 3-D LearnerND learners, each in its own child JVM on this machine. The learners put
 * their points on the shell, where f changes fastest.
 *
 * <p>Run it from the repository root after {@code mvn -q -DskipTests package}:
 *
 * <pre>java -cp examples/target/adaptive-examples.jar io.adaptive.examples.Shells</pre>
 *
 * <p>State goes to {@code runs/shells/}; each learner's points are in its {@code data.csv} (columns
 * x, y, z, value). Run it again to resume.
 */
public final class Shells {

  static final Axis<Double> RADIUS = axis("R", 0.5, 0.8);

  private Shells() {}

  /** The experiment: one learner per radius, until its loss is below 0.005 or 5 000 points. */
  static Experiment shells() {
    return experiment("shells")
        .sweep(RADIUS)                                      // shells[R=0.5], shells[R=0.8]
        .learn(point -> {
          double radius = point.get(RADIUS);
          return learnerND(box(interval(-1, 1), interval(-1, 1), interval(-1, 1)),
              p -> shell(radius, p[0], p[1], p[2]));
        })
        .until(lossBelow(0.005).or(points(5_000)));
  }

  /** Stands in for an expensive simulation: the shell, after 1 ms of pretend work. */
  static double shell(double radius, double x, double y, double z) {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double d = x * x + y * y + z * z - radius * radius;
    return Math.exp(-(d * d) / 0.01);
  }

  public static void main(String[] args) {
    // Above run(): runs in the driver and in every worker, so it must build the same plan each time.
    ExecutionPlan plan = shells().compile();

    RunResult result = Runner.on(Local.processes())         // child JVMs sharing this machine's cores
        .saveInterval(Duration.ofSeconds(2))
        .run(plan);                                         // state in runs/shells/ (MapDB)
    // Below run(): the driver only. Worker processes never get here.

    System.out.print(result.summary());
  }
}
