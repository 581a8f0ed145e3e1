/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.backend.slurm.RunFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run manager against SLURM's own troubles and its own death: a controller restart, a killed
 * driver, and how often it asks {@code squeue}.
 */
final class SlurmManagerIT extends SlurmTestRun {

  private static final String SECOND = "peak[a=0.02]";

  @Test
  void controllerRestart_duringTheRun_leavesTheManagerRunning_andEveryLearnerFinishes()
      throws Exception {
    SlurmDriver driver = start("2", "1500", "10", "1000", POLL_MILLIS);
    await().atMost(Duration.ofSeconds(90))
        .until(() -> RunFiles.working(store, FIRST) && RunFiles.working(store, SECOND));
    int before = wrappers.calls("squeue").size();

    SlurmController.restart(Duration.ofSeconds(12));
    int during = wrappers.calls("squeue").size() - before;

    String output = awaitSuccess(driver);
    assertThat(during).as("the manager kept polling while the controller was down")
        .isPositive();
    assertThat(output).as("the outage was seen by the manager's squeue")
        .contains("Unable to contact slurm controller");
    assertThat(output).contains("2 done, 0 failed of 2 learners")
        .containsPattern(doneWithFailures(FIRST, 0)).containsPattern(doneWithFailures(SECOND, 0));
    assertThat(wrappers.calls("sbatch")).as("no job was submitted twice").hasSize(2);
    assertThat(rows(store, FIRST)).isGreaterThanOrEqualTo(1500);
  }

  @Test
  void driverKilled_theRestartedDriverAdoptsTheRunningJobs_withoutSubmittingAgain()
      throws Exception {
    SlurmDriver driver = start("2", "2000", "10", "1000", POLL_MILLIS);
    await().atMost(Duration.ofSeconds(90))
        .until(() -> rows(store, FIRST) > 0 && rows(store, SECOND) > 0);
    driver.killHard();
    List<SlurmQueue.Job> running = SlurmQueue.aliveUnder(dir);
    assertThat(running).as("the jobs outlive their manager").hasSize(2);
    Thread.sleep(1500);

    SlurmDriver again = start("2", "2000", "10", "1000", POLL_MILLIS);
    String output = awaitSuccess(again);
    assertThat(output).contains("2 done, 0 failed of 2 learners");
    assertThat(output.split("adopted job", -1)).as(output).hasSize(3);
    assertThat(wrappers.calls("sbatch")).as("no second job for an adopted learner").hasSize(2);
    assertThat(SlurmQueue.jobsUnder(dir)).extracting(SlurmQueue.Job::id)
        .containsExactlyInAnyOrderElementsOf(running.stream().map(SlurmQueue.Job::id).toList());
    assertThat(rows(store, FIRST)).isGreaterThanOrEqualTo(2000);
    assertThat(rows(store, SECOND)).isGreaterThanOrEqualTo(2000);
  }

  /**
   * One {@code squeue} per poll interval, whatever the number of jobs: a run of 2 learners and a
   * run of 6 learners, side by side, each with its own wrappers. The mean time between two calls
   * must be the poll interval (0.5 s) give or take what a poll itself costs, and the same for both.
   */
  @Test
  void squeue_onceEveryPollInterval_whateverTheNumberOfJobs() throws Exception {
    Path otherDir = Files.createDirectories(dir.resolve("six"));
    CommandWrappers otherWrappers = CommandWrappers.install(otherDir.resolve("wrappers"));
    SlurmDriver two = start("2", "600", "10", "1000", POLL_MILLIS);
    SlurmDriver six = SlurmDriver.start(otherDir, otherDir.resolve("store"), otherWrappers,
        "6", "600", "10", "1000", POLL_MILLIS);
    assertThat(awaitSuccess(two)).contains("2 done, 0 failed of 2 learners");
    int sixStatus = six.awaitExit(RUN_TIMEOUT);
    assertThat(sixStatus).as(six.output()).isZero();

    PollRate twoRate = PollRate.of(wrappers.calls("squeue"));
    PollRate sixRate = PollRate.of(otherWrappers.calls("squeue"));
    System.out.printf("squeue calls: 2 jobs %s; 6 jobs %s%n", twoRate, sixRate);
    for (PollRate rate : List.of(twoRate, sixRate)) {
      assertThat(rate.calls()).as(rate.toString()).isGreaterThanOrEqualTo(10);
      // Never more often than the interval: a poll per job would be 2 or 6 times more frequent.
      assertThat(rate.meanGapMillis()).as(rate.toString()).isGreaterThanOrEqualTo(500 * 0.95);
      // At most the interval plus the cost of a turn of the manager's loop and one squeue
      // (~20 ms each on this cluster, up to a few hundred ms on this loaded 2-core machine).
      assertThat(rate.meanGapMillis()).as(rate.toString()).isLessThanOrEqualTo(500 * 1.5);
    }
    assertThat(sixRate.meanGapMillis() / twoRate.meanGapMillis())
        .as("6 jobs against 2 jobs: %s, %s", sixRate, twoRate).isBetween(0.8, 1.25);
    assertThat(otherWrappers.calls("sbatch")).hasSize(6);
  }

  /** The squeue calls of one driver: how many, and the mean time between two. */
  record PollRate(int calls, double meanGapMillis, long minGapMillis) {

    static PollRate of(List<CommandWrappers.Call> calls) {
      long min = Long.MAX_VALUE;
      for (int i = 1; i < calls.size(); i++) {
        min = Math.min(min, calls.get(i).epochMillis() - calls.get(i - 1).epochMillis());
      }
      double mean = calls.size() < 2 ? Double.NaN
          : (calls.get(calls.size() - 1).epochMillis() - calls.get(0).epochMillis())
              / (double) (calls.size() - 1);
      return new PollRate(calls.size(), mean, min);
    }
  }

}
