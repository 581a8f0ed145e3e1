/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunEnvironmentException;
import io.adaptive.runtime.RunHandle;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.launch.PointPolicy;
import io.adaptive.runtime.store.JournalFile;
import io.adaptive.runtime.store.LearnerEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on the in-process backend: the whole run manager and worker loop in one JVM. */
final class InProcessRunTest {

  @TempDir Path dir;

  @Test
  void run_twoLearners_bothReachTheirGoalWithDataAndHistory() {
    ExecutionPlan plan = plan(task("a", x -> x * x, new Goal.Points(200), 2),
        task("b", Math::sin, new Goal.Points(100).and(new Goal.LossBelow(0.5)), 1));
    RunResult result = runner().run(plan);

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    LearnerStatus a = result.learner("a");
    assertThat(a.state()).isEqualTo(LearnerState.DONE);
    assertThat(a.npoints()).isBetween(200L, 201L);
    assertThat(a.history()).isNotEmpty();
    assertThat(a.data()).exists();
    assertThat(result.learner("b").npoints()).isGreaterThanOrEqualTo(100);
    assertThat(result.summary()).contains("2 done, 0 failed of 2 learners");
  }

  @Test
  void start_returnsAtOnce_thenStatusAwaitAndCancelControlTheRun() throws Exception {
    ExecutionPlan plan = plan(task("slow", x -> {
      Thread.sleep(2);
      return x;
    }, new Goal.Points(1_000_000), 1), task("quick", x -> x, new Goal.Points(50), 1));
    RunHandle handle = runner().start(plan);

    assertThat(handle.await(Duration.ofMillis(300))).as("a million slow points take a while").isEmpty();
    assertThat(handle.isDone()).isFalse();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
        .until(() -> handle.status().learners().stream().anyMatch(l -> l.npoints() > 20));
    handle.cancel();
    RunResult result = handle.await(Duration.ofSeconds(30)).orElseThrow();

    assertThat(handle.isDone()).isTrue();
    assertThat(result.learner("slow").state()).isEqualTo(LearnerState.CANCELLED);
    assertThat(result.learner("quick").state()).isIn(LearnerState.DONE, LearnerState.CANCELLED);
    assertThat(result.summary()).contains("cancelled of 2 learners");
    long saved = Files.readAllLines(result.learner("slow").data()).size() - 1;
    assertThat(saved).as("the cancelled learner saved before it stopped").isPositive();
  }

  @Test
  void explain_localBackend_isThePlansOwnText_andCreatesNothing() {
    ExecutionPlan plan = plan(task("a", x -> x * x, new Goal.Points(200), 2));

    assertThat(runner().explain(plan)).isEqualTo(plan.explain());
    assertThat(dir.resolve("store")).doesNotExist();
  }

  @Test
  void run_sameStoreAgainWithAHigherGoal_continuesFromTheSavedData() throws Exception {
    runner().run(plan(task("a", x -> x * x, new Goal.Points(100), 1)));
    RunResult more = runner().run(plan(task("a", x -> x * x, new Goal.Points(300), 1)));

    assertThat(more.learner("a").npoints()).isEqualTo(300);
    long rows = Files.readAllLines(more.learner("a").data()).size() - 1;
    assertThat(rows).isEqualTo(300);
  }

  @Test
  void run_learnerAddedOnTheSecondRun_runs_andTheDoneOneIsNotRunAgain() throws Exception {
    RunResult first = runner().run(plan(task("a", x -> x * x, new Goal.Points(60), 1)));
    long pointsOfA = first.learner("a").npoints();
    RunResult second = runner().run(plan(task("a", x -> x * x, new Goal.Points(60), 1),
        task("b", Math::sin, new Goal.Points(80), 1)));

    assertThat(second.succeeded()).as(second.summary()).isTrue();
    assertThat(second.learner("b").state()).isEqualTo(LearnerState.DONE);
    assertThat(second.learner("b").npoints()).isGreaterThanOrEqualTo(80);
    assertThat(Files.readAllLines(second.learner("b").data())).hasSizeGreaterThan(80);
    assertThat(second.learner("a").npoints()).isEqualTo(pointsOfA);
    assertThat(JournalFile.read(dir.resolve("store").resolve("journal.tsv")))
        .filteredOn(e -> e.to() == LearnerState.QUEUED).extracting(LearnerEvent::learner)
        .as("jobs given to each learner over both runs").containsExactly("a", "b");
  }

