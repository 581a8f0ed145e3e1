/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static io.adaptive.cli.Runs.UPDATED;
import static io.adaptive.cli.Runs.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.store.RunDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CancelCommandTest {

  @TempDir Path dir;
  Path requests;

  @BeforeEach
  void run() {
    Runs.publish(dir, record("a", LearnerState.RUNNING, "j1-a", 5, 0.5, 0, UPDATED),
        record("b", LearnerState.PENDING, "", 0, Double.POSITIVE_INFINITY, 0, 0),
        record("c", LearnerState.DONE, "", 5, 0.5, 0, UPDATED),
        record("d", LearnerState.CANCELLED, "", 5, 0.5, 0, UPDATED));
    requests = dir.resolve("requests");
  }

  @Test
  void cancel_learnersOfALiveRun_writesOneRequestWithTheirNames() throws Exception {
    Cli.Result result;
    try (RunDatabase live = RunDatabase.open(dir.resolve("run.db"))) {
      result = Cli.run("cancel", dir.toString(), "a", "b", "c", "a", "d");
    }

    assertThat(result.exit()).as(result.toString()).isZero();
    List<Path> files = requestFiles();
    assertThat(files).hasSize(1);
    Path request = files.get(0);
    assertThat(request.getFileName().toString())
        .matches("cancel-" + Cli.CLOCK.millis() + "-[0-9a-f]{8}\\.txt");
    assertThat(Files.readString(request)).isEqualTo("a\nb\n");
    assertThat(result.outLines())
        .containsExactly("asked the run manager to cancel 2 learners: " + request);
    assertThat(result.errLines()).containsExactly("cancel: learner 'c' is done already; left out",
        "cancel: learner 'd' is cancelled already; left out");
  }

  @Test
  void cancel_all_writesAStar() throws Exception {
    Cli.Result result;
    try (RunDatabase live = RunDatabase.open(dir.resolve("run.db"))) {
      result = Cli.run("cancel", "--all", "--store", dir.toString());
    }

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(requestFiles()).singleElement()
        .satisfies(file -> assertThat(Files.readString(file)).isEqualTo("*\n"));
    assertThat(result.out()).startsWith("asked the run manager to cancel every learner: ");
  }

  @Test
  void cancel_runThatIsNotLive_isRefusedAndWritesNothing() {
    Cli.Result result = Cli.run("cancel", dir.toString(), "a");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive cancel: no run manager is running on '"
        + dir + "', so nobody would read a cancel request; its learners run only while its"
        + " program runs, so a stopped run has nothing to cancel");
    assertThat(requests).doesNotExist();
  }

  @Test
  void cancel_unknownLearner_exitsOneListingTheRunsLearners() throws Exception {
    Cli.Result result;
    try (RunDatabase live = RunDatabase.open(dir.resolve("run.db"))) {
      result = Cli.run("cancel", dir.toString(), "a", "x");
    }

    assertThat(result.exit()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive cancel: the run in '" + dir
        + "' has no learner 'x'; it has 4 learners, a, b, c, d");
    assertThat(requests).doesNotExist();
  }

  @Test
  void cancel_neitherNamesNorAll_andBoth_areUsageErrors() {
    Cli.Result neither = Cli.run("cancel", dir.toString());
    Cli.Result both = Cli.run("cancel", "--all", dir.toString(), "a");

    assertThat(neither.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(neither.errLines().get(0)).isEqualTo("adaptive cancel: which learners? give their"
        + " names after the run directory, or --all");
    assertThat(both.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(both.errLines().get(0))
        .isEqualTo("adaptive cancel: give learner names or --all, not both");
  }

  private List<Path> requestFiles() throws Exception {
    try (var files = Files.list(requests)) {
      return files.sorted().toList();
    }
  }
}
