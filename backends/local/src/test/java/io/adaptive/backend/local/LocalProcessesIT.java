/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static io.adaptive.backend.local.RunDirectoryFiles.logs;
import static io.adaptive.backend.local.RunDirectoryFiles.resumedCounts;
import static io.adaptive.backend.local.RunDirectoryFiles.rows;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local process backend end to end: {@link SweepProgram} runs as a real driver JVM that
 * relaunches itself as worker JVMs, with MapDB files in a temporary directory.
 */
final class LocalProcessesIT {

  @TempDir Path dir;

  // ---- run and resume ----

  @Test
  void sweep_runsEveryLearnerToItsGoal_thenASecondRunStartsNoJob() throws Exception {
    Path store = dir.resolve("store");
    Driver first = Driver.start(dir, store, "2", "3", "300", "0", "500");
    assertThat(first.awaitExit()).as(first.output()).isZero();
    assertThat(first.output()).contains("3 done, 0 failed of 3 learners");
    for (String learner : List.of("peak[a=0.01]", "peak[a=0.02]", "peak[a=0.03]")) {
      assertThat(rows(store, learner)).isGreaterThanOrEqualTo(300);
    }
    assertThat(logs(store)).hasSize(3);
    // run() never returns in a worker: the line the driver prints after it is in no job log.
    assertThat(first.output()).contains(SweepProgram.AFTER_RUN + first.process().pid());
    for (Path log : logs(store)) {
      assertThat(Files.readString(log)).as(log.toString()).isNotEmpty()
          .doesNotContain(SweepProgram.AFTER_RUN);
    }

    Driver second = Driver.start(dir, store, "2", "3", "300", "0", "500");
    assertThat(second.awaitExit()).as(second.output()).isZero();
    assertThat(second.output()).contains("3 of 3 learners already reached their goal")
        .contains("3 done, 0 failed of 3 learners");
    assertThat(logs(store)).as("no job started the second time").hasSize(3);
  }

  // ---- failures ----

