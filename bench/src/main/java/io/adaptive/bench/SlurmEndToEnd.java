/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.backend.slurm.Slurm;
import io.adaptive.backend.slurm.SlurmBackend;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The end-to-end workload of {@code bench/slurm-e2e.sh}, the one adaptive-scheduler's own SLURM
 * benchmark runs: 8 Learner1D learners on f(x) = x + a²/(a² + x²), a = 0.01 … 0.08, on (−1, 1),
 * each evaluation also sleeping 20 ms, until 200 points each; one SLURM job of one core per
 * learner, a save every 10 s.
 *
 * <p>Arguments: the store directory, the poll interval in milliseconds, and {@code arrays} to
 * submit the jobs as one SLURM job array. Each job's worker writes
 * {@code <store>/first-point/<SLURM job id>} (epoch milliseconds) at its first evaluation. At the
 * end the driver prints its own CPU time and that of the commands it ran (sbatch, squeue, scancel),
 * from {@code /proc/self/stat}:
 * {@code driver-cpu self_ms=<n> children_ms=<n> before_run_ms=<n>} (the last: its own CPU time
 * when {@code run} was called, i.e. JVM start and plan).
 *
 * <p>The system property {@code bench.workerJavaOptions} (space-separated) gives the workers JVM
 * options after the driver's ({@code javaOptions} of the backend).
 *
 * <p>Run it through the script: {@code bench/slurm-e2e.sh}.
 */
public final class SlurmEndToEnd {

  static final double[] WIDTHS = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08};

  public static void main(String[] args) throws IOException {
    Path store = Path.of(args[0]).toAbsolutePath();
    Duration poll = Duration.ofMillis(Long.parseLong(args[1]));
    Path firstPoints = store.resolve("first-point");

    List<LearnerTask> tasks = new ArrayList<>();
    for (double a : WIDTHS) {
      Learner1DSpec spec = new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> {
        markFirstPoint(firstPoints);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return x + (a * a) / (a * a + x * x);
      });
      tasks.add(new LearnerTask("peak[a=" + a + "]", List.of(new Parameter("a", a)), spec,
          new Goal.Points(200), new ResourceShape(1, 1, 1, Defaults.MEMORY,
              Duration.ofMinutes(10), "", "", "", 0, false, "", new TreeMap<>(), List.of(),
              List.of())));
    }
    ExecutionPlan plan = new ExecutionPlan("slurm-e2e", tasks);

    long[] before = Role.isWorker() ? new long[2] : cpuMillis();
    boolean arrays = args.length > 2 && args[2].equals("arrays");
    String workerOptions = System.getProperty("bench.workerJavaOptions", "").strip();
    SlurmBackend backend = Slurm.backend().jobArrays(arrays)
        .javaOptions(workerOptions.isEmpty() ? new String[0] : workerOptions.split("\\s+"));
    RunResult result = Runner.on(backend).store(store)
        .saveInterval(Duration.ofSeconds(10)).pollInterval(poll).quiet().run(plan);
    // Below run(): the driver only.
    System.out.print(result.summary());
    long[] cpu = cpuMillis();
    System.out.printf(Locale.ROOT, "driver-cpu self_ms=%d children_ms=%d before_run_ms=%d%n",
        cpu[0], cpu[1], before[0]);
    System.out.println("driver-threads " + threadCpu());
    System.exit(result.succeeded() ? 0 : 1);
  }

  /** The driver's threads by CPU time, most first, grouped by name without digits: "name=ms". */
  private static String threadCpu() throws IOException {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
              .replaceAll("[0-9]+", "#").replace(' ', '_');
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    }
    return byName.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "));
  }

  private static volatile boolean marked;

  private static void markFirstPoint(Path dir) {
    if (marked) {
      return;
    }
    marked = true;
    String job = System.getenv().getOrDefault("SLURM_JOB_ID", "unknown");
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(job), System.currentTimeMillis() + "\n",
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      // another evaluation thread of the same job was first
    } catch (IOException e) {
      System.err.println("cannot write the first-point marker: " + e);
    }
  }

  /** This process's CPU time and that of its waited-for children, in ms ({@code /proc/self/stat}). */
  private static long[] cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
    // Fields after the command name in parentheses: state is field 3; utime, stime, cutime and
    // cstime are fields 14 to 17, in clock ticks (100 per second on Linux).
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticksToMs = 10;
    long self = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * ticksToMs;
    long children = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * ticksToMs;
    return new long[] {self, children};
  }
}
