/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static io.adaptive.dsl.Adaptive.axis;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.store.HistoryFile;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import io.adaptive.runtime.store.RunStoreException;
import io.adaptive.runtime.store.StatusFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

final class RunStateTest {

  @TempDir Path dir;

  // ---- read ----------------------------------------------------------------------------------

  @Test
  void read_missingDirectory_saysItDoesNotExistAndWhatToGive() {
    Path missing = dir.resolve("runs/nothing");

    assertThatThrownBy(() -> RunState.read(missing))
        .isInstanceOf(RunStoreException.class)
        .hasMessage("'" + missing + "' is not a run directory: it does not exist; give the"
            + " directory a run was stored in (Runner.store(..), default runs/<experiment>)");
  }

  @Test
  void read_directoryWithoutStatusOrDatabase_saysWhatWasExpectedAndHowRunsAreCreated() {
    assertThatThrownBy(() -> RunState.read(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessage("'" + dir + "' is not a run directory: it has neither status.tsv nor run.db;"
            + " a run directory is created by Runner.run(plan) in the directory given to"
            + " Runner.store(..), default runs/<experiment>")
        .satisfies(e -> assertThat(((RunStoreException) e).file()).isEqualTo(
            dir.resolve("status.tsv")));
  }

  @Test
  void read_statusOfAnotherVersion_isRefusedNamingTheFile() throws IOException {
    Files.writeString(dir.resolve("status.tsv"), "name\tstate\na\tDONE\n");

    assertThatThrownBy(() -> RunState.read(dir))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith("cannot read the status of the run in '" + dir + "': "
            + dir.resolve("status.tsv") + " is not a status file of this version");
  }

  @Test
  void read_publishedRun_hasItsLearnersInPlanOrderAndTheExperimentOfThePlan() throws Exception {
    publish(record("peaks[a=2]", LearnerState.DONE, ""), record("peaks[a=1]",
        LearnerState.RUNNING, "j2-abc"));
    Files.writeString(dir.resolve("plan.txt"), "experiment peaks: 2 learners\nlearner x\n");

    RunState run = RunState.read(dir);

    assertThat(run.experiment()).isEqualTo("peaks");
    assertThat(run.directory()).isEqualTo(dir);
    assertThat(run.learners()).extracting(LearnerRecord::name)
        .containsExactly("peaks[a=2]", "peaks[a=1]");
    assertThat(run.learner("peaks[a=1]").job()).isEqualTo("j2-abc");
    assertThat(run.publishedAt())
        .isEqualTo(Files.getLastModifiedTime(dir.resolve("status.tsv")).toInstant());
  }

  @Test
  void read_startedRunWithoutStatus_hasNoLearnersAndTheDirectoryNameAsExperiment()
      throws IOException {
    Path run = Files.createDirectories(dir.resolve("resonance"));
    Files.writeString(run.resolve("run.db"), "");

    RunState state = RunState.read(run);

    assertThat(state.learners()).isEmpty();
    assertThat(state.experiment()).isEqualTo("resonance");
    assertThat(state.publishedAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void read_experimentNameWithColon_isTakenUpToTheLastColon() throws IOException {
    publish(record("a", LearnerState.DONE, ""));
    Files.writeString(dir.resolve("plan.txt"), "experiment scan: 2: 1 learner\n");

    assertThat(RunState.read(dir).experiment()).isEqualTo("scan: 2");
  }

  @Test
  void read_planAsExplainWritesIt_withItsFingerprint_hasTheExperimentOfThePlan()
      throws IOException {
    publish(record("peaks[a=1]", LearnerState.DONE, ""));
    String explained = experiment("peaks").sweep(axis("a", 1))
        .learn(p -> learner1D(interval(0, 1), x -> x)).until(points(10)).compile().explain();
    assertThat(explained).as("the first line shows the fingerprint").contains(", fingerprint ");
    Files.writeString(dir.resolve("plan.txt"), explained);

    assertThat(RunState.read(dir).experiment()).isEqualTo("peaks");
  }

  // ---- learner -------------------------------------------------------------------------------

  @Test
  void learner_unknownName_listsAFewLearnersThoseContainingItFirst() throws IOException {
    List<LearnerRecord> records = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      records.add(record("scan[i=" + i + "]", LearnerState.DONE, ""));
    }
    records.add(record("peak[a=1]", LearnerState.DONE, ""));
    StatusFile.write(dir.resolve("status.tsv"), records);
    RunState run = RunState.read(dir);

    assertThatThrownBy(() -> run.learner("peak"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the run in '" + dir + "' has no learner 'peak'; it has 9 learners, for"
            + " example peak[a=1], scan[i=0], scan[i=1], scan[i=2], scan[i=3]");
  }

  @Test
  void learner_unknownNameInASmallRun_listsAll() throws IOException {
    publish(record("a", LearnerState.DONE, ""), record("b", LearnerState.DONE, ""));
    RunState run = RunState.read(dir);

    assertThatThrownBy(() -> run.data("c"))
        .hasMessage("the run in '" + dir + "' has no learner 'c'; it has 2 learners, a, b");
  }

  // ---- data ----------------------------------------------------------------------------------

  @Test
  void data_publishedSnapshot_isRead_andMissingOneIsEmpty() throws IOException {
    publish(record("a", LearnerState.DONE, ""), record("b", LearnerState.PENDING, ""));
    RunDirectory layout = new RunDirectory(dir);
    Files.createDirectories(layout.learnerDirectory("a"));
    Files.writeString(layout.snapshot("a"), "x,y\n0.5,0.25\n-1.0,1.0\n");
    RunState run = RunState.read(dir);

    assertThat(run.data("a").columns()).containsExactly("x", "y");
    assertThat(run.data("a").column("x")).containsExactly(0.5, -1.0);
    assertThat(run.data("b").isEmpty()).isTrue();
  }

  // ---- history -------------------------------------------------------------------------------

  @Test
  void history_reportsOfTheLearner_oldestFirst() throws IOException {
    publish(record("a", LearnerState.DONE, ""), record("b", LearnerState.DONE, ""));
    try (HistoryFile history = new HistoryFile(dir.resolve("history.tsv"))) {
      history.append("a", new Progress(1000, 2, Double.POSITIVE_INFINITY));
      history.append("b", new Progress(1001, 2, 0.5));
      history.append("a", new Progress(1002, 10, 0.125));
    }
    RunState run = RunState.read(dir);

    assertThat(run.history("a")).containsExactly(new Progress(1000, 2, Double.POSITIVE_INFINITY),
        new Progress(1002, 10, 0.125));
    assertThat(run.history("b")).containsExactly(new Progress(1001, 2, 0.5));
  }

  @Test
  void history_noHistoryFile_isEmpty() throws IOException {
    publish(record("a", LearnerState.PENDING, ""));

    assertThat(RunState.read(dir).history("a")).isEmpty();
  }

  // ---- logs ----------------------------------------------------------------------------------

  @Test
  void logs_ofOneLearner_sortedByJobStart_notThoseOfLearnersWithLongerNames() throws IOException {
    publish(record("a", LearnerState.RUNNING, "j1-lq3k9x2"), record("a.b", LearnerState.DONE, ""));
    Path logs = Files.createDirectories(dir.resolve("logs"));
    // j3 of a later manager run started before j1 of this one: the time in the id decides
    Path late = Files.writeString(logs.resolve("a.j1-lq3k9x2.log"), "late\n");
    Path early = Files.writeString(logs.resolve("a.j3-lq3k9x1.log"), "early\n");
    Files.writeString(logs.resolve("a.b.j2-lq3k9x1.log"), "other learner\n");
    Files.writeString(logs.resolve("a.notes"), "not a log\n");
    Path byTime = Files.writeString(logs.resolve("a.manual.log"), "no manager id\n");
    Files.setLastModifiedTime(byTime, FileTime.fromMillis(1));

    RunState run = RunState.read(dir);

    assertThat(run.logs("a")).containsExactly(byTime, early, late);
    assertThat(run.logs("a.b")).containsExactly(logs.resolve("a.b.j2-lq3k9x1.log"));
  }

  @Test
  void logs_noLogDirectory_isEmpty() throws IOException {
    publish(record("a", LearnerState.DONE, ""));

    assertThat(RunState.read(dir).logs("a")).isEmpty();
  }

  @Test
  void jobOf_fileNames_givesTheJobOnlyForLogsOfThatLearner() {
    assertThat(RunState.jobOf("a[x=0.5].j1-abc.log", "a[x=0.5]")).isEqualTo("j1-abc");
    assertThat(RunState.jobOf("a[x=0.5].j1-abc.log", "a[x=0")).isNull();
    assertThat(RunState.jobOf("a.log", "a")).isNull();
    assertThat(RunState.jobOf("a.j1.txt", "a")).isNull();
  }

  // ---- snapshot ------------------------------------------------------------------------------

  @Test
  void snapshot_everyLearnerWithRecordDataPathAndHistory() throws IOException {
    publish(record("a", LearnerState.DONE, ""), record("b", LearnerState.FAILED, ""));
    Files.writeString(dir.resolve("plan.txt"), "experiment t: 2 learners\n");
    try (HistoryFile history = new HistoryFile(dir.resolve("history.tsv"))) {
      history.append("a", new Progress(1000, 2, 0.5));
    }
    RunState run = RunState.read(dir);

    RunSnapshot snapshot = run.snapshot();

    assertThat(snapshot.experiment()).isEqualTo("t");
    assertThat(snapshot.store()).isEqualTo(dir);
    assertThat(snapshot.time()).isEqualTo(run.publishedAt());
    assertThat(snapshot.learners()).containsExactly(
        new LearnerStatus("a", "learner1D", LearnerState.DONE, 50, 0.25, 0, "",
            dir.resolve("learners/a/data.csv"), List.of(new Progress(1000, 2, 0.5))),
        new LearnerStatus("b", "learner1D", LearnerState.FAILED, 50, 0.25, 0, "",
            dir.resolve("learners/b/data.csv"), List.of()));
  }

  // ---- isLive --------------------------------------------------------------------------------

  @Test
  void isLive_noRunDatabase_isFalse() throws IOException {
    publish(record("a", LearnerState.DONE, ""));

    assertThat(RunState.read(dir).isLive()).isFalse();
  }

  @Test
  void isLive_runDatabaseOpenInThisJvm_isTrue_andFalseOnceClosed() {
    RunState run;
    try (RunDatabase database = RunDatabase.open(dir.resolve("run.db"))) {
      run = RunState.read(dir);
      assertThat(run.isLive()).isTrue();
      assertThat(run.isLive()).as("asked again").isTrue();
    }

    assertThat(run.isLive()).isFalse();
    try (RunDatabase again = RunDatabase.open(dir.resolve("run.db"))) {
      assertThat(run.isLive()).as("the probe left the lock to the next manager").isTrue();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void isLive_runDatabaseHeldByAnotherProcess_isTrue_andFalseOnceItEnds() throws Exception {
    Process holder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldRunDatabase.class.getName(),
        dir.resolve("run.db").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("holding");
      RunState run = RunState.read(dir);

      assertThat(run.isLive()).isTrue();

      holder.getOutputStream().close(); // the holder exits at the end of its input
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(run.isLive()).isFalse();
    } finally {
      holder.destroyForcibly();
    }
  }

  /** Holds a run database open, as a run manager does, until its standard input ends. */
  public static final class HoldRunDatabase {
    public static void main(String[] args) throws IOException {
      try (RunDatabase database = RunDatabase.open(Path.of(args[0]))) {
        System.out.println("holding");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait for the end of the input
        }
      }
    }
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private void publish(LearnerRecord... records) throws IOException {
    StatusFile.write(dir.resolve("status.tsv"), List.of(records));
  }

  private static LearnerRecord record(String name, LearnerState state, String job) {
    return new LearnerRecord(name, "f00d", "learner1D", "points(50)", state, job,
        job.isEmpty() ? "" : "thread-" + job, 0, 50, 0.25, 1_000_000, "", 1_700_000_000_000L);
  }
}
