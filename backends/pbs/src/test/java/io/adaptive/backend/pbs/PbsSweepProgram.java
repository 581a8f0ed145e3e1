/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A user's program for the PBS integration tests (the twin of the local backend's
 * {@code SweepProgram}): a sweep of Learner1D learners on the peak function, each learner one PBS
 * job submitted through the {@code qsub}, {@code qstat} and {@code qdel} found in a directory.
 * The tests start it as the driver; PBS (the fake, or slurm-wlm-torque) starts it again as the
 * workers.
 *
 * <p>Arguments: store, directory of the PBS commands, learners, points per learner, milliseconds
 * each evaluation sleeps, save interval in milliseconds, then any of: {@code walltime=<ms>},
 * {@code torque}, {@code grace=<ms>} (exit file grace), {@code poll=<ms>}, {@code maxFailures=<n>}.
 */
public final class PbsSweepProgram {

  public static void main(String[] args) {
    Path store = Path.of(args[0]);
    Path bin = Path.of(args[1]);
    int learners = Integer.parseInt(args[2]);
    long points = Long.parseLong(args[3]);
    long sleepMillis = Long.parseLong(args[4]);
    long saveMillis = Long.parseLong(args[5]);
    List<String> flags = List.of(args).subList(6, args.length);
    long walltimeMillis = option(flags, "walltime", Defaults.WALLTIME.toMillis());
    long graceMillis = option(flags, "grace", 10_000);
    long pollMillis = option(flags, "poll", 500);
    int maxFailures = (int) option(flags, "maxFailures", 3);

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
      ResourceShape shape = new ResourceShape(1, 1, 1, io.adaptive.plan.Memory.mib(256),
          Duration.ofMillis(walltimeMillis), "", "", "", 0, false, "", new TreeMap<>(), List.of(),
          List.of());
      tasks.add(new LearnerTask("peak[a=" + a + "]", List.of(new Parameter("a", a)), spec,
          new Goal.Points(points), shape));
    }
    ExecutionPlan plan = new ExecutionPlan("peak", tasks);

    PbsBackend pbs = Pbs.backend().executables(bin).bindHost("127.0.0.1")
        .advertisedHost("127.0.0.1").commandTimeout(Duration.ofSeconds(20))
        .exitFileGrace(Duration.ofMillis(graceMillis));
    if (flags.contains("torque")) {
      pbs = pbs.torque();
    }
    RunResult result = Runner.on(pbs).store(store)
        .saveInterval(Duration.ofMillis(saveMillis)).progressInterval(Duration.ofMillis(500))
        .pollInterval(Duration.ofMillis(pollMillis)).maxFailures(maxFailures).quiet().run(plan);
    // Below run(): the driver only.
    System.out.print(result.summary());
    System.exit(result.succeeded() ? 0 : 1);
  }

  private static long option(List<String> flags, String name, long otherwise) {
    return flags.stream().filter(f -> f.startsWith(name + "=")).findFirst()
        .map(f -> Long.parseLong(f.substring(name.length() + 1))).orElse(otherwise);
  }
}
