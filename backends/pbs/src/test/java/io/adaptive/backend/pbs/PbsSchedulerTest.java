/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.backend.batch.CommandResult;
import io.adaptive.backend.batch.Diagnosis;
import io.adaptive.backend.batch.JobDescription;
import io.adaptive.backend.batch.SchedulerJob;
import io.adaptive.backend.batch.SchedulerOutputException;
import io.adaptive.backend.batch.SchedulerState;
import io.adaptive.backend.batch.StatusQuery;
import io.adaptive.plan.Defaults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class PbsSchedulerTest {

  /** Shortly after the sample's jobs started (Fri Nov 27 15:47:39 2026, 4 h walltime). */
  private static final java.time.Clock CLOCK = java.time.Clock.fixed(
      java.time.Instant.parse("2026-11-27T16:00:00Z"), java.time.ZoneOffset.UTC);

  private final PbsScheduler openPbs = new PbsScheduler(Flavour.OPENPBS, "alice", CLOCK);
  private final PbsScheduler torque = new PbsScheduler(Flavour.TORQUE, "alice", CLOCK);

  private static CommandResult result(int rc, String stdout, String stderr) {
    return new CommandResult(List.of("qstat", "-f"), rc, stdout, stderr, false);
  }

  // ---- directives ----

  @Test
  void directives_carryTheCommentAsAVariableAfterTheName() {
    List<String> lines = openPbs.directives(new JobDescription("as7k2q-17",
        "adaptive:run=7k2q;job=j7-m3x1k", Path.of("/runs/r/logs/j7.log"), Defaults.RESOURCES));

    assertThat(lines).startsWith("#PBS -N as7k2q-17",
        "#PBS -v ADAPTIVE_JOB_COMMENT=adaptive:run=7k2q;job=j7-m3x1k");
    assertThat(lines).contains("#PBS -o /runs/r/logs/j7.log", "#PBS -r n");
  }

  @Test
  void jobIdExpression_fallsBackToSlurmJobId() {
    assertThat(openPbs.jobIdExpression()).isEqualTo("${PBS_JOBID:-${SLURM_JOB_ID:-}}");
  }

  // ---- check ----

  @Test
  void check_moreThanOneTask_isRefusedWithTheFix() {
    assertThat(openPbs.check("l", new io.adaptive.plan.ResourceShape(4, 1, 2,
        Defaults.MEMORY, Defaults.WALLTIME, "", "", "", 0, false, "", new java.util.TreeMap<>(),
        List.of(), List.of()))).containsExactly("learner 'l' asks for tasks(2), but the PBS"
            + " backend starts one process per job: PBS has no launcher that every site has"
            + " (pbsdsh and mpiexec differ between installations); use tasks(1) with more"
            + " cores(..), or the SLURM backend");
    assertThat(openPbs.check("l", Defaults.RESOURCES)).isEmpty();
  }

  // ---- commands ----

  @Test
  void statusCommand_openPbsAsksHistoryForTheTrackedIds_torqueCannot() {
    StatusQuery query = new StatusQuery("alice", "as7k2q-", List.of("1.s", "2.s"));

    assertThat(openPbs.statusCommand(query)).containsExactly("qstat", "-f", "-x", "1.s", "2.s");
    assertThat(torque.statusCommand(query)).containsExactly("qstat", "-f", "1.s", "2.s");
    assertThat(openPbs.statusCommand(new StatusQuery("alice", "as7k2q-", List.of())))
        .containsExactly("qstat", "-f");
  }

  @Test
  void cancelAndKill_batchTheIds() {
    assertThat(openPbs.cancelCommand(List.of("1.s", "2.s"))).containsExactly("qdel", "1.s", "2.s");
    assertThat(openPbs.killCommand(List.of("1.s"))).containsExactly("qsig", "-s", "KILL", "1.s");
  }

  // ---- parseSubmitted ----

  @Test
  void parseSubmitted_keepsTheWholeId() {
    assertThat(openPbs.parseSubmitted(result(0, "4211.pbs01\n", ""))).isEqualTo("4211.pbs01");
    assertThat(openPbs.parseSubmitted(result(0, "4300[].pbs01\n", ""))).isEqualTo("4300[].pbs01");
    assertThat(torque.parseSubmitted(result(0, "5\n", ""))).isEqualTo("5");
  }

  @Test
  void parseSubmitted_noId_quotesTheOutput() {
    assertThatThrownBy(() -> openPbs.parseSubmitted(result(0, "Job submitted\n", "")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("qsub printed no job id: expected one line such as '4211.pbs01', got 'Job"
            + " submitted' (standard error: ''); check that 'qsub' on the PATH is PBS's (which"
            + " qsub)");
  }

  // ---- parseStatus ----

  @Test
  void parseStatus_openPbsSample_mapsBothJobs() {
    List<SchedulerJob> jobs = openPbs.parseStatus(result(0, Fixtures.read("qstat/openpbs.txt"), ""));

    assertThat(jobs).containsExactly(
        new SchedulerJob("4211.pbs01", "as7k2q-17", SchedulerState.RUNNING, "R", "", "cn012/0*8",
            "", SchedulerJob.NO_EXIT_STATUS),
        new SchedulerJob("4198.pbs01", "as7k2q-3", SchedulerState.COMPLETED, "F", "", "", "", 0));
  }

  @Test
  void parseStatus_otherOwners_areDropped() {
    List<SchedulerJob> jobs = openPbs.parseStatus(result(0, Fixtures.read("qstat/many.txt"), ""));

    long alices = Fixtures.read("qstat/many.expected").lines()
        .filter(l -> l.split(" ")[1].equals("alice") && !l.split(" ")[2].equals("M")).count();
    assertThat(jobs).hasSize((int) alices);
    assertThat(jobs).extracting(SchedulerJob::schedulerState).doesNotContain("M");
  }

  @Test
  void parseStatus_commentFromWrappedVariableList() {
    String text = "Job Id: 9.fakepbs\n    Job_Name = as7k2q-0\n    Job_Owner = alice@h\n"
        + "    job_state = Q\n    Variable_List = PBS_O_HOME=/root,ADAPTIVE_JOB_COMMENT=adaptiv\n"
        + "\te:run=7k2q;job=j1-x,PBS_O_HOST=h\n";
    assertThat(openPbs.parseStatus(result(0, text, "")).get(0).comment())
        .isEqualTo("adaptive:run=7k2q;job=j1-x");
  }

  @Test
  void parseStatus_unknownIdsOnStderr_othersStillRead() {
    List<SchedulerJob> jobs = openPbs.parseStatus(result(35, Fixtures.read("qstat/openpbs.txt"),
        "qstat: Unknown Job Id 2315.pbs01\n"
            + "qstat: 2338916.pbs01 Job has finished, use -x or -H to obtain historical job"
            + " information\n"));
    assertThat(jobs).hasSize(2);
    assertThat(openPbs.parseStatus(result(153, "", ""))).as("slurm-wlm-torque, unknown id")
        .isEmpty();
  }

  @Test
  void parseStatus_otherFailure_throwsWithTheStderr() {
    assertThatThrownBy(() -> openPbs.parseStatus(result(2, "",
        "Connection refused\nqstat: cannot connect to server fakepbs (errno=15010)\n")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("qstat failed with exit code 2: 'Connection refused\nqstat: cannot connect"
            + " to server fakepbs (errno=15010)'; the last known states are kept");
  }

  @Test
  void parseStatus_garbage_throwsAFormatError() {
    assertThatThrownBy(() -> openPbs.parseStatus(result(0, Fixtures.read("qstat/garbage.txt"), "")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessageStartingWith("cannot read the output of qstat -f: line 1 is text outside");
  }

  @Test
  void parseStatus_timedOut_throws() {
    assertThatThrownBy(() -> openPbs.parseStatus(
        new CommandResult(List.of("qstat", "-f"), -1, "", "", true)))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("qstat did not answer in time ([qstat, -f]); the last known states are kept");
  }

  // ---- diagnose ----

  @Test
  void diagnose_connectionProblems_areTransient() {
    assertThat(openPbs.diagnose(new CommandResult(List.of("qsub", "x"), 1, "",
        "Connection refused\nqsub: cannot connect to server fakepbs (errno=15010)\n", false)))
        .isEqualTo(Diagnosis.transientError());
  }

  @Test
  void diagnose_unknownQueue_isPermanentWithAFix() {
    assertThat(openPbs.diagnose(new CommandResult(List.of("qsub", "x"), 1, "",
        "qsub: Unknown queue\n", false)))
        .isEqualTo(Diagnosis.permanent("see which queues exist: qstat -Q"));
  }

  @Test
  void diagnose_qdelOfAFinishedJob_isNoError() {
    assertThat(openPbs.diagnose(new CommandResult(List.of("qdel", "3.s"), 35, "",
        "qdel: Unknown Job Id 3.s\n", false))).isEqualTo(
            Diagnosis.permanent("nothing to do: the job has ended or is ending already"));
  }

  @Test
  void diagnose_somethingElse_isUnknown() {
    assertThat(openPbs.diagnose(new CommandResult(List.of("qsub", "x"), 1, "",
        "qsub: something odd\n", false))).isEqualTo(Diagnosis.unknown());
  }
}
