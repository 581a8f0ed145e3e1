/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.dsl.Adaptive.gib;
import static io.adaptive.dsl.Adaptive.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adaptive.dsl.Resources;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on the real local SLURM cluster (scripts/slurm/start-local-cluster.sh). Skipped, loudly,
 * when {@code sinfo} finds no usable node; {@code REQUIRE_SLURM=1} makes that a failure.
 */
@Tag("slurm")
final class SlurmClusterIT {

  @TempDir Path directory;
  private Path run;
  private Path java;
  private BackendSession session;

  @BeforeAll
  static void clusterIsUsable() throws Exception { // also used by SlurmRunIT
    String reason = unusableBecause();
    if (reason.isEmpty()) {
      return;
    }
    String message = "SLURM not available: " + reason + "; start it as root with"
        + " scripts/slurm/start-local-cluster.sh";
    if ("1".equals(System.getenv("REQUIRE_SLURM"))) {
      Assertions.fail(message + " (REQUIRE_SLURM=1 makes this a failure)");
    }
    Assumptions.abort(message);
  }

  private static String unusableBecause() throws Exception {
    Process sinfo;
    try {
      sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
    } catch (IOException e) {
      return "sinfo cannot run (" + e.getMessage() + ")";
    }
    if (!sinfo.waitFor(15, TimeUnit.SECONDS)) {
      sinfo.destroyForcibly();
      return "sinfo -h -o %T did not answer within 15 s";
    }
    String out = new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (sinfo.exitValue() != 0) {
      return "sinfo -h -o %T exited " + sinfo.exitValue() + ": " + out;
    }
    return out.lines().anyMatch(state -> state.matches("idle|mixed|allocated")) ? ""
        : "no idle, mixed or allocated node (sinfo says '" + out + "')";
  }

  @BeforeEach
  void open() throws IOException {
    run = directory.resolve("run");
    java = FakeWorker.install(directory.resolve("bin"));
    session = Slurm.backend().exitFileGrace(Duration.ofSeconds(5))
        .commandTimeout(Duration.ofSeconds(30)).open();
  }

  @AfterEach
  void close() {
    session.close(); // cancels whatever still runs
  }

  private JobStatus awaitState(String id, JobState state, Duration atMost) {
    AtomicReference<JobStatus> last = new AtomicReference<>();
    await().atMost(atMost).pollInterval(Duration.ofMillis(500))
        .failFast(() -> last.get() != null && last.get().state() == JobState.EXITED
            && state != JobState.EXITED)
        .until(() -> {
          Map<String, JobStatus> statuses = session.poll();
          last.set(statuses.get(id));
          return last.get() != null && last.get().state() == state;
        });
    return last.get();
  }

  // ----------------------------------------------------------------------------------- jobs

  @Test
  void submit_workerExits3_isReportedWithItsStatus() throws Exception {
    JobRequest request = FakeWorker.request(run, "j1-a", FakeWorker.shape(1, 1,
        Duration.ofMinutes(5)), java, "exit3");

    String id = session.submit(request);
    JobStatus exited = awaitState(id, JobState.EXITED, Duration.ofSeconds(60));

    assertThat(exited.exitStatus()).isEqualTo(3);
    assertThat(exited.infrastructure()).isFalse();
    assertThat(exited.detail()).endsWith("exit file: 3");
    assertThat(Files.readString(run.resolve("jobs/j1-a.start"))).endsWith(" " + id + "\n");
    assertThat(run.resolve("jobs/j1-a.sbatch")).exists();
    assertThat(Files.readString(request.log())).contains("fake worker worker started");
    assertThat(FakeWorker.calls(run, "worker")).contains("args=-Xmx192m -cp /opt/app.jar Main exit3");
  }

