/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static io.adaptive.backend.local.RunDirectoryFiles.logs;
import static io.adaptive.backend.local.RunDirectoryFiles.resumedCounts;
import static io.adaptive.backend.local.RunDirectoryFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run manager's handling of jobs that go wrong, with real worker JVMs: cancel requests, hung
 * workers, kill patterns, walltime stops and SIGTERM.
 */
final class FaultToleranceIT {

  private static final String LEARNER = "peak[a=0.01]";
  private static final String ONE_FAILURE = "peak\\[a=0.01\\]\\s+done\\s+\\d+\\s+\\S+\\s+1\\n";
  private static final String NO_FAILURE = "peak\\[a=0.01\\]\\s+done\\s+\\d+\\s+\\S+\\s+0\\n";

  @TempDir Path dir;

  @Test
  void crashingWorker_failsItsLearnerAfterMaxFailuresJobs_withItsLogTail_othersFinish()
      throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "2", "3", "200", "0", "500", "halt", "maxFailures=2");

    assertThat(driver.awaitExit()).as(driver.output()).isEqualTo(1);
    assertThat(driver.output()).contains("2 done, 1 failed of 3 learners")
        .containsPattern("peak\\[a=0.01\\]\\s+failed\\s+\\d+\\s+\\S+\\s+2\\n")
        .containsPattern("peak\\[a=0.02\\]\\s+done\\s+")
        .containsPattern("peak\\[a=0.03\\]\\s+done\\s+")
        .containsPattern("failed: peak\\[a=0.01\\]: job \\S+ \\(.*\\) of learner"
            + " peak\\[a=0.01\\] ended before its goal: exit status 42");
    List<Path> crashed = logs(store).stream()
        .filter(p -> p.getFileName().toString().startsWith(LEARNER + ".j")).toList();
    assertThat(crashed).as("one job per failure, maxFailures(2) of them").hasSize(2);
    for (Path log : crashed) {
      assertThat(Files.readString(log)).contains(SweepProgram.HALTING + LEARNER);
    }
    String lastError = io.adaptive.runtime.store.StatusFile.read(store.resolve("status.tsv"))
        .stream().filter(r -> r.name().equals(LEARNER)).findFirst().orElseThrow().lastError();
    assertThat(lastError).contains("exit status 42")
        .containsPattern("last lines of \\S*" + java.util.regex.Pattern.quote(
            crashed.get(1).getFileName().toString()))
        .contains(SweepProgram.HALTING + LEARNER);
    assertThat(driver.output()).contains("last error of " + LEARNER + ":\n" + lastError);
    assertThat(rows(store, "peak[a=0.02]")).isGreaterThanOrEqualTo(200);
    assertThat(rows(store, "peak[a=0.03]")).isGreaterThanOrEqualTo(200);
  }

  @Test
  void cancelRequest_stopsEveryLearnerAfterItSaved() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "2", "2", "100000", "1", "200");
    driver.awaitRows(store, LEARNER, 200);

    Path requests = Files.createDirectories(store.resolve("requests"));
    Path temporary = Files.writeString(requests.resolve("writing.tmp"), "*\n", StandardCharsets.UTF_8);
    Files.move(temporary, requests.resolve("cancel-1.txt"), StandardCopyOption.ATOMIC_MOVE);

    assertThat(driver.awaitExit()).as(driver.output()).isEqualTo(1);
    assertThat(driver.output()).contains("0 done, 0 failed, 2 cancelled of 2 learners");
    assertThat(Files.readString(logs(store).get(0))).contains("stopped: it was asked to stop");
    assertThat(requests.resolve("cancel-1.txt")).doesNotExist();
  }

  @Test
  void hungWorker_isKilledAfterItsHeartbeatTimeout_andItsLearnerResumes() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "2000", "1", "200", "heartbeat=3000");
    driver.awaitRows(store, LEARNER, 200);
    long saved = rows(store, LEARNER);
    List<ProcessHandle> workers = driver.workers();
    assertThat(workers).hasSize(1);
    new ProcessBuilder("kill", "-STOP", Long.toString(workers.get(0).pid())).start().waitFor();

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("its worker sent no heartbeat for")
        .containsPattern(ONE_FAILURE);
    assertThat(resumedCounts(store)).hasSize(2).element(1, org.assertj.core.api.InstanceOfAssertFactories.LONG)
        .isGreaterThanOrEqualTo(saved);
  }

  @Test
  void outputMatchingTheKillPattern_cancelsAndResubmitsTheJob() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "2000", "1", "200", "pattern");

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output())
        .contains("its output matched a kill pattern: 'MPI_ABORT was invoked on rank 3'")
        .containsPattern(ONE_FAILURE);
    assertThat(logs(store)).hasSize(2);
    assertThat(Files.readString(logs(store).get(0))).contains("stopped: it was asked to stop");
  }

  @Test
  void walltime_savesStopsAndResubmits_withoutChargingAFailure() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "3000", "1", "60000", "walltime=2500");

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("reached its walltime; resubmitting")
        .containsPattern(NO_FAILURE);
    String first = Files.readString(logs(store).get(0));
    assertThat(first).contains("stopped: its walltime is nearly over");
    List<Long> resumed = resumedCounts(store);
    assertThat(resumed.size()).isGreaterThanOrEqualTo(2);
    assertThat(resumed.get(1)).as("the walltime stop saved its points").isPositive();
  }

  @Test
  void walltimeWarningSignal_savesAtOnce_andIsResubmittedWithoutAFailure() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "3000", "1", "60000");
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      List<ProcessHandle> workers = driver.workers();
      return !workers.isEmpty() && Files.exists(store.resolve("logs"))
          && !logs(store).isEmpty() && Files.readString(logs(store).get(0)).contains("resumed from");
    });
    Thread.sleep(1500);
    long pid = driver.workers().get(0).pid();
    // What a batch scheduler sends ahead of the walltime (SLURM: --signal=B:USR1@<seconds>).
    new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("reached its walltime; resubmitting")
        .containsPattern(NO_FAILURE);
    String first = Files.readString(logs(store).get(0));
    java.util.regex.Matcher stopped = java.util.regex.Pattern
        .compile("saved at (\\d+) points and stopped: its walltime is nearly over").matcher(first);
    assertThat(stopped.find()).as(first).isTrue();
    long saved = Long.parseLong(stopped.group(1));
    assertThat(saved).as("no save interval passed: only the signal's save has these").isPositive();
    assertThat(resumedCounts(store)).containsExactly(0L, saved);
  }

  @Test
  void sigterm_savesFirst_andCountsAsAnExternalCancel() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "3000", "1", "60000");
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      List<ProcessHandle> workers = driver.workers();
      return !workers.isEmpty() && Files.exists(store.resolve("logs"))
          && !logs(store).isEmpty() && Files.readString(logs(store).get(0)).contains("resumed from");
    });
    Thread.sleep(1500);
    driver.workers().get(0).destroy();

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("something outside this run stopped it")
        .containsPattern(ONE_FAILURE);
    String first = Files.readString(logs(store).get(0));
    java.util.regex.Matcher stopped = java.util.regex.Pattern
        .compile("saved at (\\d+) points and stopped: it was asked to stop").matcher(first);
    assertThat(stopped.find()).as(first).isTrue();
    long saved = Long.parseLong(stopped.group(1));
    assertThat(saved).as("no save interval passed: only the SIGTERM save has these").isPositive();
    assertThat(resumedCounts(store)).containsExactly(0L, saved);
  }
}
