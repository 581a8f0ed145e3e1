/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.backend.slurm.RunFiles.logs;
import static io.adaptive.backend.slurm.RunFiles.resumedCounts;
import static io.adaptive.backend.slurm.RunFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The SLURM backend end to end on the real local cluster: {@link SlurmSweepProgram} as a driver JVM,
 * one real SLURM job per learner, each running the program again as a worker.
 */
final class SlurmSweepIT extends SlurmTestRun {

  @Test
  void sweep_runsSeveralJobsAtOnce_andEveryLearnerReachesItsGoal() throws Exception {
    SlurmDriver driver = start("4", "400", "10", "1000", POLL_MILLIS);
    AtomicInteger mostRunning = new AtomicInteger();
    CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> {
      while (driver.process().isAlive()) {
        try {
          long running = SlurmQueue.jobsUnder(dir).stream()
              .filter(j -> j.state().equals("RUNNING")).count();
          mostRunning.accumulateAndGet((int) running, Math::max);
          Thread.sleep(300);
        } catch (Exception e) {
          return;
        }
      }
    });
    String output = awaitSuccess(driver);
    watcher.join();

    assertThat(output).contains("4 done, 0 failed of 4 learners");
    for (int i = 1; i <= 4; i++) {
      String learner = "peak[a=0.0" + i + "]";
      assertThat(rows(store, learner)).as(learner).isGreaterThanOrEqualTo(400);
      assertThat(output).containsPattern(doneWithFailures(learner, 0));
    }
    assertThat(wrappers.calls("sbatch")).as("one job per learner").hasSize(4);
    assertThat(mostRunning.get()).as("jobs RUNNING at once in SLURM").isGreaterThanOrEqualTo(2);
    assertThat(SlurmQueue.jobsUnder(dir)).as("every job of the run is known to SLURM").hasSize(4);

    SlurmDriver again = start("4", "400", "10", "1000", POLL_MILLIS);
    assertThat(awaitSuccess(again)).contains("4 of 4 learners already reached their goal");
    assertThat(wrappers.calls("sbatch")).as("the second run submits nothing").hasSize(4);
  }

  /**
   * A learner is done when its worker says so; its job then ends by itself a moment later. A run
   * that ends must not cancel such jobs (batch-systems.md §1.8: cancel only a job still alive after
   * a grace period): SLURM would record a learner that reached its goal as CANCELLED.
   */
  @Test
  void runWithoutTrouble_endsEveryJobCompleted_withoutAnyScancel() throws Exception {
    SlurmDriver driver = start("4", "300", "10", "1000", POLL_MILLIS);
    assertThat(awaitSuccess(driver)).contains("4 done, 0 failed of 4 learners");

    await().atMost(Duration.ofSeconds(30)).until(() -> SlurmQueue.aliveUnder(dir).isEmpty());
    assertThat(SlurmQueue.jobsUnder(dir)).hasSize(4).extracting(SlurmQueue.Job::state)
        .containsOnly("COMPLETED");
    assertThat(wrappers.calls("scancel")).as("scancel calls").isEmpty();
  }

  /**
   * The README starts programs as {@code java -cp examples/target/adaptive-examples.jar ...}: a
   * class path relative to where the driver was started. The jobs must run the program from there
   * too, or their JVMs cannot even find its main class.
   */
  @Test
  void relativeClassPath_theJobsStillFindTheProgram() throws Exception {
    SlurmDriver driver = SlurmDriver.startWithRelativeClassPath(dir, store, wrappers,
        "1", "100", "0", "1000", POLL_MILLIS, "maxFailures=1");
    assertThat(awaitSuccess(driver)).contains("1 done, 0 failed of 1 learners");
  }

  @Test
  void scancel_midRun_isResubmitted_andNoSavedPointIsLost() throws Exception {
    // A save interval longer than the run: every point the replacement loads was saved by SIGTERM.
    SlurmDriver driver = start("1", "2500", "10", "120000", POLL_MILLIS);
    await().atMost(Duration.ofSeconds(90)).until(() -> RunFiles.working(store, FIRST));
    Thread.sleep(2000);
    List<SlurmQueue.Job> jobs = SlurmQueue.aliveUnder(dir);
    assertThat(jobs).hasSize(1);
    SlurmQueue.scancel(jobs.get(0).id());

    String output = awaitSuccess(driver);
    assertThat(output).contains("1 done, 0 failed of 1 learners")
        .contains("something outside this run stopped it")
        .containsPattern(doneWithFailures(FIRST, 1));
    List<Path> logs = logs(store, FIRST);
    assertThat(logs).as("the cancelled job and its replacement").hasSize(2);
    long saved = RunFiles.savedWhenStopped(logs.get(0), "it was asked to stop");
    assertThat(saved).as(Files.readString(logs.get(0))).isPositive();
    assertThat(resumedCounts(store, FIRST)).as("the replacement loaded every point saved at SIGTERM")
        .containsExactly(0L, saved);
    String cancelled = jobs.get(0).id();
    assertThat(SlurmQueue.jobsUnder(dir)).as("the cancelled job and its replacement").hasSize(2)
        .anySatisfy(job -> assertThat(job.id() + " " + job.state())
            .isEqualTo(cancelled + " CANCELLED"));
    assertThat(rows(store, FIRST)).isGreaterThanOrEqualTo(2500);
  }

  /**
   * One minute is SLURM's shortest time limit. The worker stops by itself in the last tenth of its
   * walltime (or earlier, on the --signal warning), saves, and the learner goes on in a new job.
   */
  @Test
  void walltime_oneMinute_savesStopsAndIsResubmitted_withoutAFailure() throws Exception {
    // 20 ms per point, one thread: at most 50 points per second, so 3500 points need > 70 s.
    Instant start = Instant.now();
    SlurmDriver driver = start("1", "3500", "20", "120000", POLL_MILLIS, "walltime=60000");
    String output = awaitSuccess(driver);

    assertThat(output).contains("reached its walltime; resubmitting")
        .containsPattern(doneWithFailures(FIRST, 0));
    List<Path> logs = logs(store, FIRST);
    assertThat(logs.size()).as("the stopped job and at least one more").isGreaterThanOrEqualTo(2);
    long saved = RunFiles.savedWhenStopped(logs.get(0), "its walltime is nearly over");
    // How many depends on when the warning came: the signal lead is clamped to half of the
    // minute, and SLURM may deliver it early (scripts/slurm/README.md); under load 484 points
    // were seen. A job that saved nothing would be resubmitted for ever.
    assertThat(saved).as(Files.readString(logs.get(0))).isPositive();
    assertThat(resumedCounts(store, FIRST).subList(0, 2)).containsExactly(0L, saved);
    assertThat(SlurmQueue.jobsUnder(dir)).as("no job was killed at the limit")
        .noneMatch(j -> j.state().equals("TIMEOUT"));
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(3));
  }
}
