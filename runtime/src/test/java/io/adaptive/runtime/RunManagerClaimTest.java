/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.protocol.Hello;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import io.adaptive.runtime.store.StatusFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the run manager answers a worker's claim of a learner: only the job that holds the learner
 * may claim it; a worker of another live job is refused with the name of the holder, so that a
 * learner never runs in two jobs at once.
 */
final class RunManagerClaimTest {

  @TempDir Path dir;
  private RunDatabase database;
  private RunManager manager;
  private Thread loop;
  private List<LearnerTask> tasks;

  @BeforeEach
  void startManager() {
    tasks = new ArrayList<>();
    for (String name : List.of("l0", "l1")) {
      tasks.add(new LearnerTask(name, List.of(),
          new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x), new Goal.Points(100),
          Defaults.RESOURCES));
    }
    RunDirectory run = new RunDirectory(dir);
    database = RunDatabase.open(run.runDatabase());
    RunSettings settings = RunSettings.defaults().with(s -> {
      s.pacer = SubmissionPacer.unlimited();
      s.pollInterval = Duration.ofMillis(20);
      s.progressInterval = Duration.ofMillis(20);
    });
    manager = new RunManager(new ExecutionPlan("claims", tasks), settings, run, database,
        new RunningJobs(), assignment -> NoLaunch.INSTANCE, "secret", Integer.MAX_VALUE,
        Clock.systemUTC());
    loop = new Thread(() -> {
      try {
        manager.run(List.of());
      } catch (InterruptedException e) {
        // The test is over.
      }
    }, "run-manager");
    loop.setDaemon(true);
    loop.start();
  }

  @AfterEach
  void stopManager() throws InterruptedException {
    loop.interrupt();
    loop.join(30_000);
    database.close();
  }

  @Test
  void claim_byAnotherLiveJob_isRefusedNamingTheJobThatHoldsTheLearner() {
    Map<String, LearnerRecord> running = awaitRunning();
    String holder = running.get("l0").job();
    String other = running.get("l1").job();
    assertThat(holder).isNotEmpty().isNotEqualTo(other);

    String refusal = manager.claim(new Hello("l0", other, fingerprint("l0")));

    assertThat(refusal).isEqualTo("learner 'l0' is not assigned to job " + other + "; job "
        + holder + " holds it");
    assertThat(manager.claim(new Hello("l0", holder, fingerprint("l0"))))
        .as("the holder's own claim is accepted").isEmpty();
  }

  @Test
  void claim_byAJobTheManagerNeverStarted_isRefusedToo() {
    Map<String, LearnerRecord> running = awaitRunning();
    String holder = running.get("l1").job();

    assertThat(manager.claim(new Hello("l1", "j999-stale", fingerprint("l1"))))
        .isEqualTo("learner 'l1' is not assigned to job j999-stale; job " + holder + " holds it");
    assertThat(manager.claim(new Hello("l7", holder, fingerprint("l1"))))
        .isEqualTo("this run has no learner 'l7'");
  }

  /** Waits until the manager has published both learners as running in their own jobs. */
  private Map<String, LearnerRecord> awaitRunning() {
    Map<String, LearnerRecord> running = new HashMap<>();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      running.clear();
      for (LearnerRecord r : StatusFile.read(dir.resolve("status.tsv"))) {
        if (r.state() == LearnerState.RUNNING && !r.job().isEmpty()) {
          running.put(r.name(), r);
        }
      }
      return running.size() == 2;
    });
    return running;
  }

  private String fingerprint(String learner) {
    return tasks.stream().filter(t -> t.name().equals(learner)).findFirst().orElseThrow()
        .fingerprint();
  }

  /** A backend whose jobs all start at once and run until the test ends. */
  private static final class RunningJobs implements BackendSession {
    private final Map<String, JobStatus> jobs = new ConcurrentHashMap<>();
    private int sequence;

    @Override
    public String submit(JobRequest request) {
      String id = "fake-" + (++sequence);
      jobs.put(id, new JobStatus(id, JobState.RUNNING, -1));
      return id;
    }

    @Override
    public boolean adopt(String jobId, JobRequest request) {
      return false;
    }

    @Override
    public Map<String, JobStatus> poll() {
      return Map.copyOf(jobs);
    }

    @Override
    public void cancel(String jobId) {}

    @Override
    public void kill(String jobId) {}

    @Override
    public void close() {}
  }
}
