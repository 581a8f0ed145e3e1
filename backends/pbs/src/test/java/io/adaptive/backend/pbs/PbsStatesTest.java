/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.backend.batch.SchedulerJob;
import io.adaptive.backend.batch.SchedulerState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PbsStatesTest {

  private static final int NONE = SchedulerJob.NO_EXIT_STATUS;

  private static QstatJob job(String state, String... attributes) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("job_state", state);
    for (int i = 0; i < attributes.length; i += 2) {
      map.put(attributes[i], attributes[i + 1]);
    }
    return new QstatJob("7.fakepbs", map);
  }

  // ---- letters ----

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Q, PENDING, ''",
      "W, PENDING, waiting for its start time",
      "T, PENDING, in transit between servers",
      "R, RUNNING, ''",
      "B, RUNNING, ''",
      "S, SUSPENDED, suspended by the server",
      "U, SUSPENDED, 'suspended, workstation busy'",
      "E, COMPLETING, exiting",
      "Z, OTHER, unknown PBS state 'Z'"})
  void read_aliveLetters_neverTerminal(String letter, SchedulerState state, String reason) {
    PbsStates.Reading reading = PbsStates.read(job(letter));

    assertThat(reading).isEqualTo(new PbsStates.Reading(state, reason, NONE));
    assertThat(reading.state().terminal()).isFalse();
  }

  @Test
  void read_queuedWithComment_givesTheCommentAsReason() {
    assertThat(PbsStates.read(job("Q", "comment", "Not Running: Insufficient amount of resource"))
        .reason()).isEqualTo("Not Running: Insufficient amount of resource");
  }

  @Test
  void read_held_isPendingAndSaysHowToRelease() {
    assertThat(PbsStates.read(job("H", "comment", "job held by user"))).isEqualTo(
        new PbsStates.Reading(SchedulerState.PENDING, "held: it will not start by itself;"
            + " release it with qrls 7.fakepbs (job held by user)", NONE));
  }

  @Test
  void moved_onlyForM() {
    assertThat(PbsStates.moved(job("M"))).isTrue();
    assertThat(PbsStates.moved(job("R"))).isFalse();
  }

  // ---- exit status ----

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource({
      "F, Exit_status, 0, COMPLETED, ''",
      "C, exit_status, 0, COMPLETED, ''",
      "F, Exit_status, 7, FAILED, Exit_status 7",
      "C, exit_status, 3, FAILED, exit_status 3",
      "X, Exit_status, 1, FAILED, Exit_status 1",
      "F, Exit_status, 143, FAILED, 'Exit_status 143: its last command was killed by signal 15'",
      "F, Exit_status, 265, FAILED, 'Exit_status 265: killed by the server with signal 9'",
      "F, Exit_status, -1, BOOT_FAIL, 'Exit_status -1: the job could not start on its node (JOB_EXEC_FAIL1)'",
      "F, Exit_status, -3, BOOT_FAIL, 'Exit_status -3: the job could not start on its node (JOB_EXEC_RETRY)'",
      "C, exit_status, -10, OUT_OF_MEMORY, 'exit_status -10: over its memory limit'",
      "C, exit_status, -11, TIMEOUT, 'exit_status -11: over its walltime limit'",
      "C, exit_status, -12, FAILED, 'exit_status -12: over its CPU time limit'",
      "F, Exit_status, -20, FAILED, 'Exit_status -20: ended by the batch system'"})
  void read_terminal_readsTheExitStatus(String letter, String attribute, int value,
      SchedulerState state, String reason) {
    PbsStates.Reading reading = PbsStates.read(job(letter, attribute, String.valueOf(value)));

    assertThat(reading).isEqualTo(new PbsStates.Reading(state, reason, value));
    assertThat(reading.state().terminal()).isTrue();
  }

  @Test
  void read_271AfterUsingUpTheWalltime_isATimeout() {
    assertThat(PbsStates.read(job("F", "Exit_status", "271", "Resource_List.walltime", "00:00:20",
        "resources_used.walltime", "00:00:21"))).isEqualTo(new PbsStates.Reading(
            SchedulerState.TIMEOUT, "Exit_status 271: killed by the server at its walltime limit"
                + " (SIGTERM)", 271));
  }

  @Test
  void read_271Early_isACancel() {
    assertThat(PbsStates.read(job("F", "Exit_status", "271", "Resource_List.walltime", "01:00:00",
        "resources_used.walltime", "00:00:21"))).isEqualTo(new PbsStates.Reading(
            SchedulerState.CANCELLED, "Exit_status 271: killed by the server with SIGTERM (qdel)",
            271));
  }

  @Test
  void read_271WithoutUsage_isTakenAsACancel() {
    assertThat(PbsStates.read(job("F", "Exit_status", "271")).state())
        .isEqualTo(SchedulerState.CANCELLED);
  }

  @Test
  void read_terminalWithoutExitStatus_failedWithoutStatus() {
    // slurm-wlm-torque shows every ended job as C, with no exit status at all.
    assertThat(PbsStates.read(job("C"))).isEqualTo(new PbsStates.Reading(SchedulerState.FAILED,
        "ended; qstat shows no exit status", NONE));
  }

  // ---- at the walltime limit, before PBS says so ----

  private static final java.time.Clock NOW = java.time.Clock.fixed(
      java.time.Instant.parse("2026-11-27T16:00:00Z"), java.time.ZoneOffset.UTC);

  @Test
  void read_runningPastStimePlusWalltime_isATimeoutBeingEnded() {
    QstatJob job = job("R", "Resource_List.walltime", "00:10:00", "stime",
        "Fri Nov 27 15:50:00 2026", "resources_used.walltime", "00:08:00");

    assertThat(PbsStates.read(job, NOW)).isEqualTo(new PbsStates.Reading(SchedulerState.TIMEOUT,
        "at its walltime limit of 00:10:00 (started Fri Nov 27 15:50:00 2026): the server is"
            + " ending it", NONE));
    assertThat(PbsStates.read(job).state()).as("without a clock").isEqualTo(SchedulerState.RUNNING);
  }

  @Test
  void read_exitingWithItsWalltimeUsedUp_isATimeout() {
    QstatJob job = job("E", "Resource_List.walltime", "00:10:00", "stime",
        "Fri Nov 27 15:55:00 2026", "resources_used.walltime", "00:10:01");

    assertThat(PbsStates.read(job, NOW).state()).isEqualTo(SchedulerState.TIMEOUT);
  }

  @Test
  void read_runningWithinItsWalltime_isRunning() {
    QstatJob job = job("R", "Resource_List.walltime", "00:10:00", "stime",
        "Fri Nov 27 15:50:01 2026", "resources_used.walltime", "00:09:59");

    assertThat(PbsStates.read(job, NOW).state()).isEqualTo(SchedulerState.RUNNING);
    assertThat(PbsStates.read(job("R", "stime", "garbage", "Resource_List.walltime", "00:00:01"),
        NOW).state()).isEqualTo(SchedulerState.RUNNING);
  }

  @Test
  void seconds_readsHoursAbove99_andRejectsOtherForms() {
    assertThat(PbsStates.seconds("120:00:01")).isEqualTo(432_001);
    assertThat(PbsStates.seconds("00:01:40")).isEqualTo(100);
    assertThat(PbsStates.seconds("100")).isEqualTo(-1);
    assertThat(PbsStates.seconds("")).isEqualTo(-1);
  }
}
