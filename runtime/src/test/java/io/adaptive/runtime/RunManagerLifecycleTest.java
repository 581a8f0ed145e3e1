/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.launch.ExitStatus;
import io.adaptive.runtime.protocol.Hello;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobState;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the run manager judges a job's end and keeps what it decided: an exit status that says the
 * learner failed, the interruption cap across restarts, and changes committed before a worker or
 * the backend is told.
 */
final class RunManagerLifecycleTest {

  @TempDir Path dir;
  private final List<RunDatabase> databases = new ArrayList<>();

  @AfterEach
  void close() {
    databases.forEach(RunDatabase::close);
  }

  // ------------------------------------------------------------------- LEARNER_FAILED

  @Test
  void exited_learnerFailedStatusWithoutItsReport_failsTheLearnerWithoutResubmitting()
      throws IOException {
    FakeSession session = new FakeSession();
    RunManager manager = manager(dir, session, s -> s.maxFailures = 3);
    manager.submitPending();
    LearnerRecord queued = record(dir, "l0");
    Path log = dir.resolve("logs").resolve("l0." + queued.job() + ".log");
    Files.writeString(log, "java.lang.ArithmeticException: boom\n");

    session.exit("fake-1", ExitStatus.LEARNER_FAILED, false);
    manager.reconcile(session.poll());
    manager.submitPending();

    LearnerRecord failed = record(dir, "l0");
    assertThat(failed.state()).isEqualTo(LearnerState.FAILED);
    assertThat(failed.failures()).isEqualTo(1);
    assertThat(failed.lastError())
        .startsWith("its function kept failing: job " + queued.job() + " (fake-1) exited with"
            + " status 3 (the learner failed), its worker's report of the error did not reach"
            + " the run manager")
        .contains("java.lang.ArithmeticException: boom");
    assertThat(session.submitted).as("jobs submitted: not resubmitted").hasSize(1);
    assertThat(manager.settled()).isTrue();
  }

  // ------------------------------------------------------------------ interruption cap

  @Test
  void interrupted_overAndOver_failsAfterTheCap_countingAcrossARestartedManager() {
    FakeSession session = new FakeSession();
    Consumer<RunSettings.Builder> cap = s -> s.maxInterruptions = 3;
    RunManager first = manager(dir, session, cap);
    for (int i = 0; i < 2; i++) {
      first.submitPending();
      session.exit(session.last(), 0, true);
      first.reconcile(session.poll());
      first.commitIfDirty();
    }
    assertThat(record(dir, "l0").interruptions()).isEqualTo(2);
    assertThat(record(dir, "l0").state()).isEqualTo(LearnerState.PENDING);

    // A new run manager on the reopened store goes on counting.
    reopen();
    RunManager second = manager(dir, session, cap);
    assertThat(record(dir, "l0").interruptions()).as("kept by the reopened store").isEqualTo(2);
    second.submitPending();
    session.exit(session.last(), 0, true);
    second.reconcile(session.poll());
    assertThat(record(dir, "l0").state()).as("3 interruptions are within the cap")
        .isEqualTo(LearnerState.PENDING);
    second.submitPending();
    session.exit(session.last(), 0, true);
    second.reconcile(session.poll());

    LearnerRecord failed = record(dir, "l0");
    assertThat(failed.state()).isEqualTo(LearnerState.FAILED);
    assertThat(failed.interruptions()).isEqualTo(4);
    assertThat(failed.lastError()).isEqualTo("interrupted 4 times (walltime, node failures,"
        + " preemption or unwatched ends; the last: NODE_FAIL), more than maxInterruptions(3);"
        + " raise the walltime or Runner.maxInterruptions, or check the nodes its jobs ran on");
    assertThat(session.submitted).hasSize(4);
  }

  // ------------------------------------------------------------- durable before told

