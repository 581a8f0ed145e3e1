/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.AdaptiveException;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.JobStatus;
import io.adaptive.runtime.spi.PartialSubmissionException;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the run manager hands the jobs of one turn to {@link BackendSession#submitAll}: all of them
 * in one call, within maxJobs and the pacer, recorded as submitting first, and a failure charged
 * to exactly the learners whose jobs were not submitted.
 */
final class RunManagerSubmitAllTest {

  @TempDir Path dir;
  private RunDatabase database;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
  }

  // ------------------------------------------------------------------------------- one call

  @Test
  void submitPending_eightLearners_oneSubmitAllCallWithEightJobs() {
    RecordingSession session = new RecordingSession();
    RunManager manager = manager(8, session, s -> {});

    manager.submitPending();

    assertThat(session.calls).hasSize(1);
    assertThat(session.calls.get(0)).extracting(JobRequest::learner)
        .containsExactly("l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7");
    for (int i = 0; i < 8; i++) {
      LearnerRecord record = database.learner("l" + i).orElseThrow();
      assertThat(record.state()).isEqualTo(LearnerState.QUEUED);
      assertThat(record.backendJob()).isEqualTo("fake-" + (i + 1));
    }
  }

  @Test
  void submitPending_everyLearnerIsRecordedAsSubmittingBeforeTheCall() {
    RecordingSession session = new RecordingSession();
    RunManager manager = manager(3, session, s -> {});
    session.beforeSubmit = requests -> {
      for (JobRequest request : requests) {
        // In the run database (committed by the same turn) before the backend is asked.
        LearnerRecord record = database.learner(request.learner()).orElseThrow();
        assertThat(record.job()).isEqualTo(request.job());
        assertThat(record.backendJob()).isEmpty();
      }
    };

    manager.submitPending();

    assertThat(session.calls).hasSize(1);
  }

  @Test
  void submitPending_maxJobs_limitsTheCallToWhatMayStillBeSubmitted() {
    RecordingSession session = new RecordingSession();
    RunManager manager = manager(8, session, s -> s.maxJobs = 3);

    manager.submitPending();
    manager.submitPending();

    assertThat(session.calls).hasSize(1);
    assertThat(session.calls.get(0)).hasSize(3);
  }

  @Test
  void submitPending_pacer_limitsTheCallToWhatItAllows() {
    RecordingSession session = new RecordingSession();
    int[] tokens = {2};
    RunManager manager = manager(8, session, s -> s.pacer = () -> tokens[0]-- > 0);

    manager.submitPending();

    assertThat(session.calls).hasSize(1);
    assertThat(session.calls.get(0)).extracting(JobRequest::learner).containsExactly("l0", "l1");
  }

  @Test
  void submitPending_groupingSession_takesOnePermitForTheWholeTurn() {
    RecordingSession session = new RecordingSession();
    session.grouped = true;
    int[] tokens = {1};
    RunManager manager = manager(8, session, s -> s.pacer = () -> tokens[0]-- > 0);

    manager.submitPending();

    assertThat(session.calls).hasSize(1);
    assertThat(session.calls.get(0)).hasSize(8);
    assertThat(tokens[0]).as("permits left").isZero();
  }

  @Test
  void submitPending_groupingSessionWithoutAPermit_submitsNothing() {
    RecordingSession session = new RecordingSession();
    session.grouped = true;
    RunManager manager = manager(8, session, s -> s.pacer = () -> false);

    manager.submitPending();

    assertThat(session.calls).isEmpty();
  }

  @Test
  void submitPending_everySlotTaken_asksThePacerForNothing() {
    RecordingSession session = new RecordingSession();
    session.grouped = true;
    int[] asked = {0};
    RunManager manager = manager(8, session, s -> {
      s.maxJobs = 3;
      s.pacer = () -> ++asked[0] > 0;
    });

    manager.submitPending();
    manager.submitPending();

    assertThat(session.calls).hasSize(1);
    assertThat(asked[0]).as("permits asked for").isEqualTo(1);
  }

  // ------------------------------------------------------------------------------- settled

  @Test
  void settled_followsEveryChangeOfState_untilNoLearnerIsLeftToRun() {
    RecordingSession session = new RecordingSession();
    session.failAll = true;
    RunManager manager = manager(3, session, s -> s.maxFailures = 2);

    int turns = 0;
    while (!manager.settled()) {
      assertThat(turns++).as("turns before every learner failed").isLessThan(10);
      assertThat(database.learners()).as("a learner still to run")
          .anyMatch(r -> r.state() == LearnerState.PENDING || r.state() == LearnerState.QUEUED
              || r.state() == LearnerState.RUNNING);
      manager.submitPending();
    }

    assertThat(database.learners()).extracting(LearnerRecord::state)
        .containsOnly(LearnerState.FAILED).hasSize(3);
    assertThat(session.calls).hasSize(2);
  }

  // -------------------------------------------------------------------------------- failures

  @Test
  void submitPending_partialFailure_failsOnlyTheLearnersWithoutAJob() {
    RecordingSession session = new RecordingSession();
    session.refuse = Set.of(1, 3);
    RunManager manager = manager(4, session, s -> {});

    manager.submitPending();

    for (String learner : List.of("l0", "l2")) {
      LearnerRecord record = database.learner(learner).orElseThrow();
      assertThat(record.state()).as(learner).isEqualTo(LearnerState.QUEUED);
      assertThat(record.failures()).as(learner).isZero();
    }
    assertThat(database.learner("l0").orElseThrow().backendJob()).isEqualTo("fake-1");
    assertThat(database.learner("l2").orElseThrow().backendJob()).isEqualTo("fake-3");
    for (String learner : List.of("l1", "l3")) {
      LearnerRecord record = database.learner(learner).orElseThrow();
      assertThat(record.state()).as(learner).isEqualTo(LearnerState.PENDING);
      assertThat(record.failures()).as(learner).isEqualTo(1);
      assertThat(record.job()).as(learner).isEmpty();
      assertThat(record.lastError()).as(learner)
          .isEqualTo("submitting its job failed: io.adaptive.AdaptiveException: refused "
              + learner);
    }
  }

  @Test
  void submitPending_callFailsAltogether_failsEveryLearnerOfTheTurn_andTriesAgainLater() {
    RecordingSession session = new RecordingSession();
    session.failAll = true;
    RunManager manager = manager(3, session, s -> {});

    manager.submitPending();

    for (int i = 0; i < 3; i++) {
      LearnerRecord record = database.learner("l" + i).orElseThrow();
      assertThat(record.state()).isEqualTo(LearnerState.PENDING);
      assertThat(record.failures()).isEqualTo(1);
      assertThat(record.lastError()).isEqualTo("submitting its job failed:"
          + " io.adaptive.AdaptiveException: the scheduler is down");
    }
    session.failAll = false;
    manager.submitPending();
    assertThat(session.calls).hasSize(2);
    assertThat(session.calls.get(1)).hasSize(3);
  }

  @Test
  void defaultSubmitAll_goesOnAfterAFailure_andReportsWhichWereSubmitted() {
    List<JobRequest> requests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      requests.add(new JobRequest("l" + i, "j" + i, Defaults.RESOURCES, dir, NoLaunch.INSTANCE,
          dir.resolve("l" + i + ".log")));
    }
    BackendSession oneByOne = new NoJobsSession() {
      int n;

      @Override
      public String submit(JobRequest request) {
        if (request.learner().equals("l1")) {
          throw new AdaptiveException("no room for l1");
        }
        return "x" + (++n);
      }

    };

    PartialSubmissionException e = org.junit.jupiter.api.Assertions.assertThrows(
        PartialSubmissionException.class, () -> oneByOne.submitAll(requests));

    assertThat(e.jobIds()).containsExactly("x1", "", "x2");
    assertThat(e.failures()).containsOnlyKeys(1);
    assertThat(e.getMessage()).isEqualTo("1 of 3 jobs could not be submitted; the first failure:"
        + " no room for l1");
  }

  // -------------------------------------------------------------------------------- fixtures

  private RunManager manager(int learners, BackendSession session,
      Consumer<RunSettings.Builder> settings) {
    List<LearnerTask> tasks = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      tasks.add(new LearnerTask("l" + i, List.of(),
          new Learner1DSpec(-1, 1, new Loss1D.Default(), x -> x), new Goal.Points(100),
          Defaults.RESOURCES));
    }
    RunDirectory run = new RunDirectory(dir);
    database = RunDatabase.open(run.runDatabase());
    RunSettings resolved = RunSettings.defaults().with(s -> {
      s.maxFailures = 3;
      s.pacer = SubmissionPacer.unlimited();
      settings.accept(s);
    });
    RunManager manager = new RunManager(new ExecutionPlan("submit-all", tasks), resolved, run,
        database, session, assignment -> NoLaunch.INSTANCE, "secret", Integer.MAX_VALUE,
        Clock.systemUTC());
    manager.prepare();
    return manager;
  }

  /** Records each submitAll call; refuses the requests at the given indexes of a call. */
  private static final class RecordingSession extends NoJobsSession {
    final List<List<JobRequest>> calls = new ArrayList<>();
    Set<Integer> refuse = Set.of();
    boolean failAll;
    Consumer<List<JobRequest>> beforeSubmit = requests -> {};
    boolean grouped;
    private int sequence;

    @Override
    public boolean submitsInGroups() {
      return grouped;
    }

    @Override
    public List<String> submitAll(List<JobRequest> requests) {
      beforeSubmit.accept(requests);
      calls.add(List.copyOf(requests));
      if (failAll) {
        throw new AdaptiveException("the scheduler is down");
      }
      List<String> ids = new ArrayList<>();
      Map<Integer, RuntimeException> failures = new java.util.HashMap<>();
      for (int i = 0; i < requests.size(); i++) {
        if (refuse.contains(i)) {
          failures.put(i, new AdaptiveException("refused " + requests.get(i).learner()));
          ids.add("");
        } else {
          ids.add("fake-" + (i + 1));
        }
      }
      if (!failures.isEmpty()) {
        throw new PartialSubmissionException(ids, failures);
      }
      return ids;
    }

    @Override
    public String submit(JobRequest request) {
      throw new AssertionError("the run manager submits through submitAll");
    }
  }

  /** A session whose jobs are never polled, cancelled or adopted: only submission is tested. */
  private abstract static class NoJobsSession implements BackendSession {
    @Override
    public boolean adopt(String jobId, JobRequest request) {
      return false;
    }

    @Override
    public Map<String, JobStatus> poll() {
      return Map.of();
    }

    @Override
    public void cancel(String jobId) {}

    @Override
    public void kill(String jobId) {}

    @Override
    public void close() {}
  }
}
