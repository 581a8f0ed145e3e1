/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class OutcomesTest {

  private static final long GRACE = 60_000;

  @TempDir Path run;
  private final Outcomes outcomes = new Outcomes(Duration.ofMillis(GRACE));
  private TrackedJob job;

  @BeforeEach
  void job() throws IOException {
    JobFiles files = JobFiles.of(run, "j1-x", "job");
    Files.createDirectories(files.directory());
    job = new TrackedJob("29", "peak[a=1]", files, "as7k2q-", "7k2q");
  }

  private static SchedulerJob listed(SchedulerState state, String reason) {
    return new SchedulerJob("29", "as7k2q-1", state, state.name(), reason, "localhost",
        "adaptive:run=7k2q;job=j1-x", SchedulerJob.NO_EXIT_STATUS);
  }

  private void exitFile(String content) throws IOException {
    Files.writeString(job.files.exit(), content + "\n");
  }

  private void startFile() throws IOException {
    Files.writeString(job.files.start(), "localhost 1700000000 29\n");
  }

  // ----------------------------------------------------------------------- with an exit file

  @ParameterizedTest(name = "{0} + exit file ''{1}'' -> {2}")
  @CsvSource(delimiter = '|', value = {
      "COMPLETED|     0|            0| false| COMPLETED (NonZeroExitCode); exit file: 0",
      "FAILED|        3|            3| false| FAILED (NonZeroExitCode); exit file: 3",
      "FAILED|        7 walltime|   7| false| FAILED (NonZeroExitCode); exit file: 7 walltime",
      "FAILED|        143 walltime| 7| false| FAILED (NonZeroExitCode); exit file: 143 walltime",
      "TIMEOUT|       143|          7| false| TIMEOUT (NonZeroExitCode); exit file: 143",
      "TIMEOUT|       6|            7| false| TIMEOUT (NonZeroExitCode); exit file: 6",
      "DEADLINE|      137|          7| false| DEADLINE (NonZeroExitCode); exit file: 137",
      "TIMEOUT|       3|            3| false| TIMEOUT (NonZeroExitCode); exit file: 3",
      "TIMEOUT|       0 walltime|   0| false| TIMEOUT (NonZeroExitCode); exit file: 0 walltime",
      "NODE_FAIL|     143|        143| true|  NODE_FAIL (NonZeroExitCode); exit file: 143",
      "PREEMPTED|     6|            6| true|  PREEMPTED (NonZeroExitCode); exit file: 6",
      "NODE_FAIL|     0|            0| false| NODE_FAIL (NonZeroExitCode); exit file: 0",
      "OUT_OF_MEMORY| 137|        137| false| OUT_OF_MEMORY (NonZeroExitCode); exit file: 137",
      "RUNNING|       0|            0| false| RUNNING (NonZeroExitCode) on localhost; exit file: 0",
      "COMPLETING|    5|            5| false| COMPLETING (NonZeroExitCode) on localhost; exit file: 5"})
  void decide_exitFile_givesTheWorkersStatus(SchedulerState state, String exit, int status,
      boolean infrastructure, String detail) throws IOException {
    exitFile(exit);

    JobStatus decided = outcomes.decide(job, listed(state, "NonZeroExitCode"), 0);

    assertThat(decided).isEqualTo(new JobStatus("29", JobState.EXITED, status, detail,
        infrastructure));
  }

  @Test
  void decide_workerStoppedWhileTheJobWindsDown_waitsForTheFinalState() throws IOException {
    startFile();
    exitFile("143");

    JobStatus ending = outcomes.decide(job, listed(SchedulerState.COMPLETING, "None"), 0);
    JobStatus preempted = outcomes.decide(job, listed(SchedulerState.PREEMPTED, "None"), 1_000);

    assertThat(ending.state()).as(ending.detail()).isEqualTo(JobState.RUNNING);
    assertThat(ending.detail()).contains("its worker was stopped (exit file: 143)");
    assertThat(preempted).isEqualTo(new JobStatus("29", JobState.EXITED, 143,
        "PREEMPTED; exit file: 143", true));
  }

  @Test
  void decide_workerStoppedAndTheJobStillListedAlive_isDecidedAfterTheGrace() throws IOException {
    exitFile("6");

    outcomes.decide(job, listed(SchedulerState.COMPLETING, "None"), 0);
    JobStatus late = outcomes.decide(job, listed(SchedulerState.COMPLETING, "None"), GRACE);

    assertThat(late.state()).isEqualTo(JobState.EXITED);
    assertThat(late.exitStatus()).isEqualTo(6);
    assertThat(late.infrastructure()).isFalse();
  }

  @Test
  void decide_exitFileOfAVanishedJob_isEnough() throws IOException {
    exitFile("3");

    assertThat(outcomes.decide(job, null, 0))
        .isEqualTo(new JobStatus("29", JobState.EXITED, 3, "exit file: 3", false));
  }

  @Test
  void decide_walltimeMarkerWithoutFlag_stillMeansWalltime() throws IOException {
    Files.writeString(job.files.walltime(), "1700000000\n");
    exitFile("143");

    assertThat(outcomes.decide(job, listed(SchedulerState.FAILED, "NonZeroExitCode"), 0)
        .exitStatus()).isEqualTo(7);
  }

  @Test
  void decide_unreadableExitFile_isWaitedFor() throws IOException {
    exitFile("garbage here");

    assertThat(outcomes.decide(job, listed(SchedulerState.RUNNING, "None"), 0).state())
        .isEqualTo(JobState.RUNNING);
  }

  // ----------------------------------------------------------------------- alive, by state

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "PENDING|     Resources|   QUEUED|  PENDING (Resources)",
      "PENDING|     JobHeldUser| QUEUED|  PENDING (JobHeldUser)",
      "CONFIGURING| None|        QUEUED|  CONFIGURING on localhost",
      "REQUEUED|    None|        QUEUED|  REQUEUED on localhost",
      "RUNNING|     None|        RUNNING| RUNNING on localhost",
      "COMPLETING|  TimeLimit|   RUNNING| COMPLETING (TimeLimit) on localhost",
      "SUSPENDED|   None|        RUNNING| SUSPENDED on localhost",
      "OTHER|       None|        QUEUED|  OTHER on localhost, a state this version does not know: taken as alive"})
  void decide_aliveStates_areQueuedOrRunning(SchedulerState state, String reason, JobState expected,
      String detail) {
    assertThat(outcomes.decide(job, listed(state, reason), 0))
        .isEqualTo(new JobStatus("29", expected, -1, detail, false));
  }

  @Test
  void decide_unknownStateOfAStartedJob_isRunning() throws IOException {
    startFile();

    assertThat(outcomes.decide(job, listed(SchedulerState.OTHER, "None"), 0).state())
        .isEqualTo(JobState.RUNNING);
  }

  // ------------------------------------------------------------- ended without an exit file

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "COMPLETED|       0| false",
      "FAILED|          1| false",
      "CANCELLED|     143| false",
      "TIMEOUT|         7| false",
      "DEADLINE|        7| false",
      "OUT_OF_MEMORY| 137| false",
      "NODE_FAIL|     137| true",
      "BOOT_FAIL|     137| true",
      "PREEMPTED|     137| true"})
  void decide_endedWithoutExitFile_isJudgedByStateAfterTheGrace(SchedulerState state, int status,
      boolean infrastructure) throws IOException {
    startFile();
    outcomes.decide(job, listed(SchedulerState.RUNNING, "None"), 0);

    JobStatus waiting = outcomes.decide(job, listed(state, "None"), 1_000);
    JobStatus judged = outcomes.decide(job, null, 1_000 + GRACE);

    assertThat(waiting.state()).isEqualTo(JobState.RUNNING);
    assertThat(waiting.detail()).endsWith("; waiting up to 60 s for its exit file");
    assertThat(judged.state()).isEqualTo(JobState.EXITED);
    assertThat(judged.exitStatus()).isEqualTo(status);
    assertThat(judged.infrastructure()).isEqualTo(infrastructure);
    assertThat(judged.detail()).startsWith(state.name()).endsWith("; no exit file");
  }

  @Test
  void decide_endedBeforeItsScriptRan_needsNoGrace() {
    outcomes.decide(job, listed(SchedulerState.PENDING, "Resources"), 0);

    JobStatus judged = outcomes.decide(job, listed(SchedulerState.FAILED, "JobLaunchFailure"), 1);

    assertThat(judged).isEqualTo(new JobStatus("29", JobState.EXITED, 1,
        "FAILED (JobLaunchFailure); no exit file, its script never started", false));
  }

  @Test
  void decide_cancelledByThisRun_saysSo() {
    job.cancelRequested = true;

    assertThat(outcomes.decide(job, listed(SchedulerState.CANCELLED, "None"), 0).detail())
        .isEqualTo("CANCELLED, as this run asked; no exit file, its script never started");
  }

  @Test
  void decide_cancelledBySomeoneElse_saysSo() {
    assertThat(outcomes.decide(job, listed(SchedulerState.CANCELLED, "None"), 0).detail())
        .isEqualTo("CANCELLED, not by this run (an administrator, a preemption or someone's own"
            + " cancel); no exit file, its script never started");
  }

  // ------------------------------------------------------------------------------ vanished

  @Test
  void decide_vanishedWhileRunning_waitsForTheExitFile() throws IOException {
    outcomes.decide(job, listed(SchedulerState.RUNNING, "None"), 0);

    JobStatus missing = outcomes.decide(job, null, 1_000);
    exitFile("0");
    JobStatus exited = outcomes.decide(job, null, 2_000);

    assertThat(missing).isEqualTo(new JobStatus("29", JobState.RUNNING, -1,
        "no longer listed by the scheduler; waiting up to 60 s for its exit file", false));
    assertThat(exited).isEqualTo(new JobStatus("29", JobState.EXITED, 0,
        "RUNNING on localhost; exit file: 0", false));
  }

  @Test
  void decide_vanishedWithoutExitFile_isUnknownAfterTheGrace() {
    outcomes.decide(job, listed(SchedulerState.RUNNING, "None"), 0);
    outcomes.decide(job, null, 1_000);

    JobStatus before = outcomes.decide(job, null, GRACE);
    JobStatus after = outcomes.decide(job, null, 1_000 + GRACE);

    assertThat(before.state()).isEqualTo(JobState.RUNNING);
    assertThat(after).isEqualTo(new JobStatus("29", JobState.UNKNOWN, -1,
        "no longer listed by the scheduler and no exit file after 60 s: ended unwatched", false));
  }

  @Test
  void decide_listedAgain_restartsTheGrace() {
    outcomes.decide(job, listed(SchedulerState.RUNNING, "None"), 0);
    outcomes.decide(job, null, 1_000);
    outcomes.decide(job, listed(SchedulerState.RUNNING, "None"), 2_000);
    outcomes.decide(job, null, 50_000);

    assertThat(outcomes.decide(job, null, 1_000 + GRACE).state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void decide_cancelledNeverStartedAndGone_endsAtOnce() {
    job.cancelRequested = true;

    assertThat(outcomes.decide(job, null, 0)).isEqualTo(new JobStatus("29", JobState.EXITED, 143,
        "cancelled before it started", false));
  }
}
