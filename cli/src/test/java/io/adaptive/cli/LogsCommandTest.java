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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogsCommandTest {

  @TempDir Path dir;
  Path logs;

  @BeforeEach
  void run() throws Exception {
    Runs.publish(dir, record("a[x=1]", LearnerState.RUNNING, "j3-lq3k9x3", 5, 0.5, 1, UPDATED),
        record("b", LearnerState.PENDING, "", 0, Double.POSITIVE_INFINITY, 0, 0));
    logs = Files.createDirectories(dir.resolve("logs"));
    Files.writeString(logs.resolve("a[x=1].j1-lq3k9x1.log"), "first 1\nfirst 2\nfirst 3\n");
    Files.writeString(logs.resolve("a[x=1].j3-lq3k9x3.log"), "third 1\nthird 2\n");
  }

  @Test
  void logs_learner_printsItsLatestJobsLog() {
    Cli.Result result = Cli.run("logs", dir.toString(), "a[x=1]");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("third 1\nthird 2\n");
  }

  @Test
  void logs_all_printsEveryJobsLogOldestFirstUnderItsName() {
    Cli.Result result = Cli.run("logs", "--all", "--store", dir.toString(), "a[x=1]");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).containsExactly(
        "==> " + logs.resolve("a[x=1].j1-lq3k9x1.log") + " <==", "first 1", "first 2", "first 3",
        "", "==> " + logs.resolve("a[x=1].j3-lq3k9x3.log") + " <==", "third 1", "third 2");
  }

  @Test
  void logs_tail_printsTheLastLinesOfEachLog() {
    Cli.Result result = Cli.run("logs", "--all", "--tail", "1", dir.toString(), "a[x=1]");

    assertThat(result.outLines()).containsExactly(
        "==> " + logs.resolve("a[x=1].j1-lq3k9x1.log") + " <==", "first 3",
        "", "==> " + logs.resolve("a[x=1].j3-lq3k9x3.log") + " <==", "third 2");
  }

  @Test
  void logs_learnerWithoutLogs_exitsOneSayingWhy() {
    Cli.Result result = Cli.run("logs", dir.toString(), "b");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive logs: learner 'b' has no job logs in '"
        + logs + "'; it has no job now");
  }

  @Test
  void logs_unknownLearner_exitsOneListingTheRunsLearners() {
    Cli.Result result = Cli.run("logs", dir.toString(), "a");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive logs: the run in '" + dir
        + "' has no learner 'a'; it has 2 learners, a[x=1], b");
  }

  @Test
  void logs_doneLearnerWithoutLogs_mentionsClean() {
    Runs.publish(dir, record("c", LearnerState.DONE, "", 5, 0.5, 0, UPDATED));

    assertThat(Cli.run("logs", dir.toString(), "c").errLines()).containsExactly("adaptive logs:"
        + " learner 'c' has no job logs in '" + logs + "'; it is done, and 'adaptive clean'"
        + " removes the logs of finished jobs");
  }

  @Test
  void logs_onlyALearnerOutsideARunDirectory_asksForTheRun() {
    Cli.Result result = Cli.run("logs", "a[x=1]");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines().get(0)).isEqualTo("adaptive logs: which run? give its directory"
        + " before the learner, e.g. adaptive logs runs/peaks 'a[x=1]' (or --store runs/peaks);"
        + " the current directory is not a run directory");
  }

  @Test
  void logs_noLearner_isAUsageError() {
    Cli.Result result = Cli.run("logs", dir.toString());

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines().get(0)).isEqualTo("adaptive logs: which learner? give its name"
        + " after the run directory, e.g. logs runs/peaks 'peaks[a=0.01,x0=0]'");
  }
}
