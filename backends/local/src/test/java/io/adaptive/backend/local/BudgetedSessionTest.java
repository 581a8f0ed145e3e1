/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.Defaults;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.WorkerLaunch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core budget of the local process backend, with real child processes. */
final class BudgetedSessionTest {

  @TempDir Path dir;

  @Test
  void processes_fiveOneCoreJobsOnTwoCores_neverRunMoreThanTwo() throws Exception {
    try (BudgetedSession session = (BudgetedSession) Local.processes(2).open()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(session.submit(request("sleep-" + i, 1, "sleep", "0.3")));
      }
      int mostRunning = 0;
      boolean sawQueued = false;
      while (true) {
        Map<String, JobStatus> statuses = session.poll();
        long running = statuses.values().stream().filter(s -> s.state() == JobState.RUNNING).count();
        sawQueued |= statuses.values().stream().anyMatch(s -> s.state() == JobState.QUEUED);
        mostRunning = Math.max(mostRunning, (int) running);
        if (statuses.values().stream().allMatch(s -> s.state() == JobState.EXITED)) {
          assertThat(statuses.values()).extracting(JobStatus::exitStatus).containsOnly(0);
          break;
        }
        Thread.sleep(20);
      }
      assertThat(mostRunning).isLessThanOrEqualTo(2);
      assertThat(session.peakCores()).isEqualTo(2);
      assertThat(sawQueued).as("jobs beyond the budget wait in the queue").isTrue();
    }
  }

  @Test
  void processes_resourceEnvironment_reachesTheJob() throws Exception {
    JobRequest plain = request("env", 1, "sh", "-c", "echo \"MY_SETTING=$MY_SETTING\"");
    java.util.TreeMap<String, String> env = new java.util.TreeMap<>(Map.of("MY_SETTING", "42"));
    io.adaptive.plan.ResourceShape r = plain.resources();
    JobRequest request = new JobRequest(plain.learner(), plain.job(),
        new io.adaptive.plan.ResourceShape(r.cores(), r.nodes(), r.tasks(), r.memory(),
            r.walltime(), r.partition(), r.account(), r.qos(), r.gpus(), r.exclusive(),
            r.constraint(), env, r.prelude(), r.schedulerOptions()),
        plain.runDirectory(), plain.launch(), plain.log());
    try (BudgetedSession session = (BudgetedSession) Local.processes(1).open()) {
      String id = session.submit(request);
      while (session.poll().get(id).state() != JobState.EXITED) {
        Thread.sleep(20);
      }
    }
    assertThat(java.nio.file.Files.readString(request.log())).contains("MY_SETTING=42");
  }

  @Test
  void processes_twoCoreJobBesideOneCoreJobs_waitsUntilBothCoresAreFree() throws Exception {
    try (BudgetedSession session = (BudgetedSession) Local.processes(2).open()) {
      session.submit(request("one", 1, "sleep", "0.3"));
      String big = session.submit(request("two", 2, "true"));
      assertThat(session.poll().get(big).state()).isEqualTo(JobState.QUEUED);
      while (session.poll().get(big).state() != JobState.EXITED) {
        Thread.sleep(20);
      }
      assertThat(session.peakCores()).isEqualTo(2);
    }
  }

  @Test
  void submit_moreCoresThanTheBudget_isRefused() {
    try (BackendSession session = Local.processes(2).open()) {
      assertThatThrownBy(() -> session.submit(request("big", 3, "true")))
          .isInstanceOf(AdaptiveException.class)
          .hasMessage("job for learner 'big' asks for 3 cores, more than the budget of 2");
    }
  }

  @Test
  void cancel_runningProcess_endsItWithSigterm() throws Exception {
    try (BackendSession session = Local.processes(1).open()) {
      String id = session.submit(request("long", 1, "sleep", "30"));
      String queued = session.submit(request("next", 1, "sleep", "30"));
      session.cancel(queued);
      session.cancel(id);
      while (session.poll().get(id).state() != JobState.EXITED) {
        Thread.sleep(20);
      }
      assertThat(session.poll().get(id).exitStatus()).isEqualTo(143);
      assertThat(session.poll().get(queued).state()).isEqualTo(JobState.EXITED);
    }
  }

  private JobRequest request(String learner, int cores, String... command) {
    return new JobRequest(learner, "j-" + learner, Defaults.RESOURCES.withCores(cores), dir,
        new WorkerLaunch() {
      @Override
      public List<String> command() {
        return List.of(command);
      }

      @Override
      public Map<String, String> environment() {
        return Map.of();
      }

      @Override
      public int runInThisJvm() {
        throw new UnsupportedOperationException();
      }
    }, dir.resolve(learner + ".log"));
  }
}
