/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What a backend starts for each task of a job. */
final class JobRequestTest {

  private static final Path RUN = Path.of("/runs/peak");
  private static final WorkerLaunch LAUNCH = new WorkerLaunch() {
    @Override
    public List<String> command() {
      return List.of("java", "Main");
    }

    @Override
    public Map<String, String> environment() {
      return Map.of("ADAPTIVE_ROLE", "worker", "ADAPTIVE_JOB", "j3-abc");
    }

    @Override
    public int runInThisJvm() {
      throw new UnsupportedOperationException();
    }
  };

  private static JobRequest request(int cores, int tasks) {
    ResourceShape shape = new ResourceShape(cores, 1, tasks, Defaults.MEMORY, Defaults.WALLTIME,
        "", "", "", 0, false, "", new TreeMap<>(), List.of(), List.of());
    return new JobRequest("peak", "j3-abc", shape, RUN, LAUNCH, RUN.resolve("logs/peak.log"));
  }

  // ---- rendezvousFile ----

  @Test
  void rendezvousFile_isUnderTheRunDirectory_namedByTheJob() {
    assertThat(request(4, 2).rendezvousFile()).isEqualTo(Path.of("/runs/peak/jobs/j3-abc.evaluators"));
  }

  // ---- taskEnvironment ----

  @Test
  void taskEnvironment_oneTask_isTheWorkersOwn() {
    assertThat(request(4, 1).taskEnvironment(0, "")).isEqualTo(LAUNCH.environment());
  }

  @Test
  void taskEnvironment_firstOfSeveral_isTheWorker_withTasksAndRendezvous() {
    assertThat(request(8, 4).taskEnvironment(0, "127.0.0.1")).containsExactlyInAnyOrderEntriesOf(
        Map.of("ADAPTIVE_ROLE", "worker", "ADAPTIVE_JOB", "j3-abc", "ADAPTIVE_TASKS", "4",
            "ADAPTIVE_RENDEZVOUS", "/runs/peak/jobs/j3-abc.evaluators",
            "ADAPTIVE_EVALUATOR_HOST", "127.0.0.1"));
  }

  @Test
  void taskEnvironment_otherTasks_areEvaluators_withoutAHostOverrideWhenNoneIsGiven() {
    assertThat(request(8, 4).taskEnvironment(3, "")).containsExactlyInAnyOrderEntriesOf(
        Map.of("ADAPTIVE_ROLE", "evaluator", "ADAPTIVE_JOB", "j3-abc", "ADAPTIVE_TASKS", "4",
            "ADAPTIVE_RENDEZVOUS", "/runs/peak/jobs/j3-abc.evaluators"));
  }

  @Test
  void taskEnvironment_taskOutsideTheJob_saysHowTasksCount() {
    assertThatThrownBy(() -> request(8, 4).taskEnvironment(4, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task '4' is not one of the 4 tasks of job j3-abc; tasks count from 0");
  }
}
