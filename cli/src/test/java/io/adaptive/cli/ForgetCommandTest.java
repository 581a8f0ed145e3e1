/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.JournalFile;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ForgetCommandTest {

  /** {@link Cli#CLOCK} in UTC, as the moved directory's name says it. */
  private static final String STAMP = "20231114T221330Z";

  @TempDir Path dir;
  Path run;
  Path learners;

  @BeforeEach
  void finishedRun() {
    run = dir.resolve("t");
    Runs.finished(run);
    learners = run.resolve("learners");
  }

  @Test
  void forget_movesTheDataAside_removesRecordAndHistory_andTheNextRunStartsItAfresh()
      throws Exception {
    Path aside = learners.resolve(Runs.SQUARE + ".forgotten-" + STAMP);

    Cli.Result result = Cli.run("forget", run.toString(), Runs.SQUARE);

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).hasSize(2);
    assertThat(result.outLines().get(0)).startsWith("forgot learner '" + Runs.SQUARE
        + "': removed its record and ").endsWith(" from run.db; its data is now in " + aside);
    assertThat(learners.resolve(Runs.SQUARE)).doesNotExist();
    assertThat(aside.resolve("data.csv")).as("nothing is lost").isRegularFile();
    assertThat(learners.resolve(Runs.SINE).resolve("data.csv")).isRegularFile();
    try (RunDatabase reopened = RunDatabase.open(run.resolve("run.db"))) {
      assertThat(reopened.learner(Runs.SQUARE)).isEmpty();
      assertThat(reopened.history(Runs.SQUARE)).isEmpty();
      assertThat(reopened.learner(Runs.SINE)).isPresent();
      assertThat(reopened.journal(Runs.SQUARE)).last().satisfies(event -> assertThat(
          event.reason()).isEqualTo("forgotten: adaptive forget; its data was moved to learners/"
              + aside.getFileName()));
    }
    RunState state = RunState.read(run);
    assertThat(state.learners()).extracting(LearnerRecord::name).containsExactly(Runs.SINE);
    assertThat(Files.readString(run.resolve("history.tsv"))).doesNotContain(Runs.SQUARE)
        .contains(Runs.SINE);
    assertThat(JournalFile.read(run.resolve("journal.tsv"))).last()
        .satisfies(event -> assertThat(event.learner()).isEqualTo(Runs.SQUARE));

    Runs.finished(run); // the manager accepts it as a learner it never saw

    assertThat(RunState.read(run).learner(Runs.SQUARE).state()).isEqualTo(LearnerState.DONE);
    assertThat(learners.resolve(Runs.SQUARE).resolve("data.csv")).isRegularFile();
  }

  @Test
  void forget_whileARunManagerHoldsTheStore_isRefusedSayingToStopTheRun() {
    Cli.Result result;
    try (RunDatabase live = RunDatabase.open(run.resolve("run.db"))) {
      result = Cli.run("forget", run.toString(), Runs.SQUARE);
    }

    assertThat(result.exit()).as(result.toString()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.err()).startsWith("adaptive forget: a run manager is running on '" + run
            + "' (pid " + ProcessHandle.current().pid() + " on host ")
        .endsWith(" and holds its run.db.lock, so nothing was forgotten; stop the run first (end"
            + " its program, or wait for it to end), then forget again\n");
    assertThat(learners.resolve(Runs.SQUARE)).isDirectory();
    try (RunDatabase reopened = RunDatabase.open(run.resolve("run.db"))) {
      assertThat(reopened.learner(Runs.SQUARE)).isPresent();
    }
  }

  @Test
  void forget_whileAWorkerOfTheLearnerStillRuns_isRefused() throws Exception {
    Path lock = learners.resolve(Runs.SQUARE).resolve("data.db.lock");
    Cli.Result result;
    try (FileChannel worker = FileChannel.open(lock, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock held = worker.lock()) {
      result = Cli.run("forget", run.toString(), Runs.SINE, Runs.SQUARE);
    }

    assertThat(result.exit()).as(result.toString()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive forget: a worker of learner '"
        + Runs.SQUARE + "' is still running (it holds " + lock + "), though no run manager is;"
        + " so nothing was forgotten; wait for its job to end, or cancel the job with the"
        + " scheduler, then forget again");
    assertThat(learners.resolve(Runs.SINE)).as("not even the other one").isDirectory();
  }

  @Test
  void forget_unknownLearner_isRefusedNamingTheKnownOnesAndForgetsNoneOfTheOthers() {
    Cli.Result result = Cli.run("forget", run.toString(), Runs.SQUARE, "t[f=cube");

    assertThat(result.exit()).as(result.toString()).isEqualTo(AdaptiveCli.PROBLEM);
    assertThat(result.errLines()).containsExactly("adaptive forget: the run store of '" + run
        + "' has no learner 't[f=cube', so nothing was forgotten; it has 2 learners: "
        + Runs.SINE + ", " + Runs.SQUARE + "; list them all with: adaptive status " + run);
    assertThat(learners.resolve(Runs.SQUARE)).isDirectory();
    assertThat(RunState.read(run).learners()).hasSize(2);
  }

  @Test
  void forget_noLearnerNamed_isAUsageError() {
    Cli.Result result = Cli.run("forget", run.toString());

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines().get(0)).isEqualTo("adaptive forget: which learners? give their"
        + " names after the run directory, e.g. adaptive forget runs/peaks 'peaks[a=1]'");
  }
}