  @Test
  void run_changedCores_keepsTheDataOfTheStoppedRun_andRunsWithTheNewCores() throws Exception {
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    ThrowingFunction counted = x -> {
      calls.incrementAndGet();
      most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(10);
      } finally {
        inFlight.decrementAndGet();
      }
      return x * x;
    };
    RunHandle first = runner().start(plan(task("a", counted, new Goal.Points(400), 1)));
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> first.status().learners().get(0).npoints() >= 40);
    first.cancel();
    RunResult stopped = first.await(Duration.ofSeconds(60)).orElseThrow();
    assertThat(stopped.learner("a").state()).isEqualTo(LearnerState.CANCELLED);
    assertThat(most.get()).as("one core: one evaluation at a time").isEqualTo(1);
    List<String> saved = Files.readAllLines(stopped.learner("a").data());
    assertThat(saved.size() - 1).isPositive().isLessThan(400)
        .as("the cancelled worker's last save holds every evaluated point (one was in flight)")
        .isGreaterThanOrEqualTo(calls.get() - 1);

    most.set(0);
    RunResult again = runner().run(plan(task("a", counted, new Goal.Points(400), 2)));

    assertThat(again.learner("a").state()).isEqualTo(LearnerState.DONE);
    assertThat(again.learner("a").npoints()).isGreaterThanOrEqualTo(400);
    assertThat(Files.readAllLines(again.learner("a").data()))
        .as("the points saved by the first run are kept").containsAll(saved);
    assertThat(most.get()).as("cores(2) took effect: two evaluations at a time").isEqualTo(2);
  }

  @Test
  void run_coresThree_evaluatesExactlyThreePointsAtOnce() {
    java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    RunResult result = Runner.on(Local.inProcess(3)).store(dir.resolve("store")).quiet()
        .pollInterval(Duration.ofMillis(20)).run(plan(task("a", x -> {
          most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            Thread.sleep(20);
          } finally {
            inFlight.decrementAndGet();
          }
          return x;
        }, new Goal.Points(90), 3)));

    assertThat(result.learner("a").state()).isEqualTo(LearnerState.DONE);
    assertThat(most.get()).as("evaluations in flight at once with cores(3)").isEqualTo(3);
  }

  @Test
  void run_elapsedGoal_countsTheTimeOfTheStoppedRun_andEndsOnceTheTotalPassesIt()
      throws Exception {
    Duration goal = Duration.ofSeconds(6);
    ExecutionPlan plan = plan(task("timed", x -> {
      Thread.sleep(5);
      return x;
    }, new Goal.Elapsed(goal), 1));
    Path status = dir.resolve("store").resolve("status.tsv");
    RunHandle first = runner().start(plan);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> elapsedNanos(status) >= Duration.ofSeconds(3).toNanos());
    first.cancel();
    assertThat(first.await(Duration.ofSeconds(60)).orElseThrow().learner("timed").state())
        .isEqualTo(LearnerState.CANCELLED);
    long firstElapsed = elapsedNanos(status);
    assertThat(firstElapsed).isLessThan(goal.toNanos());

    long start = System.nanoTime();
    RunResult second = runner().run(plan);
    long secondWall = System.nanoTime() - start;

    assertThat(second.learner("timed").state()).isEqualTo(LearnerState.DONE);
    long total = elapsedNanos(status);
    assertThat(total).as("elapsed summed over both runs").isGreaterThanOrEqualTo(goal.toNanos())
        .isGreaterThan(firstElapsed);
    // Had the clock started again, the second run alone would have needed the whole goal.
    assertThat(secondWall).as("wall time of the second run, with %d ns already run", firstElapsed)
        .isLessThan(goal.toNanos());
  }

  private static long elapsedNanos(Path status) throws java.io.IOException {
    return io.adaptive.runtime.store.StatusFile.read(status).stream().findFirst()
        .map(io.adaptive.runtime.store.LearnerRecord::elapsedNanos).orElse(0L);
  }

  @Test
  void progress_withoutAConsole_printsTheCounts_butQuietPrintsNothing() throws Exception {
    java.io.PrintStream original = System.out;
    java.io.ByteArrayOutputStream quietOut = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream loudOut = new java.io.ByteArrayOutputStream();
    try {
      System.setOut(new java.io.PrintStream(quietOut, true, "UTF-8"));
      runner().run(plan(task("a", x -> x, new Goal.Points(20), 1)));
      System.setOut(new java.io.PrintStream(loudOut, true, "UTF-8"));
      Runner.on(Local.inProcess(2)).store(dir.resolve("loud")).pollInterval(Duration.ofMillis(20))
          .run(plan(task("a", x -> x, new Goal.Points(20), 1), task("b", x -> x, new Goal.Points(20), 1)));
    } finally {
      System.setOut(original);
    }

    assertThat(quietOut.toString("UTF-8")).as("quiet()").isEmpty();
    assertThat(loudOut.toString("UTF-8")).as("without quiet() and without a console")
        .contains("t: 2/2 learners settled; pending 0, queued 0, running 0, done 2, failed 0; ");
  }

  @Test
  void run_againWithoutALearner_reportsItRemoved_andKeepsItsRecordAndData() throws Exception {
    runner().run(plan(task("a", x -> x, new Goal.Points(30), 1),
        task("b", x -> x * x, new Goal.Points(40), 1)));

    RunResult again = runner().run(plan(task("a", x -> x, new Goal.Points(50), 1)));

    assertThat(again.learners()).extracting(LearnerStatus::name).containsExactly("a");
    assertThat(again.removed()).singleElement().satisfies(b -> {
      assertThat(b.name()).isEqualTo("b");
      assertThat(b.state()).isEqualTo(LearnerState.DONE);
      assertThat(b.npoints()).isEqualTo(40);
      assertThat(b.history()).isNotEmpty();
      assertThat(Files.readAllLines(b.data())).as("its data, kept").hasSize(41);
    });
    assertThat(again.summary()).contains("not in this plan, kept in the store: b (40 points)");
    io.adaptive.runtime.RunState state = io.adaptive.runtime.RunState.read(dir.resolve("store"));
    assertThat(state.learners()).extracting(r -> r.name()).containsExactly("a");
    assertThat(state.removed()).singleElement().satisfies(b -> {
      assertThat(b.name()).isEqualTo("b");
      assertThat(b.npoints()).isEqualTo(40);
    });
    // Still in the store: a plan that has it again finds it done, and does not run it again.
    RunResult back = runner().run(plan(task("a", x -> x, new Goal.Points(50), 1),
        task("b", x -> x * x, new Goal.Points(40), 1)));
    assertThat(back.removed()).isEmpty();
    assertThat(back.learner("b").npoints()).isEqualTo(40);
    assertThat(back.learner("b").history()).hasSameSizeAs(again.removed().get(0).history());
  }

  @Test
  void run_throwingFunction_failsOnlyThatLearner() {
    RunResult result = runner().run(plan(
        task("bad", x -> { throw new ArithmeticException("boom at " + x); }, new Goal.Points(10), 1),
        task("good", x -> x, new Goal.Points(10), 1)));

    assertThat(result.learner("good").state()).isEqualTo(LearnerState.DONE);
    LearnerStatus bad = result.learner("bad");
    assertThat(bad.state()).isEqualTo(LearnerState.FAILED);
    assertThat(bad.lastError()).startsWith("the function failed 3 times at -1.0: "
        + "java.lang.ArithmeticException: boom at -1.0")
        .contains("at io.adaptive.backend.local.InProcessRunTest");
  }

  @Test
  void run_hangingEvaluation_isAbandonedAfterTheTimeout_andSkipped() {
    RunResult result = runner().evaluationTimeout(Duration.ofMillis(300))
        .onError(PointPolicy.SKIP).run(plan(task("hangs", x -> {
          if (x == 0.0) {
            Thread.sleep(60_000);
          }
          return x * x;
        }, new Goal.Points(40), 2)));

    assertThat(result.learner("hangs").state()).isEqualTo(LearnerState.DONE);
    assertThat(result.learner("hangs").npoints()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void run_nonFiniteValues_areSkippedByDefault_orFailTheLearnerIfAsked() {
    ThrowingFunction nanAbove = x -> x > 0.5 ? Double.NaN : x;
    RunResult skipped = runner().run(plan(task("nan", nanAbove, new Goal.Points(60), 1)));
    assertThat(skipped.learner("nan").state()).isEqualTo(LearnerState.DONE);

    RunResult failed = Runner.on(Local.inProcess(2)).store(dir.resolve("other")).quiet()
        .pollInterval(Duration.ofMillis(20)).onNonFinite(PointPolicy.FAIL)
        .run(plan(task("nan", nanAbove, new Goal.Points(60), 1)));
    assertThat(failed.learner("nan").state()).isEqualTo(LearnerState.FAILED);
    assertThat(failed.learner("nan").lastError()).startsWith("the function failed once at ")
        .contains("java.lang.ArithmeticException: the function returned a non-finite value at ")
        .contains(": NaN");
  }

  @Test
  void run_maxJobsOne_neverHasTwoJobsAtOnce() throws Exception {
    List<LearnerTask> tasks = new java.util.ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      tasks.add(task(name, x -> x, new Goal.Points(30), 1));
    }
    RunResult result = runner().maxJobs(1).run(new ExecutionPlan("t", tasks));

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    int running = 0;
    int most = 0;
    for (LearnerEvent event : JournalFile.read(dir.resolve("store").resolve("journal.tsv"))) {
      running += (held(event.to()) ? 1 : 0) - (held(event.from()) ? 1 : 0);
      most = Math.max(most, running);
    }
    assertThat(most).as("learners held by a job at once, from the journal").isEqualTo(1);
  }

  private static boolean held(LearnerState state) {
    return state == LearnerState.QUEUED || state == LearnerState.RUNNING;
  }

  @Test
  void run_learnersPerJobTwo_packsFourLearnersIntoTwoJobs() throws Exception {
    List<LearnerTask> tasks = new java.util.ArrayList<>();
    for (String name : List.of("a", "b", "c", "d")) {
      tasks.add(task(name, x -> x * x, new Goal.Points(40), 1));
    }
    RunResult result = runner().learnersPerJob(2).run(new ExecutionPlan("t", tasks));

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    java.util.Map<String, java.util.Set<String>> learnersByJob = new java.util.TreeMap<>();
    for (LearnerEvent event : JournalFile.read(dir.resolve("store").resolve("journal.tsv"))) {
      if (event.to() == LearnerState.QUEUED) {
        learnersByJob.computeIfAbsent(event.job(), j -> new java.util.TreeSet<>())
            .add(event.learner());
      }
    }
    assertThat(learnersByJob.values()).containsExactly(
        java.util.Set.of("a", "b"), java.util.Set.of("c", "d"));
    for (String name : List.of("a", "b", "c", "d")) {
      assertThat(result.learner(name).npoints()).isGreaterThanOrEqualTo(40);
    }
  }

  @Test
  void start_storeIsOwnerOnly_andASecondRunManagerOnItIsRefused() throws Exception {
    ExecutionPlan plan = plan(task("slow", x -> {
      Thread.sleep(2);
      return x;
    }, new Goal.Points(1_000_000), 1));
    RunHandle first = runner().start(plan);
    try {
      Path store = dir.resolve("store");
      assertThat(java.nio.file.Files.getPosixFilePermissions(store))
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      assertThat(java.nio.file.Files.getPosixFilePermissions(store.resolve("secret")))
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      assertThatThrownBy(() -> runner().run(plan))
          .isInstanceOf(io.adaptive.AdaptiveException.class)
          .hasMessageStartingWith("the run store " + store + " is in use by another run manager"
              + " (pid " + ProcessHandle.current().pid() + " on host ")
          .hasMessageEndingWith("; wait for that run to end, stop it, or use another store"
              + " directory");
    } finally {
      first.cancel();
      first.await();
    }
  }

  @Test
  void run_changedLearnerDefinition_isRefusedBeforeAnythingRuns() {
    runner().run(plan(task("a", x -> x, new Goal.Points(10), 1)));
    ExecutionPlan changed = new ExecutionPlan("t", List.of(new LearnerTask("a", List.of(),
        new Learner1DSpec(-2, 1, new Loss1D.Default(), x -> x), new Goal.Points(10), shape(1))));

    assertThatThrownBy(() -> runner().run(changed))
        .isInstanceOf(RunEnvironmentException.class)
        .hasMessageContaining("cannot run experiment 't': 1 problem; nothing was started")
        .hasMessageContaining("learner 'a': its definition changed since its data was stored")
        .hasMessageContaining("; to start it afresh run `bin/adaptive forget "
            + dir.resolve("store") + " 'a'` (its record is in run.db, so deleting its data"
            + " directory is not enough), to keep the old data restore the old definition or use"
            + " another store directory")
        .hasMessageNotContaining("delete");
  }

  @Test
  void run_problemsOfTheEnvironment_areReportedTogether() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    ExecutionPlan plan = plan(task("a", x -> x, new Goal.Points(10), 3));

    assertThatThrownBy(() -> Runner.on(Local.inProcess(2)).store(file.resolve("store")).run(plan))
        .isInstanceOf(RunEnvironmentException.class)
        .satisfies(e -> assertThat(((RunEnvironmentException) e).problems()).hasSize(2))
        .hasMessageContaining("cannot run experiment 't': 2 problems; nothing was started")
        .hasMessageContaining("1. store directory '" + file.resolve("store") + "' cannot be created")
        .hasMessageContaining("2. learner 'a' asks for cores(3), but the in-process backend has a"
            + " budget of 2 cores, so it could never start; lower cores(..) or raise the budget,"
            + " e.g. Local.inProcess(3)");
  }

  @Test
  void processes_fromATestRunnerJvm_refuseToRelaunchAndSayHowToStart() {
    ExecutionPlan plan = plan(task("a", x -> x, new Goal.Points(10), 1));
    assertThatThrownBy(() -> Runner.on(Local.processes(1)).store(dir).quiet().run(plan))
        .isInstanceOf(RunEnvironmentException.class)
        .hasMessageContaining("which is not the program itself: a build tool's or test runner's JVM")
        .hasMessageContaining("fix: start it with java");
  }

  @Test
  void settings_nonPositiveInterval_isRejectedWhereItIsSet() {
    Runner runner = Runner.on(Local.inProcess());
    assertThatThrownBy(() -> runner.saveInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("saveInterval(PT0S): the interval must be positive, e.g."
            + " saveInterval(Duration.ofSeconds(10))");
    assertThatThrownBy(() -> runner.progressInterval(Duration.ofSeconds(-1)))
        .hasMessage("progressInterval(PT-1S): the interval must be positive, e.g."
            + " progressInterval(Duration.ofSeconds(1))");
    assertThatThrownBy(() -> Local.processes(0))
        .hasMessageStartingWith("Local.processes(0): the core budget must be at least 1");
  }

  private Runner runner() {
    return Runner.on(Local.inProcess(2)).store(dir.resolve("store")).quiet()
        .saveInterval(Duration.ofMillis(100)).progressInterval(Duration.ofMillis(50))
        .pollInterval(Duration.ofMillis(20));
  }

  private static ExecutionPlan plan(LearnerTask... tasks) {
    return new ExecutionPlan("t", List.of(tasks));
  }

  private static LearnerTask task(String name, ThrowingFunction f, Goal goal, int cores) {
    DoubleUnaryOperator function = x -> {
      try {
        return f.apply(x);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Double.NaN;
      }
    };
    return new LearnerTask(name, List.of(),
        new Learner1DSpec(-1, 1, new Loss1D.Default(), function), goal, shape(cores));
  }

  private interface ThrowingFunction {
    double apply(double x) throws InterruptedException;
  }

  private static ResourceShape shape(int cores) {
    return new ResourceShape(cores, 1, 1, Defaults.MEMORY, Defaults.WALLTIME, "", "", "", 0, false,
        "", new TreeMap<>(), List.of(), List.of());
  }
}
