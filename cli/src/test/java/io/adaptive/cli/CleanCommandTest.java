/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static io.adaptive.cli.Runs.UPDATED;
import static io.adaptive.cli.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CleanCommandTest {

  @TempDir Path dir;
  Path logs;

  @BeforeEach
  void run() throws Exception {
    Runs.publish(dir,
        record("done", LearnerState.DONE, "", 5, 0.5, 0, UPDATED),
        record("failed", LearnerState.FAILED, "", 5, 0.5, 3, UPDATED),
        record("running", LearnerState.RUNNING, "j5-b", 5, 0.5, 1, UPDATED),
        record("pending", LearnerState.PENDING, "", 5, 0.5, 1, UPDATED),
        record("cancelled", LearnerState.CANCELLED, "", 5, 0.5, 0, UPDATED));
    logs = Files.createDirectories(dir.resolve("logs"));
    for (String name : new String[] {"done.j1-a", "failed.j2-a", "failed.j3-b", "running.j4-a",
        "running.j5-b", "pending.j6-a", "stranger.j7-a", "cancelled.j8-a"}) {
      Path log = Files.writeString(logs.resolve(name + ".log"), "0123456789");
      Files.setLastModifiedTime(log, FileTime.fromMillis(UPDATED)); // before status.tsv
    }
    Files.writeString(logs.resolve("notes.txt"), "kept");
    Files.writeString(dir.resolve("learners.keep"), "kept");
  }

  @Test
  void clean_dryRun_listsTheLogsOfFinishedJobsAndRemovesNothing() throws Exception {
    Cli.Result result = Cli.run("clean", "--dry-run", dir.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).containsExactly(
        "would remove " + logs.resolve("done.j1-a.log"),
        "would remove " + logs.resolve("failed.j2-a.log"),
        "would remove " + logs.resolve("failed.j3-b.log"),
        "would remove " + logs.resolve("running.j4-a.log"),
        "would remove " + logs.resolve("pending.j6-a.log"),
        "would remove " + logs.resolve("cancelled.j8-a.log"),
        "would remove 6 logs of finished jobs (60 B) from " + logs);
    try (var files = Files.list(logs)) {
      assertThat(files).hasSize(9);
    }
  }

  @Test
  void clean_removesThemAndKeepsCurrentJobsLogsAndEverythingElse() {
    Cli.Result result = Cli.run("clean", dir.toString());

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines())
        .containsExactly("removed 6 logs of finished jobs (60 B) from " + logs);
    assertThat(logs.resolve("running.j5-b.log")).exists();
    assertThat(logs.resolve("stranger.j7-a.log")).as("no learner of this run").exists();
    assertThat(logs.resolve("notes.txt")).exists();
    assertThat(logs.resolve("done.j1-a.log")).doesNotExist();
    assertThat(logs.resolve("pending.j6-a.log")).doesNotExist();
    assertThat(Cli.run("clean", dir.toString()).outLines())
        .containsExactly("removed 0 logs of finished jobs (0 B) from " + logs);
  }

  @Test
  void clean_logWrittenAfterTheStatus_mayBeOfANewJobAndIsKept() throws Exception {
    Path fresh = Files.writeString(logs.resolve("pending.j9-c.log"), "new job");
    Files.setLastModifiedTime(fresh, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

    Cli.run("clean", dir.toString());

    assertThat(fresh).exists();
  }
  @Test
  void clean_batchJobFiles_removesThoseOfFinishedJobsAndKeepsCurrentOnesAndTheRunTag()
      throws Exception {
    Path jobs = Files.createDirectories(dir.resolve("jobs"));
    Files.writeString(jobs.resolve("run-tag"), "ab12\n");
    for (String name : new String[] {
        "j1-a.sh", "j1-a.start", "j1-a.pid", "j1-a.exit", // done's last job
        "j6-a.sh", "j6-a.start", "j6-a.walltime", "j6-a.exit", // pending's earlier job
        "j5-b.sh", "j5-b.start", "j5-b.pid"}) { // running's current job
      Files.writeString(jobs.resolve(name), "x");
    }
    // An array with running's current job in it is kept whole; one of ended jobs goes.
    Files.writeString(jobs.resolve("j10-c-array.sh"), "case $i in\n  0) # job j10-c of learner"
        + " done\n  1) # job j5-b of learner running\nesac\n");
    Files.createSymbolicLink(jobs.resolve("j10-c-array.1.log"),
        Path.of("../logs/running.j5-b.log"));
    Files.createSymbolicLink(jobs.resolve("j10-c.sh"), Path.of("j10-c-array.sh"));
    Files.writeString(jobs.resolve("j11-d-array.sh"), "case $i in\n  0) # job j11-d of learner"
        + " failed\n  1) # job j12-d of learner cancelled\nesac\n");
    Files.createSymbolicLink(jobs.resolve("j11-d-array.0.log"),
        Path.of("../logs/stranger.j7-a.log"));
    Files.createSymbolicLink(jobs.resolve("j11-d.sh"), Path.of("j11-d-array.sh"));
    Files.createSymbolicLink(jobs.resolve("j12-d.sh"), Path.of("j11-d-array.sh"));
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(dir.resolve("status.tsv"), FileTime.fromMillis(now + 60_000));
    Path fresh = Files.writeString(jobs.resolve("j13-e.sh"), "a job submitted since");
    Files.setLastModifiedTime(fresh, FileTime.fromMillis(now + 120_000));

    Cli.Result dry = Cli.run("clean", "--dry-run", dir.toString());
    Cli.Result result = Cli.run("clean", dir.toString());

    assertThat(dry.outLines()).contains("would remove " + jobs.resolve("j1-a.exit"),
        "would remove 13 job files of finished jobs (164 B) from " + jobs);
    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).containsExactly(
        "removed 6 logs of finished jobs (60 B) from " + logs,
        "removed 13 job files of finished jobs (164 B) from " + jobs);
    try (var files = Files.list(jobs)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
          "run-tag", "j5-b.sh", "j5-b.start", "j5-b.pid", "j10-c-array.sh", "j10-c-array.1.log",
          "j13-e.sh");
    }
    assertThat(logs.resolve("stranger.j7-a.log")).as("a link's target is not removed").exists();
  }
}
