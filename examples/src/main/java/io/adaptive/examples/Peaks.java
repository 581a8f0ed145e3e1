/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.examples;

import static io.adaptive.dsl.Adaptive.axis;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.lossBelow;
import static io.adaptive.dsl.Adaptive.points;

import io.adaptive.backend.local.Local;
import io.adaptive.charts.ChartListener;
import io.adaptive.dsl.Axis;
import io.adaptive.dsl.Experiment;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import java.time.Duration;

/**
 * Samples f(x) = x + a²/(a² + (x − x0)²) on [−1, 1] for three peak widths {@code a} and two
 * positions {@code x0}: six Learner1D learners, each in its own child JVM on this machine.
 *
 * <p>Run it from the repository root after {@code mvn -q -DskipTests package}:
 *
 * <pre>java -cp examples/target/adaptive-examples.jar io.adaptive.examples.Peaks</pre>
 *
 * <p>State goes to {@code runs/peaks/}; charts to {@code runs/peaks/charts/}. Run it again to
 * resume: learners that reached their goal are not run again, and an interrupted run continues
 * from its saved points.
 */
public final class Peaks {

  static final Axis<Double> WIDTH = axis("a", 0.01, 0.03, 0.1);
  static final Axis<Double> CENTRE = axis("x0", 0.0, 0.5);

  private Peaks() {}

  /** The experiment: one learner per (a, x0), each until its loss is below 0.001. */
  static Experiment peaks() {
    return experiment("peaks")
        .sweep(WIDTH, CENTRE)                               // 3 × 2 = 6 learners, e.g. peaks[a=0.01,x0=0.5]
        .learn(point -> {
          double a = point.get(WIDTH);
          double x0 = point.get(CENTRE);
          return learner1D(interval(-1, 1), x -> simulate(a, x0, x));
        })
        .until(lossBelow(0.001).or(points(20_000)));
  }

  /** Stands in for an expensive simulation: the peak, after 2 ms of pretend work. */
  static double simulate(double a, double x0, double x) {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    double d = x - x0;
    return x + (a * a) / (a * a + d * d);
  }

  public static void main(String[] args) {
    // Above run(): runs in the driver and in every worker, so it must build the same plan each time.
    ExecutionPlan plan = peaks().compile();

    RunResult result = Runner.on(Local.processes())         // child JVMs sharing this machine's cores
        .saveInterval(Duration.ofSeconds(2))                // a killed job loses at most 2 s of work
        .listener(ChartListener.intoChartsDirectory())      // PNGs refreshed while it runs
        .run(plan);                                         // state in runs/peaks/ (MapDB)
    // Below run(): the driver only. Worker processes never get here.

    System.out.print(result.summary());
    System.out.println("charts in " + result.chartsDirectory());
  }
}
