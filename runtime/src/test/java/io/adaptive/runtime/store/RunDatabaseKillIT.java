/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a stand-in run manager with SIGKILL while it commits, again and again, and checks that the
 * run database always reopens to exactly one completed commit, the last one the manager reported
 * or a later one. The manager ({@link CommittingManagerMain}) commits in a tight loop and compacts
 * its log every 16 KiB, so kills land while it encodes, appends a frame, forces the log, starts a
 * segment or writes and renames the MapDB snapshot. Each round also shows that the OS released the
 * dead manager's lock: the next manager takes the store over.
 */
final class RunDatabaseKillIT {

  static final long COMPACT_BYTES = 16 << 10;

  /** Per round: the completed commits to wait for before the kill, and the puts per commit. */
  static final int[][] SCHEDULE = {
    {1, 1}, {3, 100}, {40, 1}, {7, 10}, {1, 1000}, {200, 1}, {25, 100}, {2, 5}, {90, 10},
    {5, 1000}, {1, 50}, {300, 3}, {13, 200}, {60, 1}
  };

  @TempDir Path dir;

  @Test
  void commit_killedAtAnyMoment_reopensToACompletedCommit() throws Exception {
    Path file = new RunDirectory(dir).runDatabase();
    long reported = 0;
    int midCompaction = 0;
    for (int round = 0; round < SCHEDULE.length; round++) {
      int commits = SCHEDULE[round][0];
      int size = SCHEDULE[round][1];
      ReportingChild manager = manager(file, size, dir.resolve("manager-" + round + ".err"));
      try {
        await("round " + round + ": " + commits + " commits of " + size + " puts")
            .atMost(Duration.ofSeconds(60))
            .until(() -> manager.reports() >= commits || !manager.process.isAlive());
        assertThat(manager.process.isAlive())
            .as("round %d: manager alive; its stderr: %s", round, manager.stderr())
            .isTrue();
        assertThat(manager.opened())
            .as("round %d: batch at open vs the last commit reported before", round)
            .isGreaterThanOrEqualTo(reported);
        if (round == 0) {
          secondManager_isRefusedWhileTheFirstLives(file, manager.process.pid());
        }
      } finally {
        manager.process.destroyForcibly();
        assertThat(manager.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      reported = Math.max(reported, manager.lastReported());
      if (Files.exists(StoreSnapshot.temporary(file))) {
        midCompaction++;
      }
      if (round % 3 == 2 || round == SCHEDULE.length - 1) {
        // The dead manager's lock is gone: this process takes the store over and checks it.
        try (RunDatabase database = RunDatabase.open(file, COMPACT_BYTES)) {
          assertThat(StoreOwner.read(StoreLock.ownerOf(file)).orElseThrow().pid())
              .as("round %d: the owner file names the new holder", round)
              .isEqualTo(ProcessHandle.current().pid());
          long found = CommittingManagerMain.check(database);
          assertThat(found)
              .as("round %d: batch in the store vs the last commit reported", round)
              .isGreaterThanOrEqualTo(reported);
          reported = found;
        }
      }
    }
    assertThat(reported).as("commits accumulate over the rounds").isGreaterThan(700);
    // Not asserted, since it depends on timing; it shows the test reaches the compaction.
    System.out.printf("RunDatabaseKillIT: %d rounds, %d commits, %d kills while a snapshot was"
        + " written%n", SCHEDULE.length, reported, midCompaction);
  }

  @Test
  void open_refusedInThisProcess_stillKeepsOtherProcessesOut() throws Exception {
    Path file = new RunDirectory(dir).runDatabase();
    try (RunDatabase first = RunDatabase.open(file)) {
      // On Linux a second descriptor of the lock file, once closed, would drop this process's lock
      assertThatThrownBy(() -> RunDatabase.open(file)).isInstanceOf(RunStoreLockedException.class);
      StoreOwner owner = StoreOwner.read(StoreLock.ownerOf(file)).orElseThrow();

      ReportingChild second = manager(file, 1, dir.resolve("second.err"));
      assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(second.process.exitValue()).isNotZero();
      assertThat(second.stderr())
          .contains(RunStoreLockedException.class.getName() + ": the run store "
              + file.toAbsolutePath().getParent() + " is in use by another run manager (pid "
              + ProcessHandle.current().pid() + " on host " + StoreOwner.hostName() + ", since "
              + DateTimeFormatter.ofPattern("HH:mm:ss").format(owner.since().atZone(
                  ZoneId.systemDefault()))
              + "); wait for that run to end, stop it, or use another store directory");
      assertThat(second.lines).isEmpty();
    }
  }

  private static void secondManager_isRefusedWhileTheFirstLives(Path file, long pid) {
    StoreOwner owner = StoreOwner.read(StoreLock.ownerOf(file)).orElseThrow();
    assertThat(owner.pid()).isEqualTo(pid);
    assertThatThrownBy(() -> RunDatabase.open(file))
        .isInstanceOfSatisfying(RunStoreLockedException.class,
            e -> assertThat(e.owner()).contains(owner))
        .hasMessage("the run store " + file.toAbsolutePath().getParent() + " is in use by another"
            + " run manager (pid " + pid + " on host " + StoreOwner.hostName() + ", since "
            + DateTimeFormatter.ofPattern("HH:mm:ss").format(owner.since().atZone(ZoneId.systemDefault()))
            + "); wait for that run to end, stop it, or use another store directory");
  }

  /** A child JVM running {@link CommittingManagerMain} on {@code file}. */
  private static ReportingChild manager(Path file, int size, Path stderr) throws IOException {
    return ReportingChild.start(CommittingManagerMain.class, stderr, file.toString(),
        Integer.toString(size), Long.toString(COMPACT_BYTES));
  }
}
