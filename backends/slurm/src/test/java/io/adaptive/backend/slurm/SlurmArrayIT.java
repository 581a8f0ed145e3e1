/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.backend.slurm.RunFiles.logs;
import static io.adaptive.backend.slurm.RunFiles.resumedCounts;
import static io.adaptive.backend.slurm.RunFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Job arrays ({@code Slurm.backend().jobArrays(true)}) end to end on the real local cluster: the
 * learners of a sweep go to SLURM as one array with one {@code sbatch}; each task is polled,
 * cancelled, resubmitted and adopted on its own, as {@code <array>_<index>}.
 */
final class SlurmArrayIT extends SlurmTestRun {

  @Test
  void sweep_eightLearners_oneSbatch_oneSqueuePerPoll_andEveryLearnerReachesItsGoal()
      throws Exception {
    SlurmDriver driver = start("8", "400", "10", "1000", POLL_MILLIS, "arrays=1");
    String output = awaitSuccess(driver);

    assertThat(output).contains("8 done, 0 failed of 8 learners");
    List<CommandWrappers.Call> sbatch = wrappers.calls("sbatch");
    assertThat(sbatch).as("one sbatch for the whole sweep").hasSize(1);
    assertThat(sbatch.get(0).arguments()).startsWith("--parsable ").endsWith("-array.sbatch");
    List<SlurmQueue.Job> jobs = SlurmQueue.jobsUnder(dir);
    assertThat(jobs).as("one array task per learner").hasSize(8);
    String array = jobs.get(0).id().split("_")[0];
    assertThat(jobs).extracting(SlurmQueue.Job::id).containsExactlyInAnyOrder(
        array + "_0", array + "_1", array + "_2", array + "_3", array + "_4", array + "_5",
        array + "_6", array + "_7");
    await().atMost(Duration.ofSeconds(30)).until(() -> SlurmQueue.aliveUnder(dir).isEmpty());
    assertThat(SlurmQueue.jobsUnder(dir)).extracting(SlurmQueue.Job::state)
        .containsOnly("COMPLETED");
    for (int i = 1; i <= 8; i++) {
      String learner = "peak[a=0.0" + i + "]";
      assertThat(rows(store, learner)).as(learner).isGreaterThanOrEqualTo(400);
      assertThat(output).containsPattern(doneWithFailures(learner, 0));
      List<Path> logs = logs(store, learner);
      assertThat(logs).as(learner).hasSize(1);
      assertThat(resumedCounts(store, learner)).as("%s: its own worker wrote its own log", learner)
          .containsExactly(0L);
      assertThat(taskOf(learner)).as(learner).startsWith(array + "_");
    }
    SlurmManagerIT.PollRate rate = SlurmManagerIT.PollRate.of(wrappers.calls("squeue"));
    System.out.printf("job array of 8: %d sbatch, squeue %s%n", sbatch.size(), rate);
    assertThat(rate.calls()).as(rate.toString()).isGreaterThanOrEqualTo(5);
    // One squeue per poll for all 8 tasks: never more often than the interval on average.
    assertThat(rate.meanGapMillis()).as(rate.toString()).isGreaterThanOrEqualTo(500 * 0.95);
    assertThat(rate.meanGapMillis()).as(rate.toString()).isLessThanOrEqualTo(500 * 1.5);
  }

  @Test
  void scancelOfOneTask_midRun_isResubmittedAlone_andNothingIsLost() throws Exception {
    // A save interval longer than the run: every point the replacement loads was saved by SIGTERM.
    SlurmDriver driver = start("4", "2500", "10", "120000", POLL_MILLIS, "arrays=1");
    await().atMost(Duration.ofSeconds(90)).until(() -> RunFiles.working(store, FIRST));
    Thread.sleep(2000);
    String task = taskOf(FIRST);
    assertThat(task).matches("\\d+_\\d");
    assertThat(SlurmQueue.aliveUnder(dir)).extracting(SlurmQueue.Job::id).contains(task);
    SlurmQueue.scancel(task);

    String output = awaitSuccess(driver);
    assertThat(output).contains("4 done, 0 failed of 4 learners")
        .contains("something outside this run stopped it")
        .containsPattern(doneWithFailures(FIRST, 1));
    for (int i = 2; i <= 4; i++) {
      assertThat(output).containsPattern(doneWithFailures("peak[a=0.0" + i + "]", 0));
    }
    List<CommandWrappers.Call> sbatch = wrappers.calls("sbatch");
    assertThat(sbatch).as("the array, then the cancelled learner's own job").hasSize(2);
    assertThat(sbatch.get(0).arguments()).endsWith("-array.sbatch");
    assertThat(sbatch.get(1).arguments()).doesNotEndWith("-array.sbatch");

    List<Path> logs = logs(store, FIRST);
    assertThat(logs).as("the cancelled task and its replacement").hasSize(2);
    String first = Files.readString(logs.get(0));
    assertThat(first).as("SLURM's own line lands in the learner's log, through the task's output")
        .contains("CANCELLED AT");
    long saved = RunFiles.savedWhenStopped(logs.get(0), "it was asked to stop");
    assertThat(saved).as(first).isPositive();
    assertThat(resumedCounts(store, FIRST))
        .as("the replacement loaded every point saved at SIGTERM").containsExactly(0L, saved);
    assertThat(rows(store, FIRST)).isGreaterThanOrEqualTo(2500);
    assertThat(SlurmQueue.jobsUnder(dir)).as("4 tasks and the replacement").hasSize(5)
        .anySatisfy(job -> assertThat(job.id() + " " + job.state()).isEqualTo(task + " CANCELLED"));
  }

  @Test
  void driverKilled_theRestartedDriverAdoptsEveryTask_withoutSubmittingAgain() throws Exception {
    String second = "peak[a=0.02]";
    SlurmDriver driver = start("2", "2000", "10", "1000", POLL_MILLIS, "arrays=1");
    await().atMost(Duration.ofSeconds(90))
        .until(() -> rows(store, FIRST) > 0 && rows(store, second) > 0);
    driver.killHard();
    List<SlurmQueue.Job> running = SlurmQueue.aliveUnder(dir);
    assertThat(running).as("the tasks outlive their manager").hasSize(2);
    Thread.sleep(1500);

    SlurmDriver again = start("2", "2000", "10", "1000", POLL_MILLIS, "arrays=1");
    String output = awaitSuccess(again);
    assertThat(output).contains("2 done, 0 failed of 2 learners");
    assertThat(output.split("adopted job", -1)).as(output).hasSize(3);
    assertThat(output).contains("(" + taskOf(FIRST) + ")").contains("(" + taskOf(second) + ")");
    assertThat(wrappers.calls("sbatch")).as("one array, nothing submitted again").hasSize(1);
    assertThat(SlurmQueue.jobsUnder(dir)).extracting(SlurmQueue.Job::id)
        .containsExactlyInAnyOrderElementsOf(running.stream().map(SlurmQueue.Job::id).toList());
    assertThat(rows(store, FIRST)).isGreaterThanOrEqualTo(2000);
    assertThat(rows(store, second)).isGreaterThanOrEqualTo(2000);
  }

  /** The SLURM id of the first job of {@code learner}, as its job script recorded at start. */
  private String taskOf(String learner) throws IOException {
    String log = logs(store, learner).get(0).getFileName().toString();
    String job = log.substring(learner.length() + 1, log.length() - ".log".length());
    Path start = store.resolve("jobs").resolve(job + ".start");
    return Files.readString(start).strip().split(" ")[2];
  }
}
