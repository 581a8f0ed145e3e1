/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.adaptive.backend.batch.CommandResult;
import io.adaptive.backend.batch.Diagnosis;
import io.adaptive.backend.batch.SchedulerJob;
import io.adaptive.backend.batch.SchedulerOutputException;
import io.adaptive.backend.batch.SchedulerState;
import io.adaptive.backend.batch.StatusQuery;
import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SlurmSchedulerTest {

  private final SlurmScheduler slurm = new SlurmScheduler(Duration.ofSeconds(180));

  /** batch-systems.md §1.4, observed on Slurm 22.05.8, literally. */
  private static final String SQUEUE_SAMPLE = """
      33|as7k2q-4|CANCELLED|None|localhost|adaptive:run=7k2q;learner=4;attempt=1
      32|as7k2q-3|COMPLETED|None|localhost|adaptive:run=7k2q;learner=3;attempt=1
      36|other-user-job|COMPLETED|None|localhost|(null)
      29|as7k2q-0|COMPLETING|TimeLimit|localhost|adaptive:run=7k2q;learner=0;attempt=1
      31|as7k2q-2|FAILED|NonZeroExitCode|localhost|adaptive:run=7k2q;learner=2;attempt=1
      35|as7k2q-6|PENDING|Resources||adaptive:run=7k2q;learner=6;attempt=1
      34|as7k2q-5|PENDING|JobHeldUser||adaptive:run=7k2q;learner=5;attempt=1
      30|as7k2q-1|RUNNING|None|localhost|adaptive:run=7k2q;learner=1;attempt=1
      """;

  private static ResourceShape shape(int cores, int nodes, int tasks, Memory memory,
      Duration walltime) {
    return new ResourceShape(cores, nodes, tasks, memory, walltime, "", "", "", 0, false, "",
        new TreeMap<>(), List.of(), List.of());
  }

  private static CommandResult ok(String stdout) {
    return new CommandResult(List.of("squeue"), 0, stdout, "", false);
  }

  private static CommandResult failed(String stderr) {
    return new CommandResult(List.of("sbatch"), 1, "", stderr, false);
  }

  // ----------------------------------------------------------------------------- parseStatus

  @Test
  void parseStatus_observedSample_readsEveryLine() {
    List<SchedulerJob> jobs = slurm.parseStatus(ok(SQUEUE_SAMPLE));

    assertThat(jobs).extracting(SchedulerJob::id, SchedulerJob::name, SchedulerJob::state,
        SchedulerJob::reason, SchedulerJob::nodes, SchedulerJob::comment).containsExactly(
        tuple("33", "as7k2q-4", SchedulerState.CANCELLED, "None", "localhost",
            "adaptive:run=7k2q;learner=4;attempt=1"),
        tuple("32", "as7k2q-3", SchedulerState.COMPLETED, "None", "localhost",
            "adaptive:run=7k2q;learner=3;attempt=1"),
        tuple("36", "other-user-job", SchedulerState.COMPLETED, "None", "localhost", ""),
        tuple("29", "as7k2q-0", SchedulerState.COMPLETING, "TimeLimit", "localhost",
            "adaptive:run=7k2q;learner=0;attempt=1"),
        tuple("31", "as7k2q-2", SchedulerState.FAILED, "NonZeroExitCode", "localhost",
            "adaptive:run=7k2q;learner=2;attempt=1"),
        tuple("35", "as7k2q-6", SchedulerState.PENDING, "Resources", "",
            "adaptive:run=7k2q;learner=6;attempt=1"),
        tuple("34", "as7k2q-5", SchedulerState.PENDING, "JobHeldUser", "",
            "adaptive:run=7k2q;learner=5;attempt=1"),
        tuple("30", "as7k2q-1", SchedulerState.RUNNING, "None", "localhost",
            "adaptive:run=7k2q;learner=1;attempt=1"));
  }

  @Test
  void parseStatus_barInComment_staysInTheComment() {
    assertThat(slurm.parseStatus(ok("24_3|as7k2q-1|RUNNING|None|cn[01-02]|a|b|c\n")))
        .extracting(SchedulerJob::id, SchedulerJob::nodes, SchedulerJob::comment)
        .containsExactly(tuple("24_3", "cn[01-02]", "a|b|c"));
  }

  /**
   * Observed on 22.05.8 with --array: every task on its own line, pending ones too. Without
   * --array (and maybe in other versions) pending tasks are folded into one line; read anyway.
   */
  @Test
  void parseStatus_arrayTasks_oneJobPerTask_foldedPendingTasksExpanded() {
    String squeue = """
        906_0|as7k2q-3|PENDING|JobHeldUser||adaptive:run=7k2q;array=j3-x;tasks=8
        906_2|as7k2q-3|RUNNING|None|localhost|adaptive:run=7k2q;array=j3-x;tasks=8
        907_[0-1,4-5%2]|as7k2q-9|PENDING|JobArrayTaskLimit||(null)
        908_[3]|as7k2q-9|PENDING|Priority||(null)
        """;

    assertThat(slurm.parseStatus(ok(squeue))).extracting(SchedulerJob::id, SchedulerJob::state,
        SchedulerJob::reason).containsExactly(
        tuple("906_0", SchedulerState.PENDING, "JobHeldUser"),
        tuple("906_2", SchedulerState.RUNNING, "None"),
        tuple("907_0", SchedulerState.PENDING, "JobArrayTaskLimit"),
        tuple("907_1", SchedulerState.PENDING, "JobArrayTaskLimit"),
        tuple("907_4", SchedulerState.PENDING, "JobArrayTaskLimit"),
        tuple("907_5", SchedulerState.PENDING, "JobArrayTaskLimit"),
        tuple("908_3", SchedulerState.PENDING, "Priority"));
  }

  @Test
  void parseStatus_foldedTasksBeyondReading_isRefusedQuotingTheLine() {
    assertThatThrownBy(() -> slurm.parseStatus(ok("907_[4-1]|as7k2q-9|PENDING|None||(null)\n")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("squeue printed '907_[4-1]|as7k2q-9|PENDING|None||(null)': job id"
            + " '907_[4-1]' holds the range '4-1', which is empty or larger than any array");
    assertThatThrownBy(() -> slurm.parseStatus(ok("907_[a]|as7k2q-9|PENDING|None||(null)\n")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("squeue printed '907_[a]|as7k2q-9|PENDING|None||(null)': job id '907_[a]'"
            + " looks like folded array tasks, but not like 123_[0-7] or 123_[0-1,4-7%2]");
  }

  // ------------------------------------------------------------------------------ jobArrays

  @Test
  void jobArrays_offByDefault_onWithAMaximum() {
    assertThat(slurm.jobArrays()).isEmpty();
    assertThat(new SlurmScheduler(Duration.ofSeconds(180), 1000).jobArrays())
        .contains(new SlurmJobArrays(1000));
  }

  @Test
  void jobArrays_idsAreArrayUnderscoreIndex_andLeadBackToTheArray() {
    SlurmJobArrays arrays = new SlurmJobArrays(1000);

    assertThat(arrays.taskId("906", 4)).isEqualTo("906_4");
    assertThat(arrays.arrayJobId("906_4")).isEqualTo("906");
    assertThat(arrays.arrayJobId("906")).isEqualTo("906");
    assertThat(arrays.taskIdExpression())
        .isEqualTo("\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"");
    assertThat(arrays.indexExpression()).isEqualTo("\"${SLURM_ARRAY_TASK_ID}\"");
    assertThat(arrays.indexPlaceholder()).isEqualTo("%a");
    assertThat(arrays.directives(List.of("#SBATCH --job-name=as7k2q-3"), 8))
        .containsExactly("#SBATCH --job-name=as7k2q-3", "#SBATCH --array=0-7");
  }

  @Test
  void jobArrays_aTaskIsCancelledAndKilledByItsOwnId() {
    assertThat(slurm.cancelCommand(List.of("906_4", "906_7")))
        .containsExactly("scancel", "906_4", "906_7");
    assertThat(slurm.killCommand(List.of("906_4")))
        .containsExactly("scancel", "--signal=KILL", "--full", "906_4");
  }

  @Test
  void parseStatus_empty_isNoJobs() {
    assertThat(slurm.parseStatus(ok(""))).isEmpty();
  }

  @Test
  void parseStatus_garbage_isRefusedQuotingTheLine() {
    assertThatThrownBy(() -> slurm.parseStatus(ok("JOBID PARTITION NAME\n")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("squeue printed 'JOBID PARTITION NAME', not"
            + " '<id>|<name>|<state>|<reason>|<nodes>|<comment>' as asked by"
            + " --format=%i|%j|%T|%r|%N|%k");
  }

  @Test
  void parseStatus_failedCommand_isRefusedWithItsError() {
    CommandResult down = new CommandResult(List.of("squeue"), 1, "",
        "slurm_load_jobs error: Unable to contact slurm controller (connect failure)\n", false);

    assertThatThrownBy(() -> slurm.parseStatus(down))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("squeue failed with exit code 1: slurm_load_jobs error: Unable to contact"
            + " slurm controller (connect failure)");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "PENDING, PENDING", "CONFIGURING, CONFIGURING", "RUNNING, RUNNING",
      "COMPLETING, COMPLETING", "SUSPENDED, SUSPENDED", "STOPPED, SUSPENDED",
      "PREEMPTED, PREEMPTED", "TIMEOUT, TIMEOUT", "NODE_FAIL, NODE_FAIL", "BOOT_FAIL, BOOT_FAIL",
      "OUT_OF_MEMORY, OUT_OF_MEMORY", "CANCELLED, CANCELLED", "FAILED, FAILED",
      "COMPLETED, COMPLETED", "DEADLINE, DEADLINE", "REQUEUED, REQUEUED",
      "REQUEUE_HOLD, REQUEUED", "REQUEUE_FED, REQUEUED", "SPECIAL_EXIT, REQUEUED",
      "RESV_DEL_HOLD, PENDING", "SIGNALING, RUNNING", "RESIZING, RUNNING",
      "STAGE_OUT, COMPLETING", "REVOKED, OTHER", "SOMETHING_NEW, OTHER"})
  void state_everySlurmState_hasItsMeaning(String slurmState, SchedulerState expected) {
    assertThat(SlurmScheduler.state(slurmState)).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------- directives

  @Test
  void time_isRoundedUpToWholeMinutes() {
    assertThat(SlurmScheduler.time(Duration.ofSeconds(1))).isEqualTo("0-00:01:00");
    assertThat(SlurmScheduler.time(Duration.ofMinutes(90))).isEqualTo("0-01:30:00");
    assertThat(SlurmScheduler.time(Duration.parse("PT2H30M10S"))).isEqualTo("0-02:31:00");
    assertThat(SlurmScheduler.time(Duration.ofHours(49))).isEqualTo("2-01:00:00");
  }

  @Test
  void memoryPerNode_isSplitOverNodesInMibRoundedUp() {
    Duration hour = Duration.ofHours(1);
    assertThat(SlurmScheduler.memoryPerNodeMib(shape(1, 1, 1, new Memory(1), hour))).isEqualTo(1);
    assertThat(SlurmScheduler.memoryPerNodeMib(shape(2, 2, 2, Memory.gib(3), hour)))
        .isEqualTo(1536);
    assertThat(SlurmScheduler.memoryPerNodeMib(shape(3, 3, 3, Memory.mib(1000), hour)))
        .isEqualTo(334);
  }

  @Test
  void leadSeconds_isAtMostHalfTheWalltime() {
    assertThat(slurm.leadSeconds(Duration.ofHours(1))).isEqualTo(180);
    assertThat(slurm.leadSeconds(Duration.ofMinutes(5))).isEqualTo(150);
    assertThat(slurm.leadSeconds(Duration.ofSeconds(20))).isEqualTo(30);
  }

  @Test
  void directives_defaults_setEveryDirectiveWeRelyOn() {
    assertThat(slurm.directives(new io.adaptive.backend.batch.JobDescription("as7k2q-3",
        "adaptive:run=7k2q;job=j3-x", Path.of("/runs/a b/logs/x.log"),
        shape(4, 1, 1, Memory.gib(2), Duration.ofHours(1))))).containsExactly(
        "#SBATCH --job-name=as7k2q-3",
        "#SBATCH --comment=adaptive:run=7k2q;job=j3-x",
        "#SBATCH --output=\"/runs/a b/logs/x.log\"",
        "#SBATCH --open-mode=append",
        "#SBATCH --nodes=1",
        "#SBATCH --ntasks=1",
        "#SBATCH --cpus-per-task=4",
        "#SBATCH --mem=2048M",
        "#SBATCH --time=0-01:00:00",
        "#SBATCH --no-requeue",
        "#SBATCH --signal=B:USR1@180");
  }

  @Test
  void otherTasksLauncher_startsTheRestOfTheTasks() {
    assertThat(slurm.otherTasksLauncher(shape(8, 2, 4, Memory.gib(8), Duration.ofHours(1))))
        .containsExactly("srun", "--ntasks=3", "--cpus-per-task=2", "--export=ALL");
  }

  // ------------------------------------------------------------------------- parseSubmitted

  @Test
  void parseSubmitted_parsable_isTheId() {
    assertThat(slurm.parseSubmitted(ok("29\n"))).isEqualTo("29");
    assertThat(slurm.parseSubmitted(ok("29;cluster\n"))).isEqualTo("29");
    assertThat(slurm.parseSubmitted(ok(" 4711 "))).isEqualTo("4711");
  }

  @Test
  void parseSubmitted_sentence_isRefused() {
    assertThatThrownBy(() -> slurm.parseSubmitted(ok("Submitted batch job 29\n")))
        .isInstanceOf(SchedulerOutputException.class)
        .hasMessage("sbatch --parsable printed 'Submitted batch job 29' instead of a job id such"
            + " as '29' or '29;cluster'");
  }

  // ------------------------------------------------------------------------------- diagnose

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '!', value = {
      "sbatch: error: Batch job submission failed: Socket timed out on send/recv operation",
      "sbatch: error: Batch job submission failed: Unable to contact slurm controller (connect failure)",
      "sbatch: error: Slurm temporarily unable to accept job, sleeping and retrying",
      "sbatch: error: Batch job submission failed: Resource temporarily unavailable",
      "sbatch: error: Batch job submission failed: Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)"})
  void diagnose_transientErrors_areRetried(String stderr) {
    assertThat(slurm.diagnose(failed(stderr)).kind()).isEqualTo(Diagnosis.Kind.TRANSIENT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '!', value = {
      "sbatch: error: Batch job submission failed: Invalid partition name specified!use a partition that exists (sinfo --summarize lists them, the default marked *), or leave partition(..) out for the default",
      "sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified!see which accounts and partitions you may use: sacctmgr show associations user=$USER",
      "sbatch: error: Batch job submission failed: Invalid qos specification!see which QOS you may use: sacctmgr show associations user=$USER format=account,partition,qos",
      "sbatch: error: Batch job submission failed: Requested node configuration is not available!no node has what the job asks for (cores, memory, GPUs, constraint, nodes); compare with sinfo --Node --long and ask for less",
      "sbatch: error: Batch job submission failed: Invalid job array specification!the array has more tasks than this cluster's MaxArraySize allows (scontrol show config | grep MaxArraySize); set Slurm.backend().maxArrayTasks(..) to at most that value"})
  void diagnose_permanentErrors_failWithTheirFix(String stderr, String fix) {
    assertThat(slurm.diagnose(failed(stderr))).isEqualTo(Diagnosis.permanent(fix));
  }

  @Test
  void diagnose_somethingElse_isUnknown() {
    assertThat(slurm.diagnose(failed("sbatch: error: something new")).kind())
        .isEqualTo(Diagnosis.Kind.UNKNOWN);
  }

  // ---------------------------------------------------------------------------------- check

  @Test
  void check_optionsTheBackendSets_areRefusedWithTheReason() {
    ResourceShape d = shape(2, 1, 1, Memory.gib(1), Duration.ofHours(1));
    ResourceShape raw = new ResourceShape(d.cores(), d.nodes(), d.tasks(), d.memory(),
        d.walltime(), "", "", "", 0, false, "", new TreeMap<>(), List.of(),
        List.of("--job-name=mine", "#SBATCH --signal=USR2@60", "mail-type=END", "--mail-type=END",
            "--array=0-3"));

    assertThat(slurm.check("peak[a=1]", raw)).containsExactly(
        "learner 'peak[a=1]' passes scheduler option '--job-name=mine', which the SLURM backend"
            + " sets itself (it names jobs to find them again); remove it",
        "learner 'peak[a=1]' passes scheduler option '#SBATCH --signal=USR2@60', which the SLURM"
            + " backend sets itself (set the warning's lead with Slurm.backend().signalLead(..));"
            + " remove it",
        "learner 'peak[a=1]' passes scheduler option 'mail-type=END', which is not an sbatch"
            + " option; write it as in an #SBATCH line, e.g. --mail-type=END",
        "learner 'peak[a=1]' passes scheduler option '--array=0-3', which the SLURM backend sets"
            + " itself (it makes arrays itself: Slurm.backend().jobArrays(true)); remove it");
  }

  @Test
  void check_unevenTasksAndSpaces_areRefused() {
    ResourceShape uneven = new ResourceShape(7, 1, 2, Memory.gib(1), Duration.ofHours(1),
        "my partition", "", "", 0, false, "", new TreeMap<>(), List.of(), List.of());

    assertThat(slurm.check("peak", uneven)).containsExactly(
        "learner 'peak' asks for cores(7) over tasks(2), which do not split evenly into CPUs per"
            + " task; ask for a multiple of 2 cores",
        "learner 'peak' asks for partition 'my partition', which holds white space, so an"
            + " #SBATCH line cannot carry it; remove the spaces");
  }

  @Test
  void statusCommand_isOneSqueueForTheUser() {
    assertThat(slurm.statusCommand(new StatusQuery("alice", "as7k2q-", List.of("1", "2"))))
        .containsExactly("squeue", "--noheader", "--array", "--states=all", "--users=alice",
            "--format=%i|%j|%T|%r|%N|%k");
  }

  @Test
  void cancelAndKill_takeManyIds() {
    assertThat(slurm.cancelCommand(List.of("1", "2"))).containsExactly("scancel", "1", "2");
    assertThat(slurm.killCommand(List.of("3"))).containsExactly("scancel", "--signal=KILL",
        "--full", "3");
  }
}