  @Test
  void killedJob_isResubmitted_andResumesFromItsLastCheckpoint() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "3000", "1", "200");
    driver.awaitRows(store, "peak[a=0.01]", 300);
    long saved = rows(store, "peak[a=0.01]");
    List<ProcessHandle> workers = driver.workers();
    assertThat(workers).as("one worker JVM").hasSize(1);
    workers.get(0).destroyForcibly();

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("1 done, 0 failed of 1 learners");
    assertThat(driver.output()).containsPattern("peak\\[a=0.01\\]\\s+done\\s+\\d+\\s+\\S+\\s+1");
    List<Long> resumed = resumedCounts(store);
    assertThat(resumed).as("two jobs: the killed one and its replacement").hasSize(2);
    assertThat(resumed).contains(0L);
    assertThat(resumed.stream().mapToLong(Long::longValue).max().getAsLong())
        .as("the replacement loaded at least the checkpoint seen before the kill")
        .isGreaterThanOrEqualTo(saved);
    assertThat(rows(store, "peak[a=0.01]")).isGreaterThanOrEqualTo(3000);
  }

  @Test
  void killedDriver_restartedDriverAdoptsTheRunningWorker_withoutASecondJob() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "6000", "1", "200");
    driver.awaitRows(store, "peak[a=0.01]", 300);
    List<ProcessHandle> workers = driver.workers();
    assertThat(workers).hasSize(1);
    driver.process().destroyForcibly();
    driver.process().waitFor(30, TimeUnit.SECONDS);
    assertThat(workers.get(0).isAlive()).as("the worker outlives its manager").isTrue();

    Driver again = Driver.start(dir, store, "1", "1", "6000", "1", "200");
    assertThat(again.awaitExit()).as(again.output()).isZero();
    assertThat(again.output()).contains("adopted job j1-")
        .contains("1 done, 0 failed of 1 learners");
    assertThat(logs(store)).as("no second job was started").hasSize(1);
    assertThat(Files.readString(logs(store).get(0))).contains("lost the run manager")
        .contains("reconnected to the run manager");
    assertThat(rows(store, "peak[a=0.01]")).isGreaterThanOrEqualTo(6000);
  }

  @Test
  void killedDriver_threeLearnersOneAlreadyDone_runningJobsAreAdopted_doneOneIsNotRerun()
      throws Exception {
    Path store = dir.resolve("store");
    String[] args = {"3", "3", "6000", "1", "200", "firstPoints=100"};
    Driver driver = Driver.start(dir, store, args);
    String quick = "peak[a=0.01]";
    // Done as the manager published it: committed to the run database before the status file.
    await().atMost(Duration.ofMinutes(2)).until(() -> stateOf(store, quick).equals("DONE"));
    driver.awaitRows(store, "peak[a=0.02]", 300);
    driver.awaitRows(store, "peak[a=0.03]", 300);
    await().atMost(Duration.ofMinutes(1)).until(() -> driver.workers().size() == 2);
    List<ProcessHandle> workers = driver.workers();
    assertThat(logsOf(store, quick)).hasSize(1);
    assertThat(logsOf(store, "peak[a=0.02]")).hasSize(1);
    assertThat(logsOf(store, "peak[a=0.03]")).hasSize(1);
    driver.process().destroyForcibly();
    driver.process().waitFor(30, TimeUnit.SECONDS);
    assertThat(workers).as("the running workers outlive their manager")
        .allMatch(ProcessHandle::isAlive);

    Driver again = Driver.start(dir, store, args);
    assertThat(again.awaitExit()).as(again.output()).isZero();
    assertThat(again.output()).contains("1 of 3 learners already reached their goal")
        .contains("3 done, 0 failed of 3 learners");
    assertThat(again.output().split("adopted job j", -1)).as(again.output()).hasSize(3);
    assertThat(logsOf(store, quick)).as("the done learner got no new job").hasSize(1);
    for (String learner : List.of("peak[a=0.02]", "peak[a=0.03]")) {
      List<Path> jobLogs = logsOf(store, learner);
      assertThat(jobLogs).as("%s: no second job, its running one was adopted", learner).hasSize(1);
      assertThat(Files.readString(jobLogs.get(0))).contains("reconnected to the run manager");
      assertThat(rows(store, learner)).isGreaterThanOrEqualTo(6000);
    }
    assertThat(rows(store, quick)).isBetween(100L, 6000L - 1);
  }

  private static String stateOf(Path store, String learner) throws java.io.IOException {
    return io.adaptive.runtime.store.StatusFile.read(store.resolve("status.tsv")).stream()
        .filter(r -> r.name().equals(learner)).map(r -> r.state().name()).findFirst().orElse("");
  }

  private static List<Path> logsOf(Path store, String learner) throws java.io.IOException {
    return logs(store).stream()
        .filter(p -> p.getFileName().toString().startsWith(learner + ".j")).toList();
  }

  @Test
  void killedDriverAndWorkers_theNextRunContinuesFromTheSavedPoints() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "3000", "1", "200");
    driver.awaitRows(store, "peak[a=0.01]", 300);
    driver.process().descendants().forEach(ProcessHandle::destroyForcibly);
    driver.process().destroyForcibly();
    driver.process().waitFor(30, TimeUnit.SECONDS);
    long saved = rows(store, "peak[a=0.01]");

    Driver again = Driver.start(dir, store, "1", "1", "3000", "1", "200");
    assertThat(again.awaitExit()).as(again.output()).isZero();
    assertThat(again.output()).contains("1 done, 0 failed of 1 learners");
    assertThat(resumedCounts(store)).contains(saved);
  }

  @Test
  void packedJobs_twoLearnersShareAWorkerJvm_andAKilledPackResumesBoth() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "2", "4", "3000", "1", "200", "pack=2");
    await().atMost(Duration.ofSeconds(60)).until(
        () -> rows(store, "peak[a=0.01]") >= 200 && rows(store, "peak[a=0.02]") >= 200);
    List<ProcessHandle> workers = driver.workers();
    assertThat(workers).as("one JVM runs the pack of two learners on the 2 cores").hasSize(1);
    workers.get(0).destroyForcibly();
    workers.get(0).onExit().get(30, TimeUnit.SECONDS);
    long savedFirst = rows(store, "peak[a=0.01]");
    long savedSecond = rows(store, "peak[a=0.02]");

    assertThat(driver.awaitExit()).as(driver.output()).isZero();
    assertThat(driver.output()).contains("4 done, 0 failed of 4 learners");
    List<Path> jobLogs = logs(store).stream().filter(p -> !Files.isSymbolicLink(p)).toList();
    assertThat(jobLogs).as("the killed pack, the second pack and the replacement").hasSize(3);
    String replacement = Files.readString(jobLogs.get(2));
    assertThat(replacement).contains("learner peak[a=0.01] resumed from " + savedFirst)
        .contains("learner peak[a=0.02] resumed from " + savedSecond);
  }

  @Test
  void throwingFunction_failsItsLearnerWithTheStackTrace_othersFinish() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "2", "2", "200", "0", "500", "throw");
    assertThat(driver.awaitExit()).as(driver.output()).isEqualTo(1);
    assertThat(driver.output()).contains("1 done, 1 failed of 2 learners")
        .contains("failed: peak[a=0.01]: the function failed 3 times at ")
        .contains("java.lang.IllegalStateException: no value above 0.5");
  }

  @Test
  void workerWithAnotherPlan_isRefusedBeforeItsFirstPoint() throws Exception {
    Path store = dir.resolve("store");
    Driver driver = Driver.start(dir, store, "1", "1", "100", "0", "500", "mismatch");
    assertThat(driver.awaitExit()).as(driver.output()).isEqualTo(1);
    assertThat(driver.output())
        .contains("failed: peak[a=0.01]: the worker for learner 'peak[a=0.01]' built a different plan");
    assertThat(logs(store)).hasSize(1);
    assertThat(Files.readString(logs(store).get(0)))
        .contains("main() must build the same plan on every launch");
    assertThat(rows(store, "peak[a=0.01]")).isZero();
  }
}
