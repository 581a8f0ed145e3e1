/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adaptive.backend.pbs.fake.FakePbsServer;
import io.adaptive.plan.Defaults;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.WorkerLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PBS backend session against the fake PBS, job by job: what a poll reports when qstat fails,
 * hangs or prints garbage, one qstat per poll, batched qdel.
 */
final class PbsSessionIT {

  @TempDir Path dir;
  private FakePbsServer pbs;
  private BackendSession session;
  private int jobs;

  @BeforeEach
  void open() throws Exception {
    pbs = FakePbsServer.install(dir.resolve("pbs"));
    session = Pbs.backend().executables(pbs.bin()).commandTimeout(Duration.ofSeconds(3))
        .exitFileGrace(Duration.ofSeconds(2)).open();
  }

  @AfterEach
  void close() throws Exception {
    session.close();
    pbs.close();
  }

  private String submit(long millis, int exit) {
    String job = "j" + ++jobs + "-test";
    List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
        System.getProperty("java.class.path"), TinyJob.class.getName(), String.valueOf(millis),
        String.valueOf(exit));
    WorkerLaunch launch = new WorkerLaunch() {
      @Override
      public List<String> command() {
        return command;
      }

      @Override
      public Map<String, String> environment() {
        return Map.of("ADAPTIVE_JOB", job);
      }

      @Override
      public int runInThisJvm() {
        throw new UnsupportedOperationException();
      }
    };
    return session.submit(new JobRequest("tiny[" + jobs + "]", job, Defaults.RESOURCES,
        dir.resolve("run"), launch, dir.resolve("run/logs/" + job + ".log")));
  }

  private JobStatus awaitState(String id, JobState state) {
    JobStatus[] last = new JobStatus[1];
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      last[0] = session.poll().get(id);
      return last[0] != null && last[0].state() == state;
    });
    return last[0];
  }

  private long qstats() throws Exception {
    return pbs.commands().stream().filter(l -> l.contains(" qstat ")).count();
  }

  // ---- poll ----

  @Test
  void poll_jobEndsWithItsExitStatus_fromTheExitFile() throws Exception {
    String id = submit(500, 3);
    assertThat(id).isEqualTo("1.fakepbs");

    JobStatus status = awaitState(id, JobState.EXITED);

    assertThat(status.exitStatus()).isEqualTo(3);
    assertThat(status.infrastructure()).isFalse();
  }

  @Test
  void poll_oneQstatForAllJobs() throws Exception {
    List<String> ids = new ArrayList<>(List.of(submit(30_000, 0), submit(30_000, 0),
        submit(30_000, 0)));
    awaitState(ids.get(2), JobState.RUNNING);
    long before = qstats();

    Map<String, JobStatus> statuses = session.poll();

    assertThat(qstats() - before).isEqualTo(1);
    assertThat(statuses).containsKeys(ids.toArray(String[]::new));
    assertThat(pbs.commands().get(pbs.commands().size() - 1))
        .endsWith("qstat -f -x 1.fakepbs 2.fakepbs 3.fakepbs");
  }

  @Test
  void poll_garbageFromQstat_keepsTheLastStateAndSaysWhy() throws Exception {
    String id = submit(30_000, 0);
    awaitState(id, JobState.RUNNING);
    pbs.garbageQstat("<html><body>502 Bad Gateway</body></html>");

    JobStatus status = session.poll().get(id);

    assertThat(status.state()).isEqualTo(JobState.RUNNING);
    assertThat(status.detail()).contains("stale: the status query failed at ")
        .contains("(cannot read the output of qstat -f: line 1 is text outside a job block"
            + " (blocks open with 'Job Id: <id>'): '<html><body>502 Bad Gateway</body></html>';")
        .endsWith("so nothing is concluded from it");
    pbs.garbageQstat(null);
    JobStatus again = session.poll().get(id);
    assertThat(again.state()).isEqualTo(JobState.RUNNING);
    assertThat(again.detail()).doesNotContain("stale");
  }

  @Test
  void poll_qstatFailsOrHangs_keepsTheLastStateAndSaysWhy() throws Exception {
    String id = submit(30_000, 0);
    awaitState(id, JobState.RUNNING);

    pbs.failQstat(1);
    assertThat(session.poll().get(id).detail()).contains("stale")
        .contains("(qstat failed with exit code 2: 'Connection refused");
    pbs.hangQstat(Duration.ofSeconds(6));
    JobStatus hung = session.poll().get(id);
    assertThat(hung.state()).isEqualTo(JobState.RUNNING);
    assertThat(hung.detail()).contains("stale").contains("qstat did not answer in time");
    pbs.hangQstat(Duration.ZERO);
    assertThat(session.poll().get(id).detail()).doesNotContain("stale");
  }

  @Test
  void poll_heldJob_isQueuedWithHowToRelease() throws Exception {
    pbs.holdNext(1);
    String id = submit(1000, 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> "H".equals(pbs.state(1)));

    JobStatus status = session.poll().get(id);

    assertThat(status.state()).isEqualTo(JobState.QUEUED);
    assertThat(status.detail()).startsWith("H (held: it will not start by itself; release it with"
        + " qrls 1.fakepbs (Job held by ");
  }

  // ---- cancel ----

  @Test
  void cancel_threeJobs_oneQdel_andEachEndsStopped() throws Exception {
    List<String> ids = List.of(submit(30_000, 0), submit(30_000, 0), submit(30_000, 0));
    for (String id : ids) {
      awaitState(id, JobState.RUNNING);
    }

    ids.forEach(session::cancel);

    await().atMost(Duration.ofSeconds(30)).until(() -> pbs.commands().stream()
        .anyMatch(l -> l.contains(" qdel ")));
    Thread.sleep(500);
    assertThat(pbs.commands().stream().filter(l -> l.contains(" qdel ")).toList())
        .singleElement().satisfies(l -> assertThat(l)
            .endsWith("qdel 1.fakepbs 2.fakepbs 3.fakepbs"));
    for (String id : ids) {
      JobStatus status = awaitState(id, JobState.EXITED);
      assertThat(status.exitStatus()).as(status.detail()).isEqualTo(143);
      assertThat(status.detail()).contains("exit file: 143");
    }
  }

  @Test
  void kill_usesQsigKill() throws Exception {
    String id = submit(30_000, 0);
    awaitState(id, JobState.RUNNING);

    session.kill(id);

    JobStatus status = awaitState(id, JobState.EXITED);
    assertThat(pbs.commands()).anyMatch(l -> l.endsWith("qsig -s KILL 1.fakepbs"));
    assertThat(pbs.exitStatus(1)).isEqualTo(265);
    assertThat(status.state()).isEqualTo(JobState.EXITED);
  }
}
