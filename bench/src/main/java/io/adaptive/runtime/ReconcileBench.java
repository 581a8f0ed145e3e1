/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.WorkerLaunch;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The run manager's work for one status poll of a large run: it reconciles the backend's answer
 * for every job with its records and commits what changed. Each poll, 1 % of the jobs have ended
 * (their learners fail once, go back to pending and are submitted again), the rest still run.
 * Lives in the runtime's package to reach the package-private run manager.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar ReconcileBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReconcileBench {

  @Param({"10000"})
  int jobs;

  private Path directory;
  private RunDatabase database;
  private FakeSession session;
  private RunManager manager;
  private int round;

  @Setup(Level.Trial)
  public void start() throws IOException {
    directory = Files.createTempDirectory("reconcile-bench");
    RunDirectory run = new RunDirectory(directory);
    database = RunDatabase.open(run.runDatabase());
    session = new FakeSession();
    manager = started(run, database, session, jobs, s -> {
      s.maxJobs = Integer.MAX_VALUE;
      s.maxFailures = Integer.MAX_VALUE;
    });
  }

  /**
   * A run manager of {@code learners} Learner1D learners that has submitted its first turn of
   * jobs, with an unlimited pacer and {@code settings} applied.
   */
  static RunManager started(RunDirectory run, RunDatabase database, BackendSession session,
      int learners, Consumer<RunSettings.Builder> settings) {
    List<LearnerTask> tasks = new ArrayList<>(learners);
    for (int i = 0; i < learners; i++) {
      tasks.add(new LearnerTask("l" + i, List.of(),
          new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x), new Goal.Points(1_000_000),
          Defaults.RESOURCES));
    }
    RunSettings resolved = RunSettings.defaults().with(s -> {
      s.pacer = SubmissionPacer.unlimited();
      settings.accept(s);
    });
    RunManager manager = new RunManager(new ExecutionPlan("bench", tasks), resolved, run,
        database, session, assignment -> NO_LAUNCH, "secret", Integer.MAX_VALUE,
        Clock.systemUTC());
    manager.prepare();
    manager.submitPending();
    manager.commitIfDirty();
    return manager;
  }

  @Setup(Level.Invocation)
  public void endSomeJobs() {
    session.endEvery(100, round++);
  }

  /** One poll's worth: reconcile every job, commit, submit the ended learners again. */
  @Benchmark
  public void reconcileOnePoll() {
    manager.reconcile(session.poll());
    manager.submitPending();
    manager.commitIfDirty();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    database.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A backend whose jobs run until the benchmark ends some of them. */
  static final class FakeSession implements BackendSession {
    private final Map<String, JobStatus> statuses = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private long sequence;

    void endEvery(int step, int offset) {
      // The jobs ended at the last poll have been reported once and leave the answer, as they
      // leave squeue's: each poll is of 10,000 jobs, not of every job the run ever had.
      order.removeIf(id -> statuses.get(id).state() == JobState.EXITED);
      statuses.values().removeIf(status -> status.state() == JobState.EXITED);
      for (int i = offset % step; i < order.size(); i += step) {
        String id = order.get(i);
        if (statuses.get(id).state() == JobState.RUNNING) {
          statuses.put(id, new JobStatus(id, JobState.EXITED, 137));
        }
      }
    }

    @Override
    public String submit(JobRequest request) {
      String id = "fake-" + (++sequence);
      statuses.put(id, new JobStatus(id, JobState.RUNNING, -1));
      order.add(id);
      return id;
    }

    @Override
    public boolean adopt(String jobId, JobRequest request) {
      return false;
    }

    @Override
    public Map<String, JobStatus> poll() {
      return statuses;
    }

    @Override
    public void cancel(String jobId) {}

    @Override
    public void kill(String jobId) {}

    @Override
    public void close() {}
  }

  static final WorkerLaunch NO_LAUNCH = new WorkerLaunch() {
    @Override
    public List<String> command() {
      return List.of();
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public int runInThisJvm() {
      return 0;
    }
  };
}