  @Test
  void cancel_runningJob_workerStopsAndTheRunAskedForIt() throws Exception {
    String id = session.submit(FakeWorker.request(run, "j2-a", FakeWorker.shape(1, 1,
        Duration.ofMinutes(5)), java, "sleep"));
    awaitState(id, JobState.RUNNING, Duration.ofSeconds(60));
    await().atMost(Duration.ofSeconds(30))
        .until(() -> FakeWorker.calls(run, "worker").contains("started"));

    session.cancel(id);
    JobStatus exited = awaitState(id, JobState.EXITED, Duration.ofSeconds(60));

    assertThat(exited.exitStatus()).isEqualTo(6);
    assertThat(exited.detail()).contains("exit file: 6");
    assertThat(FakeWorker.calls(run, "worker")).endsWith("term\n");
  }

  @Test
  void submit_twoTasks_evaluatorRunsAsAStepOfTheJob() throws Exception {
    String id = session.submit(FakeWorker.request(run, "j3-a", FakeWorker.shape(2, 2,
        Duration.ofMinutes(5)), java, "await-evaluator"));

    JobStatus exited = awaitState(id, JobState.EXITED, Duration.ofSeconds(90));

    assertThat(exited.exitStatus()).as(exited.detail()).isZero();
    String rendezvous = "rendezvous=" + run.toAbsolutePath().resolve("jobs/j3-a.evaluators");
    assertThat(FakeWorker.calls(run, "worker")).contains("tasks=2 " + rendezvous + " step=\n");
    // Step 0 of the job: srun ran it inside the allocation. (srun turns the TERM it gets at the
    // end into a kill of its step, so evaluators are not asked to stop first.)
    assertThat(FakeWorker.calls(run, "evaluator")).contains("tasks=2 " + rendezvous + " step=0",
        "started");
  }

  @Test
  void submit_shortWalltime_workerGetsUsr1AndIsNotCharged() throws Exception {
    String id = session.submit(FakeWorker.request(run, "j4-a", FakeWorker.shape(1, 1,
        Duration.ofMinutes(1)), java, "sleep"));

    // --time=1 with a lead clamped to 30 s: USR1 comes 30-60 s after the start on this cluster.
    JobStatus exited = awaitState(id, JobState.EXITED, Duration.ofSeconds(150));

    assertThat(exited.exitStatus()).as(exited.detail()).isEqualTo(7);
    assertThat(exited.detail()).endsWith("exit file: 7 walltime");
    assertThat(FakeWorker.calls(run, "worker")).endsWith("usr1\n");
  }

  // ---------------------------------------------------------------------------------- adopt

  @Test
  void adopt_restartedSession_findsTheRunningJobByIdAndTag() throws Exception {
    JobRequest request = FakeWorker.request(run, "j5-a", FakeWorker.shape(1, 1,
        Duration.ofMinutes(5)), java, "sleep");
    String id = session.submit(request);
    awaitState(id, JobState.RUNNING, Duration.ofSeconds(60));
    BackendSession restarted = Slurm.backend().exitFileGrace(Duration.ofSeconds(5)).open();
    try {
      assertThat(restarted.adopt(id, request)).isTrue();
      assertThat(restarted.adopt("999999", FakeWorker.request(run, "j6-a",
          request.resources(), java, "sleep"))).isFalse();
      assertThat(restarted.poll().get(id).state()).isEqualTo(JobState.RUNNING);

      restarted.cancel(id);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> restarted.poll().get(id).state() == JobState.EXITED);
      assertThat(restarted.poll().get(id).exitStatus()).isEqualTo(6);
    } finally {
      restarted.close();
    }
  }

  // ------------------------------------------------------------------------------ dry run

  @Test
  void explain_scriptsOfEveryShape_passSbatchTestOnly() throws Exception {
    for (Resources shape : List.of(resources(), resources().cores(2).tasks(2).memory(gib(1)),
        resources().cores(2).exclusive().schedulerOption("--mail-type=NONE"))) {
      String text = SlurmScriptGoldenTest.script(Slurm.backend(), shape);
      Path script = Files.writeString(directory.resolve("test-only.sbatch"), text);
      Process sbatch = new ProcessBuilder("sbatch", "--test-only", script.toString())
          .redirectErrorStream(true).start();
      assertThat(sbatch.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String out = new String(sbatch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sbatch.exitValue()).as(out).isZero();
      assertThat(out).contains("to start at");
    }
  }
}
