/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.backend.local.Local;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.StatusFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Run directories for the tests: real runs of small plans, and hand-written ones. */
final class Runs {

  /** When the hand-written records last changed. */
  static final long UPDATED = 1_700_000_000_000L;

  static final String SQUARE = "t[f=square,n=1]";
  static final String SINE = "t[f=sine,n=1]";

  private Runs() {}

  /** Runs experiment {@code t} in process, into {@code dir}: SQUARE to 50 points, SINE to 30. */
  static RunResult finished(Path dir) {
    return run(dir, task(SQUARE, x -> x * x, 50), task(SINE, Math::sin, 30));
  }

  static RunResult run(Path dir, LearnerTask... tasks) {
    return Runner.on(Local.inProcess(2)).store(dir).quiet()
        .saveInterval(Duration.ofMillis(100)).progressInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20))
        .run(new ExecutionPlan("t", List.of(tasks)));
  }

  static LearnerTask task(String name, DoubleUnaryOperator f, long points) {
    return new LearnerTask(name, List.of(), new Learner1DSpec(-1, 1, new Loss1D.Default(), f),
        new Goal.Points(points), Defaults.RESOURCES);
  }

  /** Publishes {@code records} as a run manager does, into {@code dir/status.tsv}. */
  static void publish(Path dir, LearnerRecord... records) {
    try {
      Files.createDirectories(dir);
      StatusFile.write(dir.resolve("status.tsv"), List.of(records));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LearnerRecord record(String name, LearnerState state, String job, long npoints,
      double loss, int failures, long updated) {
    return new LearnerRecord(name, "f00d", "learner1D", "points(50)", state, job,
        job.isEmpty() ? "" : "thread-1", failures, npoints, loss, 1_000_000,
        failures > 0 ? "the function failed 3 times at -1.0: boom\n  at somewhere" : "", updated);
  }

  /** Writes a learner's data snapshot. */
  static void data(Path dir, String learner, String csv) {
    try {
      Path file = dir.resolve("learners").resolve(learner).resolve("data.csv");
      Files.createDirectories(file.getParent());
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
