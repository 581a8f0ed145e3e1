/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a worker with SIGKILL while it saves, again and again, and checks that every completed save
 * survives. {@code Process.destroyForcibly()} sends SIGKILL on Linux and macOS, and the worker
 * saves in a tight loop, so most kills land in the middle of a save: while encoding, while MapDB
 * commits, or while the pointer or the snapshot is renamed. Reopening after each kill also shows
 * that the OS released the worker's file lock.
 */
final class LearnerDataFileKillIT {

  static final String LEARNER = "peak[a=0.01,x0=0.2]";
  static final String FINGERPRINT = "4be1c0ffee9a07";

  /** Per round: the completed saves to wait for before the kill, and the points per save. */
  static final int[][] SCHEDULE = {
    {1, 1}, {3, 1}, {2, 500}, {5, 37}, {1, 2000}, {8, 3}, {4, 1000}, {2, 1}, {6, 250}, {3, 5000},
    {1, 10}, {7, 64}
  };

  @TempDir Path dir;

  @Test
  void save_killedAtAnyMoment_keepsEveryCompletedSave() throws Exception {
    Path file = new RunDirectory(dir).dataFile(LEARNER);
    long reported = 0;
    long elapsed = 0;
    for (int round = 0; round < SCHEDULE.length; round++) {
      int saves = SCHEDULE[round][0];
      int batch = SCHEDULE[round][1];
      ReportingChild worker = ReportingChild.start(SavingWorkerMain.class,
          dir.resolve("worker-" + round + ".err"), file.toString(), LEARNER, FINGERPRINT,
          Integer.toString(batch));
      try {
        await("round " + round + ": " + saves + " saves of " + batch + " points")
            .atMost(Duration.ofSeconds(60))
            .until(() -> worker.reports() >= saves || !worker.process.isAlive());
        assertThat(worker.process.isAlive())
            .as("round %d: worker alive; its stderr: %s", round, worker.stderr())
            .isTrue();
        assertThat(worker.opened())
            .as("round %d: size at open", round)
            .isGreaterThanOrEqualTo(reported);
        if (round == 0) {
          assertThatThrownBy(
                  () -> LearnerDataFile.open(file, LEARNER, FINGERPRINT, ListLearner.CODEC))
              .as("a second process while the worker runs")
              .isInstanceOf(DataFileException.class)
              .hasMessageStartingWith("the data file '" + file + "' is already open");
        }
      } finally {
        worker.process.destroyForcibly();
        assertThat(worker.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      reported = Math.max(reported, worker.lastReported());

      try (var data = LearnerDataFile.open(file, LEARNER, FINGERPRINT, ListLearner.CODEC)) {
        StoredData<Double, Double> stored = data.read();
        assertThat((long) stored.size())
            .as("round %d: stored points vs the last save the worker reported", round)
            .isGreaterThanOrEqualTo(reported)
            .isEqualTo(data.size());
        for (int i = 0; i < stored.size(); i++) {
          assertThat(Double.doubleToRawLongBits(stored.points().get(i)))
              .as("round %d: point %d", round, i)
              .isEqualTo(Double.doubleToRawLongBits(ListLearner.point(i)));
          assertThat(Double.doubleToLongBits(stored.values().get(i)))
              .as("round %d: value %d", round, i)
              .isEqualTo(Double.doubleToLongBits(ListLearner.value(i)));
        }
        assertThat(data.elapsedNanos())
            .as("round %d: elapsed time", round)
            .isGreaterThanOrEqualTo(elapsed);
        elapsed = data.elapsedNanos();
        reported = data.size();
      }
      DataSnapshot snapshot = DataSnapshot.read(file.resolveSibling("data.csv"));
      assertThat((long) snapshot.size())
          .as("round %d: snapshot rows", round)
          .isGreaterThanOrEqualTo(worker.lastReported());
    }
    assertThat(elapsed).as("time accumulates over the rounds").isPositive();
  }
}
