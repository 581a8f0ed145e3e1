/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the run manager's loop costs in a turn with nothing to submit, the turn it takes for every
 * batch of worker reports: check whether the run is settled and whether a learner can be
 * submitted. 10,000 learners; with {@code maxJobs} 100 (the default) 100 run and 9,900 wait for a
 * slot, with 10,000 every learner runs.
 *
 * <p>{@code java -jar bench/target/benchmarks.jar LoopTurnBench -f 1 -wi 3 -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LoopTurnBench {

  @Param({"10000"})
  int learners;

  @Param({"100", "10000"})
  int maxJobs;

  private Path directory;
  private RunDatabase database;
  private RunManager manager;

  @Setup
  public void start() throws IOException {
    directory = Files.createTempDirectory("loop-turn-bench");
    RunDirectory run = new RunDirectory(directory);
    database = RunDatabase.open(run.runDatabase());
    manager = ReconcileBench.started(run, database, new ReconcileBench.FakeSession(), learners,
        s -> s.maxJobs = maxJobs);
  }

  /** One turn of the loop that submits nothing: every slot is taken, or no learner waits. */
  @Benchmark
  public boolean idleTurn() {
    manager.submitPending();
    return manager.settled();
  }

  @TearDown
  public void stop() throws IOException {
    database.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