  @Test
  void claim_isAnsweredOnlyOnceTheLearnerIsCommittedAsRunning() throws Exception {
    FakeSession session = new FakeSession();
    RunManager manager = manager(dir, session, s -> {});
    manager.submitPending();
    LearnerRecord queued = record(dir, "l0");
    Hello hello = new Hello("l0", queued.job(), queued.fingerprint());

    CompletableFuture<LearnerState> committedWhenAnswered = CompletableFuture.supplyAsync(() -> {
      assertThat(manager.claim(hello)).as("the claim's answer").isEmpty();
      return committed(dir).learner("l0").orElseThrow().state();
    });
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!committedWhenAnswered.isDone() && System.nanoTime() < deadline) {
      manager.handleEvents(() -> {});
      Thread.sleep(5);
    }

    assertThat(committedWhenAnswered.get()).isEqualTo(LearnerState.RUNNING);
  }

  @Test
  void cancel_isCommittedBeforeTheBackendIsAsked_andARestartedManagerEndsTheLearnerCancelled() {
    FakeSession session = new FakeSession();
    RunManager manager = manager(dir, session, s -> {});
    manager.submitPending();
    session.running("fake-1");
    manager.reconcile(session.poll());
    Path[] image = new Path[1];
    session.onStop = id -> {
      image[0] = crashImage(dir);
      RunDatabase committed = RunDatabase.open(new RunDirectory(image[0]).runDatabase());
      databases.add(committed);
      assertThat(committed.learner("l0").orElseThrow().stopping())
          .as("committed when the backend is asked").isEqualTo("the user cancelled it");
    };

    manager.cancelAll();
    manager.handleEvents(() -> {});
    assertThat(session.stopped).containsExactly("fake-1");

    // The manager dies here; a new one on what it committed adopts the job, which still runs.
    closeDatabaseOf(image[0]);
    FakeSession after = new FakeSession();
    after.onStop = id -> {};
    after.running("fake-1");
    after.adoptable.add("fake-1");
    RunManager restarted = manager(image[0], after, s -> {});
    assertThat(after.stopped).as("the cancel is sent again").containsExactly("fake-1");
    after.exit("fake-1", ExitStatus.STOPPED, false);
    restarted.reconcile(after.poll());
    restarted.submitPending();

    LearnerRecord cancelled = record(image[0], "l0");
    assertThat(cancelled.state()).isEqualTo(LearnerState.CANCELLED);
    assertThat(cancelled.failures()).as("a cancel is no failure").isZero();
    assertThat(cancelled.stopping()).isEmpty();
    assertThat(after.submitted).as("not resubmitted").isEmpty();
  }

  @Test
  void cancel_jobGoneWhenAManagerRestarts_endsCancelledInTheJournal_thenResumesAsDesigned() {
    FakeSession session = new FakeSession();
    RunManager manager = manager(dir, session, s -> {});
    manager.submitPending();
    session.running("fake-1");
    manager.reconcile(session.poll());
    manager.cancelAll();
    manager.handleEvents(() -> {});
    Path image = crashImage(dir); // the manager dies; its job ends while none watches

    FakeSession after = new FakeSession();
    manager(image, after, s -> {});

    LearnerRecord resumed = record(image, "l0");
    assertThat(resumed.state()).as("running again resumes a cancelled learner")
        .isEqualTo(LearnerState.PENDING);
    assertThat(resumed.stopping()).isEmpty();
    RunDatabase database = databases.get(databases.size() - 1);
    assertThat(database.journal("l0")).extracting(e -> e.to() + ": " + e.reason()).endsWith(
        "CANCELLED: cancelled by the user (its job ended while no run manager watched it)",
        "PENDING: the program was run again");
    assertThat(after.stopped).as("no job to stop").isEmpty();
  }

  @Test
  void killPattern_isCommittedBeforeTheBackendIsAsked() {
    FakeSession session = new FakeSession();
    RunManager manager = manager(dir, session, s -> s.killOn = line -> line.contains("MPI_ABORT"));
    manager.submitPending();
    LearnerRecord queued = record(dir, "l0");
    writeLog(dir.resolve("logs").resolve("l0." + queued.job() + ".log"), "MPI_ABORT on rank 3\n");
    String[] committedReason = new String[1];
    session.onStop = id -> {
      RunDatabase committed = RunDatabase.open(new RunDirectory(crashImage(dir)).runDatabase());
      databases.add(committed);
      committedReason[0] = committed.learner("l0").orElseThrow().stopping();
    };
    session.running("fake-1");

    manager.reconcile(session.poll());

    assertThat(session.stopped).containsExactly("fake-1");
    assertThat(committedReason[0])
        .isEqualTo("its output matched a kill pattern: 'MPI_ABORT on rank 3'");
  }

  // -------------------------------------------------------------------------- fixtures

  private RunManager manager(Path store, BackendSession session,
      Consumer<RunSettings.Builder> settings) {
    List<LearnerTask> tasks = List.of(new LearnerTask("l0", List.of(),
        new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x), new Goal.Points(100),
        Defaults.RESOURCES));
    RunDirectory run = new RunDirectory(store);
    RunDatabase database = RunDatabase.open(run.runDatabase());
    databases.add(database);
    RunSettings resolved = RunSettings.defaults().with(s -> {
      s.pacer = SubmissionPacer.unlimited();
      settings.accept(s);
    });
    RunManager manager = new RunManager(new ExecutionPlan("lifecycle", tasks), resolved, run,
        database, session, assignment -> NoLaunch.INSTANCE, "secret", Integer.MAX_VALUE,
        Clock.systemUTC());
    manager.prepare();
    return manager;
  }

  /** The record as the manager's open database has it. */
  private LearnerRecord record(Path store, String learner) {
    Path file = new RunDirectory(store).runDatabase();
    for (RunDatabase database : databases) {
      if (database.file().equals(file)) {
        return database.learner(learner).orElseThrow();
      }
    }
    throw new AssertionError("no open database at " + file);
  }

  private void reopen() {
    databases.forEach(RunDatabase::close);
    databases.clear();
  }

  private void closeDatabaseOf(Path store) {
    Path file = new RunDirectory(store).runDatabase();
    databases.removeIf(database -> {
      if (database.file().equals(file)) {
        database.close();
        return true;
      }
      return false;
    });
  }

  /** What is committed to the store at {@code store}: opened from a copy of its files now. */
  private RunDatabase committed(Path store) {
    RunDatabase copy = RunDatabase.open(new RunDirectory(crashImage(store)).runDatabase());
    synchronized (databases) {
      databases.add(copy);
    }
    return copy;
  }

  /** The files of the store as a kill -9 would leave them; the OS lock is not copied. */
  private Path crashImage(Path store) {
    Path image = dir.resolve("image-" + System.nanoTime());
    try {
      Files.createDirectories(image);
      Path database = new RunDirectory(store).runDatabase();
      try (Stream<Path> files = Files.list(database.getParent())) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          if (Files.isRegularFile(f) && name.startsWith(database.getFileName().toString())
              && !name.endsWith(".lock")) {
            Files.copy(f, image.resolve(database.getParent().relativize(f)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return image;
  }

  private static void writeLog(Path log, String text) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A backend whose jobs change state when the test says; it records stops and submissions. */
  private static final class FakeSession implements BackendSession {
    final List<JobRequest> submitted = new ArrayList<>();
    final List<String> stopped = new ArrayList<>();
    final Set<String> adoptable = new HashSet<>();
    final Map<String, JobStatus> statuses = new HashMap<>();
    Consumer<String> onStop = id -> {};
    private int sequence;

    @Override
    public String submit(JobRequest request) {
      submitted.add(request);
      String id = "fake-" + (++sequence);
      statuses.put(id, new JobStatus(id, JobState.QUEUED, -1));
      return id;
    }

    String last() {
      return "fake-" + sequence;
    }

    void running(String id) {
      statuses.put(id, new JobStatus(id, JobState.RUNNING, -1));
    }

    void exit(String id, int status, boolean infrastructure) {
      statuses.put(id, new JobStatus(id, JobState.EXITED, status,
          infrastructure ? "NODE_FAIL" : "", infrastructure));
    }

    @Override
    public boolean adopt(String jobId, JobRequest request) {
      return adoptable.contains(jobId);
    }

    @Override
    public Map<String, JobStatus> poll() {
      return Map.copyOf(statuses);
    }

    @Override
    public void cancel(String jobId) {
      onStop.accept(jobId);
      stopped.add(jobId);
    }

    @Override
    public void kill(String jobId) {
      cancel(jobId);
    }

    @Override
    public void close() {}
  }
}
