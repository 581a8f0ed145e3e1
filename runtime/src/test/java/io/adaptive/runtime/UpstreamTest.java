/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.store.DataSnapshot;
import io.adaptive.runtime.store.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading upstream learners' data from the current run directory. */
final class UpstreamTest {

  @TempDir Path run;

  /** scan-a, scan-b, then refine after scan-a only, then report after refine. */
  private static final ExecutionPlan PLAN = new ExecutionPlan("study", List.of(
      task("scan-a"), task("scan-b"), task("refine", "scan-a"), task("report", "refine")));

  private static LearnerTask task(String name, String... dependsOn) {
    return new LearnerTask(name, List.of(), new Learner1DSpec(0, 1, new Loss1D.Default(), x -> x),
        new Goal.Points(10), Defaults.RESOURCES, List.of(dependsOn));
  }

  private void publish(String learner, String csv) throws Exception {
    Path target = new RunDirectory(run).snapshot(learner);
    Files.createDirectories(target.getParent());
    Path temporary = target.resolveSibling("data.csv.tmp");
    Files.writeString(temporary, csv);
    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Runs {@code body} as the worker's evaluation threads do, for {@code learner}, in a new thread. */
  private <T> T evaluating(String learner, java.util.concurrent.Callable<T> body) throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread thread = new Thread(Upstream.bound(run, PLAN, learner, () -> {
      try {
        result.set(body.call());
      } catch (Throwable e) {
        result.set(e);
      }
    }));
    thread.start();
    thread.join();
    if (result.get() instanceof Exception e) {
      throw e;
    }
    @SuppressWarnings("unchecked")
    T value = (T) result.get();
    return value;
  }

  // ---------------------------------------------------------------- data

  @Test
  void data_ofAnUpstreamLearner_isItsSnapshot() throws Exception {
    publish("scan-a", "x,y\n0.0,1.0\n0.5,2.5\n");
    DataSnapshot data = evaluating("refine", () -> Upstream.data("scan-a"));
    assertThat(data.columns()).containsExactly("x", "y");
    assertThat(data.column("y")).containsExactly(1.0, 2.5);
  }

  @Test
  void data_readTwice_isParsedOnceAndReparsedWhenReplaced() throws Exception {
    publish("scan-a", "x,y\n0.0,1.0\n");
    DataSnapshot first = evaluating("refine", () -> Upstream.data("scan-a"));
    assertThat(evaluating("refine", () -> Upstream.data("scan-a"))).isSameAs(first);

    publish("scan-a", "x,y\n0.0,1.0\n1.0,3.0\n");
    Files.setLastModifiedTime(new RunDirectory(run).snapshot("scan-a"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(evaluating("refine", () -> Upstream.data("scan-a")).size()).isEqualTo(2);
  }

  @Test
  void data_ofATransitiveUpstreamLearner_isAllowed() throws Exception {
    publish("scan-a", "x,y\n0.0,1.0\n");
    assertThat(evaluating("report", () -> Upstream.data("scan-a")).size()).isEqualTo(1);
  }

  @Test
  void data_ofALearnerNotWaitedFor_isRefused() {
    assertThatThrownBy(() -> evaluating("refine", () -> Upstream.data("scan-b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("learner 'refine' does not run after 'scan-b', so that learner may still be"
            + " running and its data may change; it may read 'scan-a'; to read it, wait for its"
            + " stage with after(..)");
    assertThatThrownBy(() -> evaluating("scan-a", () -> Upstream.data("scan-b")))
        .hasMessageContaining("; it waits for no learner;");
  }

  @Test
  void data_notSavedYet_namesTheLearnerAndTheRunDirectory() {
    UpstreamDataException e = catchThrowableOfType(UpstreamDataException.class,
        () -> evaluating("refine", () -> Upstream.data("scan-a")));
    assertThat(e).isNotNull();
    assertThat(e.learner()).isEqualTo("scan-a");
    assertThat(e.runDirectory()).isEqualTo(run);
    assertThat(e).hasMessage("learner 'scan-a' has no data in the run directory '" + run
        + "' (no " + Path.of("learners", "scan-a", "data.csv") + "): it has not saved yet, or the"
        + " run has no such learner; read only learners this one runs after, which are done"
        + " before it starts");
  }

  @Test
  void data_outsideAnEvaluation_isAnIllegalState() {
    assertThatThrownBy(() -> Upstream.data("scan-a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Upstream.data('scan-a') was called outside the evaluation of a point, so there"
            + " is no run to read from; call it inside the learner's function, in the thread that"
            + " evaluates the point (not in main(), the learn function, or a thread the function"
            + " starts in an in-process run)");
  }

  // ---------------------------------------------------------------- bound

  @Test
  void bound_endsWithItsTask() throws Exception {
    publish("scan-a", "x,y\n0.0,1.0\n");
    Upstream.bound(run, PLAN, "refine", () -> assertThat(Upstream.data("scan-a").size())
        .isEqualTo(1)).run();
    assertThatThrownBy(() -> Upstream.data("scan-a")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void bound_unknownLearner_isRefused() {
    assertThatThrownBy(() -> Upstream.bound(run, PLAN, "nobody", () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Dependencies say when a learner runs, not what its data is: resuming keeps the data.
  @Test
  void fingerprint_ignoresDependencies() {
    assertThat(task("refine", "scan-a").fingerprint())
        .isEqualTo(task("refine").fingerprint());
  }
}
