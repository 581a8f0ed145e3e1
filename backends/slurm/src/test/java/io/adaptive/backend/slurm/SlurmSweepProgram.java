/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Parameter;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.spi.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A user's program for the SLURM integration tests: a sweep of Learner1D learners on the peak
 * function f(x) = x + a²/(a² + x²), one SLURM job per learner. The tests start it as the driver
 * JVM; each job runs it again as a worker.
 *
 * <p>Arguments: store, learners, points per learner, milliseconds each evaluation sleeps, save
 * interval in milliseconds, poll interval in milliseconds, then any of {@code walltime=<ms>}
 * (each job's walltime; SLURM rounds it up to whole minutes), {@code maxFailures=<n>},
 * {@code commandTimeout=<ms>} (how long one sbatch/squeue/scancel may take),
 * {@code exitFileGrace=<ms>} (how long an ended job may lack its exit file), {@code arrays=1} (job
 * arrays on, and no submission pacing, so that one turn of the manager submits every learner).
 */
public final class SlurmSweepProgram {

  public static void main(String[] args) {
    Path store = Path.of(args[0]);
    int learners = Integer.parseInt(args[1]);
    long points = Long.parseLong(args[2]);
    long sleepMillis = Long.parseLong(args[3]);
    long saveMillis = Long.parseLong(args[4]);
    long pollMillis = Long.parseLong(args[5]);
    List<String> flags = List.of(args).subList(6, args.length);
    long walltimeMillis = option(flags, "walltime", Defaults.WALLTIME.toMillis());
    int maxFailures = (int) option(flags, "maxFailures", 3);
    long commandTimeoutMillis = option(flags, "commandTimeout", 30_000);
    long exitFileGraceMillis = option(flags, "exitFileGrace", 20_000);
    boolean arrays = option(flags, "arrays", 0) == 1;

    List<LearnerTask> tasks = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      double a = 0.01 * (i + 1);
      Learner1DSpec spec = new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> {
        if (sleepMillis > 0) {
          try {
            Thread.sleep(sleepMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return x + (a * a) / (a * a + x * x);
      });
      tasks.add(new LearnerTask("peak[a=" + a + "]", List.of(new Parameter("a", a)), spec,
          new Goal.Points(points), shape(Duration.ofMillis(walltimeMillis))));
    }
    ExecutionPlan plan = new ExecutionPlan("peak", tasks);

    Backend backend = backend(Duration.ofMillis(commandTimeoutMillis),
        Duration.ofMillis(exitFileGraceMillis));
    // The default pacer: with arrays it counts sbatch calls, so one call carries all 8 jobs.
    Runner runner = Runner.on(arrays ? ((SlurmBackend) backend).jobArrays(true) : backend);
    RunResult result = runner.store(store)
        .saveInterval(Duration.ofMillis(saveMillis)).progressInterval(Duration.ofMillis(200))
        .pollInterval(Duration.ofMillis(pollMillis)).maxFailures(maxFailures).quiet().run(plan);
    // Below run(): the driver only.
    System.out.print(result.summary());
    System.exit(result.succeeded() ? 0 : 1);
  }

  static Backend backend(Duration commandTimeout, Duration exitFileGrace) {
    return Slurm.backend().commandTimeout(commandTimeout).exitFileGrace(exitFileGrace);
  }

  private static long option(List<String> flags, String name, long otherwise) {
    return flags.stream().filter(f -> f.startsWith(name + "=")).findFirst()
        .map(f -> Long.parseLong(f.substring(name.length() + 1))).orElse(otherwise);
  }

  /** One core, the default memory, {@code walltime}. */
  static ResourceShape shape(Duration walltime) {
    return new ResourceShape(1, 1, 1, Defaults.MEMORY, walltime, "", "", "", 0, false, "",
        new TreeMap<>(), List.of(), List.of());
  }
}
