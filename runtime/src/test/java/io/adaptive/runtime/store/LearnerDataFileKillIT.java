/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
      Worker worker = Worker.start(file, batch, dir.resolve("worker-" + round + ".err"));
      try {
        await("round " + round + ": " + saves + " saves of " + batch + " points")
            .atMost(Duration.ofSeconds(60))
            .until(() -> worker.saves() >= saves || !worker.process.isAlive());
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

  /** A child JVM running {@link SavingWorkerMain}, and what it printed. */
  static final class Worker {
    final Process process;
    final Path stderr;
    final List<String> lines = new CopyOnWriteArrayList<>();

    private Worker(Process process, Path stderr) {
      this.process = process;
      this.stderr = stderr;
    }

    static Worker start(Path file, int batch, Path stderr) throws IOException {
      String java = ProcessHandle.current().info().command().orElseThrow();
      Process process =
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  SavingWorkerMain.class.getName(),
                  file.toString(),
                  LEARNER,
                  FINGERPRINT,
                  Integer.toString(batch))
              .redirectError(stderr.toFile())
              .start();
      Worker worker = new Worker(process, stderr);
      Thread reader =
          new Thread(
              () -> {
                try (var in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    worker.lines.add(line);
                  }
                } catch (IOException e) {
                  // the process was killed
                }
              });
      reader.setDaemon(true);
      reader.start();
      return worker;
    }

    long opened() {
      return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).substring("opened ".length()));
    }

    int saves() {
      return Math.max(0, lines.size() - 1);
    }

    /** The size after the last save the worker reported completed; 0 if none. */
    long lastReported() {
      return saves() == 0 ? 0 : Long.parseLong(lines.get(lines.size() - 1));
    }

    String stderr() throws IOException {
      return Files.exists(stderr) ? Files.readString(stderr) : "";
    }
  }
}
