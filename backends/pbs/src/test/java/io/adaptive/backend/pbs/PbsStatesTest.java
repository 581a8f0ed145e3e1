/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PbsStatesTest {

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
      "Q, QUEUED, Q (queued)",
      "W, QUEUED, W (waiting for its start time)",
      "T, QUEUED, T (in transit between servers)",
      "R, RUNNING, R (running)",
      "B, RUNNING, 'B (array job, subjobs begun)'",
      "S, QUEUED, 'S (suspended by the server; paused, alive)'",
      "U, QUEUED, 'U (suspended, workstation busy; paused, alive)'",
      "E, RUNNING, 'E (exiting; not resubmitted until it has ended)'",
      "M, UNKNOWN, 'M (moved to another server; this server no longer tracks it)'",
      "Z, QUEUED, unknown PBS state 'Z' (treated as alive)"})
  void status_aliveOrUnknownLetters_neverExited(String letter, JobState state, String detail) {
    JobStatus status = PbsStates.status(job(letter));

    assertThat(status).isEqualTo(new JobStatus("7.fakepbs", state, -1, detail, false));
  }

  @Test
  void status_held_isQueuedAndSaysHowToRelease() {
    QstatJob held = job("H", "comment", "job held by user");

    assertThat(PbsStates.status(held).state()).isEqualTo(JobState.QUEUED);
    assertThat(PbsStates.status(held).detail()).isEqualTo("H (held: it will not start by itself;"
        + " release it with qrls 7.fakepbs, or cancel the learner): job held by user");
    assertThat(PbsStates.held(held)).isTrue();
    assertThat(PbsStates.held(job("Q"))).isFalse();
  }

  // ---- exit status ----

  @ParameterizedTest(name = "{0} {1}={2}")
  @CsvSource({
      "F, Exit_status, 0, 0, 'F, Exit_status 0'",
      "F, Exit_status, 7, 7, 'F, Exit_status 7'",
      "C, exit_status, 3, 3, 'C, exit_status 3'",
      "X, Exit_status, 1, 1, 'X, Exit_status 1'",
      "F, Exit_status, 143, 143, 'F, Exit_status 143: its last command was killed by signal 15'",
      "F, Exit_status, 265, 265, 'F, Exit_status 265: killed by the server with signal 9'",
      "F, Exit_status, -10, 137, 'F, Exit_status -10: killed for exceeding its memory limit'",
      "C, exit_status, -12, 137, 'C, exit_status -12: killed for exceeding its CPU time limit'",
      "F, Exit_status, -20, -1, 'F, Exit_status -20: ended by the batch system'"})
  void status_terminal_readsTheExitStatusAndChargesTheLearner(String letter, String attribute,
      String value, int exit, String detail) {
    JobStatus status = PbsStates.status(job(letter, attribute, value));

    assertThat(status).isEqualTo(new JobStatus("7.fakepbs", JobState.EXITED, exit, detail, false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "-1, -1, 'F, Exit_status -1: the job could not be started on its node (JOB_EXEC FAIL1)'",
      "-3, -1, 'F, Exit_status -3: the job could not be started on its node (JOB_EXEC RETRY)'",
      "-11, 143, 'F, Exit_status -11: killed at its walltime limit'"})
  void status_batchSystemCodes_areInfrastructure(int value, int exit, String detail) {
    JobStatus status = PbsStates.status(job("F", "Exit_status", String.valueOf(value)));

    assertThat(status).isEqualTo(new JobStatus("7.fakepbs", JobState.EXITED, exit, detail, true));
  }

  @Test
  void status_271AfterUsingUpTheWalltime_isAWalltimeKillNotCharged() {
    JobStatus status = PbsStates.status(job("F", "Exit_status", "271",
        "Resource_List.walltime", "00:00:20", "resources_used.walltime", "00:00:21"));

    assertThat(status).isEqualTo(new JobStatus("7.fakepbs", JobState.EXITED, 271,
        "F, Exit_status 271: killed by the server at its walltime limit (SIGTERM) before it could"
            + " stop itself", true));
  }

  @Test
  void status_271Early_isAQdelAndCharged() {
    JobStatus status = PbsStates.status(job("F", "Exit_status", "271",
        "Resource_List.walltime", "01:00:00", "resources_used.walltime", "00:00:21"));

    assertThat(status.infrastructure()).isFalse();
    assertThat(status.detail()).isEqualTo("F, Exit_status 271: killed by the server with SIGTERM"
        + " (qdel, or its walltime limit)");
  }

  @Test
  void status_271WithoutUsage_isTakenAsAQdel() {
    assertThat(PbsStates.status(job("F", "Exit_status", "271")).infrastructure()).isFalse();
  }

  @Test
  void status_terminalWithoutExitStatus_exitedWithMinusOne() {
    // slurm-wlm-torque shows every ended job as C, with no exit status at all.
    assertThat(PbsStates.status(job("C"))).isEqualTo(new JobStatus("7.fakepbs", JobState.EXITED,
        -1, "C (ended; qstat shows no exit status)", false));
  }

  @Test
  void seconds_readsHoursAbove99_andRejectsOtherForms() {
    assertThat(PbsStates.seconds("120:00:01")).isEqualTo(432_001);
    assertThat(PbsStates.seconds("00:01:40")).isEqualTo(100);
    assertThat(PbsStates.seconds("100")).isEqualTo(-1);
    assertThat(PbsStates.seconds("")).isEqualTo(-1);
  }
}
