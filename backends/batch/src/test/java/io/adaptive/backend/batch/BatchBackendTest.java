/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static io.adaptive.dsl.Adaptive.axis;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.points;
import static io.adaptive.dsl.Adaptive.resources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.AdaptiveException;
import io.adaptive.dsl.Axis;
import io.adaptive.dsl.Resources;
import io.adaptive.plan.ExecutionPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BatchBackendTest {

  private static final Axis<Double> A = axis("a", 1.0, 2.0, 3.0);
  private final BatchBackend backend = BatchBackend.of("test", new TestScheduler(),
      BatchSettings.defaults());

  @TempDir Path run;

  private static ExecutionPlan plan(Resources resources) {
    return experiment("peaks").sweep(A)
        .learn(point -> learner1D(interval(0.0, 1.0), x -> x * point.get(A)))
        .until(points(10))
        .resources(resources)
        .compile();
  }

  // ---------------------------------------------------------------------------------- check

  @Test
  void check_sharedProblem_isSaidOnceWithTheCountOfLearners() {
    assertThat(backend.check(plan(resources().cores(2).gpus(1)))).containsExactly(
        "learner 'peaks[a=1]' asks for gpus(1), which TEST has not; remove gpus(..) (the same"
            + " for 2 more learners with these resources)");
  }

  @Test
  void check_possiblePlan_hasNoProblems() {
    assertThat(backend.check(plan(resources().cores(4).nodes(2).tasks(2)))).isEmpty();
  }

  @Test
  void check_queuesListed_reportsAShapeNoQueueTakes_onceForItsLearners() {
    BatchBackend listing = withQueues("printf 'short\\nlong\\n'");

    assertThat(listing.check(plan(resources().partition("long")))).isEmpty();
    assertThat(listing.check(plan(resources().partition("gpu")))).containsExactly(
        "learner 'peaks[a=1]' asks for queue 'gpu', which TEST lacks (the same for 2 more"
            + " learners with these resources)");
  }

  @Test
  void check_queuesCommandFails_runsUnchecked() {
    assertThat(withQueues("echo down >&2; exit 1").check(plan(resources().partition("gpu"))))
        .isEmpty();
  }

  @Test
  void check_queuesUnreadable_runsUnchecked() {
    assertThat(withQueues("echo garbage").check(plan(resources().partition("gpu")))).isEmpty();
  }

  private static BatchBackend withQueues(String shell) {
    return BatchBackend.of("test", new TestScheduler(List.of("sh", "-c", shell)),
        BatchSettings.defaults());
  }

  // -------------------------------------------------------------------------------- explain

  @Test
  void explain_plan_rendersEveryLearnerAndWritesNothing() throws IOException {
    String text = backend.explain(plan(resources()), run, List.of("/jdk/bin/java", "-cp",
        "/opt/app.jar", "Main"));

    assertThat(text).contains("==> " + run.resolve("jobs/j1-dryrun.job") + " <==\n#!/usr/bin/env"
        + " bash\n#TEST name=asdry0-1\n#TEST comment=adaptive:run=dry0;job=j1-dryrun\n");
    assertThat(text).contains("==> " + run.resolve("jobs/j3-dryrun.job") + " <==\n",
        "export ADAPTIVE_LEARNER='peaks[a=3]'\n", "/jdk/bin/java -Xmx1536m -cp /opt/app.jar Main &\n");
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void explain_javaOptions_goAfterTheDriversOptions_inEveryJobScript() {
    BatchBackend tuned = BatchBackend.of("test", new TestScheduler(), BatchSettings.defaults()
        .withJavaOptions(List.of("-XX:TieredStopAtLevel=4", "-Dside=worker")));

    String text = tuned.explain(plan(resources()), run, List.of("/jdk/bin/java",
        "-XX:TieredStopAtLevel=1", "-cp", "/opt/app.jar", "Main", "--fast"));

    assertThat(text.split("/jdk/bin/java -Xmx1536m -XX:TieredStopAtLevel=1 -cp /opt/app.jar"
        + " -XX:TieredStopAtLevel=4 -Dside=worker Main --fast &\n", -1)).hasSize(4);
  }

  @Test
  void explain_runWithATag_showsItsTag() throws IOException {
    String tag = RunTag.of(run);

    assertThat(backend.explain(plan(resources()), run, List.of("java", "Main")))
        .contains("#TEST name=as" + tag + "-1\n");
  }

  // --------------------------------------------------------------------------------- RunTag

  @Test
  void runTag_isMadeOnceAndKept() {
    String first = RunTag.of(run);

    assertThat(first).matches("[a-z0-9]{4}");
    assertThat(RunTag.of(run)).isEqualTo(first);
    assertThat(run.resolve("jobs/run-tag")).hasContent(first);
  }

  @Test
  void runTag_damagedFile_saysHowToRecover() throws IOException {
    Files.createDirectories(run.resolve("jobs"));
    Files.writeString(run.resolve("jobs/run-tag"), "NOT A TAG\n");

    assertThatThrownBy(() -> RunTag.of(run))
        .isInstanceOf(AdaptiveException.class)
        .hasMessage("the run tag in " + run.resolve("jobs/run-tag") + " is 'NOT A TAG', not 4"
            + " characters of [a-z0-9]; fix: delete the file if no job of this run is alive (a"
            + " new tag is then made), or restore its old content");
  }

  @Test
  void jobName_takesTheManagersSequenceAndStaysWithin15Characters() {
    assertThat(RunTag.jobName("as", "7k2q", "j17-m3x1k", 99)).isEqualTo("as7k2q-17");
    assertThat(RunTag.jobName("as", "7k2q", "pack-a", 99)).isEqualTo("as7k2q-99");
    assertThat(RunTag.jobName("abcd", "7k2q", "j123456789-x", 1)).isEqualTo("abcd7k2q-456789")
        .hasSize(15);
  }

  @Test
  void isOfRun_needsTheNamePrefixAndNoOtherTag() {
    SchedulerJob ours = new SchedulerJob("1", "as7k2q-1", SchedulerState.RUNNING, "R", "", "",
        "adaptive:run=7k2q;job=j1-x", SchedulerJob.NO_EXIT_STATUS);
    SchedulerJob noComment = new SchedulerJob("1", "as7k2q-1", SchedulerState.RUNNING, "R", "",
        "", "", SchedulerJob.NO_EXIT_STATUS);
    SchedulerJob otherTag = new SchedulerJob("1", "as7k2q-1", SchedulerState.RUNNING, "R", "", "",
        "adaptive:run=9zzz;job=j1-x", SchedulerJob.NO_EXIT_STATUS);
    SchedulerJob otherName = new SchedulerJob("1", "other-job", SchedulerState.RUNNING, "R", "",
        "", "", SchedulerJob.NO_EXIT_STATUS);

    assertThat(TrackedJob.isOfRun(ours, "as7k2q-", "7k2q")).isTrue();
    assertThat(TrackedJob.isOfRun(noComment, "as7k2q-", "7k2q")).isTrue();
    assertThat(TrackedJob.isOfRun(otherTag, "as7k2q-", "7k2q")).isFalse();
    assertThat(TrackedJob.isOfRun(otherName, "as7k2q-", "7k2q")).isFalse();
  }
}
