/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

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
import io.adaptive.runtime.launch.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A user's program for the integration tests: a sweep of Learner1D learners on the peak function,
 * run on child processes. The tests start it as the driver; it relaunches itself as the workers.
 *
 * <p>Arguments: store, core budget, learners, points per learner, milliseconds each evaluation
 * sleeps, save interval in milliseconds, then any of: {@code mismatch} (workers build another
 * plan), {@code throw} (the function throws for the first learner), {@code halt} (every worker
 * JVM of the first learner halts at its first point, with a last line in its log), {@code pattern}
 * (the first job prints a line the driver kills on), {@code walltime=<ms>} (each job's walltime),
 * {@code firstPoints=<n>} (the first learner's points goal, if it differs),
 * {@code heartbeat=<ms>} (the driver's heartbeat timeout), {@code maxFailures=<n>}, {@code pack=<learners per job>},
 * {@code cores=<n>} and {@code tasks=<n>} (each learner's job: cores in all, split among its tasks).
 */
public final class SweepProgram {

  /** What the driver prints once run() has returned: code a worker must never reach. */
  static final String AFTER_RUN = "the code after run() ran in pid ";

  /** What a halting worker prints last before it ends its JVM. */
  static final String HALTING = "halting this worker JVM on purpose: ";

  public static void main(String[] args) {
    Path store = Path.of(args[0]);
    int budget = Integer.parseInt(args[1]);
    int learners = Integer.parseInt(args[2]);
    long points = Long.parseLong(args[3]);
    long sleepMillis = Long.parseLong(args[4]);
    long saveMillis = Long.parseLong(args[5]);
    List<String> flags = List.of(args).subList(6, args.length);
    String mode = flags.stream().filter(f -> !f.contains("=")).findFirst().orElse("");
    long walltimeMillis = option(flags, "walltime", Defaults.WALLTIME.toMillis());
    long heartbeatMillis = option(flags, "heartbeat", 120_000);
    int maxFailures = (int) option(flags, "maxFailures", 3);
    int pack = (int) option(flags, "pack", 1);
    int cores = (int) option(flags, "cores", 1);
    int jobTasks = (int) option(flags, "tasks", 1);
    long firstPoints = option(flags, "firstPoints", points);
    Path marker = store.resolveSibling("printed-the-pattern");

    List<LearnerTask> tasks = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      double a = 0.01 * (i + 1);
      boolean throwing = mode.equals("throw") && i == 0;
      boolean halting = mode.equals("halt") && i == 0;
      String name = "peak[a=" + a + "]";
      // Deliberately wrong in "mismatch" mode: a worker must see a plan that differs.
      double lower = mode.equals("mismatch") && Role.isWorker() ? -2 : -1;
      Learner1DSpec spec = new Learner1DSpec(lower, 1, new Loss1D.Default(), x -> {
        long sleep = sleepMillis;
        if (Role.isEvaluator() && java.nio.file.Files.exists(
            store.resolveSibling("hang-" + ProcessHandle.current().pid()))) {
          sleep = 60_000; // the test marked this evaluator: its points stay in flight
        }
        if (sleep > 0) {
          try {
            Thread.sleep(sleep);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        if (halting && Role.isWorker()) {
          System.err.println(HALTING + name);
          System.err.flush();
          Runtime.getRuntime().halt(42);
        }
        if (throwing && x > 0.5) {
          throw new IllegalStateException("no value above 0.5");
        }
        if (mode.equals("pattern") && x > 0.5 && !java.nio.file.Files.exists(marker)) {
          try {
            java.nio.file.Files.createFile(marker);
            System.err.println("MPI_ABORT was invoked on rank 3");
          } catch (java.io.IOException e) {
            // Another evaluation printed it first.
          }
        }
        return x + (a * a) / (a * a + x * x);
      });
      tasks.add(new LearnerTask(name, List.of(new Parameter("a", a)), spec,
          new Goal.Points(i == 0 ? firstPoints : points),
          shape(cores, jobTasks).withWalltime(Duration.ofMillis(walltimeMillis))));
    }
    ExecutionPlan plan = new ExecutionPlan("peak", tasks);

    RunResult result = Runner.on(Local.processes(budget)).store(store)
        .saveInterval(Duration.ofMillis(saveMillis)).progressInterval(Duration.ofMillis(200))
        .pollInterval(Duration.ofMillis(100)).heartbeatTimeout(Duration.ofMillis(heartbeatMillis)).maxFailures(maxFailures).learnersPerJob(pack)
        .killOn(java.util.regex.Pattern.compile("MPI_ABORT")).quiet().run(plan);
    // Below run(): the driver only.
    System.out.print(result.summary());
    for (io.adaptive.runtime.LearnerStatus learner : result.learners()) {
      if (learner.state() == io.adaptive.runtime.LearnerState.FAILED) {
        System.out.println("last error of " + learner.name() + ":\n" + learner.lastError());
      }
    }
    System.out.println(AFTER_RUN + ProcessHandle.current().pid());
    System.exit(result.succeeded() ? 0 : 1);
  }

  private static long option(List<String> flags, String name, long otherwise) {
    return flags.stream().filter(f -> f.startsWith(name + "=")).findFirst()
        .map(f -> Long.parseLong(f.substring(name.length() + 1))).orElse(otherwise);
  }

  static ResourceShape shape() {
    return shape(1, 1);
  }

  static ResourceShape shape(int cores, int tasks) {
    return new ResourceShape(cores, 1, tasks, Defaults.MEMORY, Defaults.WALLTIME, "", "", "", 0, false, "",
        new TreeMap<>(), List.of(), List.of());
  }
}
