/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.bench;

import io.adaptive.backend.local.Local;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.learn.Learner1D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The direct-call twin of house-style §11: the same {@link Learner1D} (−1, 1, default loss), the
 * same {@code peak} function and the same point count, once through the in-process runner
 * ({@code Runner.on(Local.inProcess(1))}, quiet, goal {@code Goal.Points(N)}, a fresh store in a
 * temporary directory, every other setting at its default) and once by the plain {@code
 * ask(1)}-then-{@code tell} loop. Scores are µs <em>per point</em> of a whole run (single shot,
 * store creation and deletion outside the timing); {@code runner_N − direct_N} is the framework's
 * overhead per point at N, and the change of {@code runner_N · N} between N = 1e4 and 1e5 splits
 * it into a fixed cost per run and a marginal cost per point.
 *
 * <p>The runner's time includes opening the run database, starting the worker thread, the
 * evaluation hand-off to the worker's executor, the data saves (every 10 s and at the end), the
 * progress reports (every 1 s and at the end) and the manager noticing that the run is done.
 *
 * <p>Run it with (after {@code mvn -o -q package -pl bench -am -DskipTests}; about a minute):
 *
 * <pre>java -jar bench/target/benchmarks.jar RunnerOverheadBench -f 1 -rf json</pre>
 */
@State(Scope.Thread)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class RunnerOverheadBench {

  private Path dir;

  @Setup(Level.Invocation)
  public void createStore() throws IOException {
    dir = Files.createTempDirectory("runner-bench");
  }

  @TearDown(Level.Invocation)
  public void deleteStore() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(RunnerOverheadBench::delete);
    }
  }

  private static void delete(Path file) {
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ExecutionPlan plan(long points) {
    LearnerTask task =
        new LearnerTask(
            "peak",
            List.of(),
            new Learner1DSpec(-1, 1, new Loss1D.Default(), Learner1DBench::peak),
            new Goal.Points(points),
            Defaults.RESOURCES);
    return new ExecutionPlan("bench", List.of(task));
  }

  static RunResult runInProcess(Path store, long points) {
    RunResult result = Runner.on(Local.inProcess(1)).store(store).quiet().run(plan(points));
    if (!result.succeeded() || result.learner("peak").npoints() < points) {
      throw new IllegalStateException("the run did not reach its goal: " + result.summary());
    }
    return result;
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public RunResult runner_1e4() {
    return runInProcess(dir, 10_000);
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public RunResult runner_1e5() {
    return runInProcess(dir, 100_000);
  }

  @Benchmark
  @OperationsPerInvocation(10_000)
  public Learner1D direct_1e4() {
    return Learner1DBench.fill(Learner1D.of(-1, 1), 10_000);
  }

  @Benchmark
  @OperationsPerInvocation(100_000)
  public Learner1D direct_1e5() {
    return Learner1DBench.fill(Learner1D.of(-1, 1), 100_000);
  }
}
