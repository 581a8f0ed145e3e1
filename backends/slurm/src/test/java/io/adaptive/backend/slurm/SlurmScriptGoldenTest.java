/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.dsl.Adaptive.axis;
import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.gib;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.points;
import static io.adaptive.dsl.Adaptive.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.dsl.Resources;
import io.adaptive.plan.ExecutionPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The job scripts of representative resource shapes, pinned in
 * {@code src/test/resources/golden/*.sbatch}. After a deliberate change, rewrite them with
 * {@code mvn test -Dgolden.update=true} and review the diff like code.
 */
final class SlurmScriptGoldenTest {

  /** The program the scripts start: injected, so that no path of this machine leaks in. */
  static final List<String> COMMAND = List.of("/opt/jdk-17/bin/java", "-Xmx8g", "-Dapp.mode=fast",
      "-cp", "/opt/app/app.jar", "org.example.Main", "--target", "1e-3");
  static final Path RUN = Path.of("/scratch/alice/runs/golden");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static ExecutionPlan plan(Resources resources) {
    return experiment("golden")
        .learn(point -> learner1D(interval(0.0, 1.0), x -> x * x))
        .until(points(100))
        .resources(resources)
        .compile();
  }

  @Test
  void explain_defaults() throws IOException {
    assertGolden("defaults", resources());
  }

  @Test
  void explain_everyField() throws IOException {
    assertGolden("every-field", resources()
        .cores(8).nodes(2).tasks(2).memory(gib(16)).walltime(Duration.parse("PT2H30M10S"))
        .partition("short").account("phys-123").qos("high").gpus(2).exclusive()
        .constraint("haswell&ib").env("OMP_NUM_THREADS", "4").env("GREETING", "it's \"$HOME\"")
        .prelude("module load java/17").prelude("ulimit -c 0")
        .schedulerOption("--mail-type=END"));
  }

  @Test
  void explain_fourTasksOnTwoNodes() throws IOException {
    assertGolden("multi-task", resources()
        .cores(8).nodes(2).tasks(4).memory(gib(8)).walltime(Duration.ofHours(1)));
  }

  @Test
  void explain_gpusExclusiveConstraintRawOptions() throws IOException {
    assertGolden("gpus-raw-options", resources()
        .cores(4).gpus(1).exclusive().constraint("a100").walltime(Duration.ofMinutes(3))
        .schedulerOption("--mail-type=END").schedulerOption("#SBATCH --reservation=maint"));
  }

  // ------------------------------------------------------------------------------ job arrays

  /** A sweep: three learners of one shape, one of another; SIZE 4 asks for more memory. */
  static ExecutionPlan sweep() {
    var size = axis("size", 1, 2, 3, 4);
    return experiment("golden")
        .sweep(size)
        .learn(point -> learner1D(interval(0.0, 1.0), x -> x * point.get(size)))
        .until(points(100))
        .resources(point -> resources().cores(2).walltime(Duration.ofMinutes(30))
            .memory(gib(point.get(size) == 4 ? 8 : 2)).env("OMP_NUM_THREADS", "2"))
        .compile();
  }

  @Test
  void explain_jobArrays_oneArrayScriptPerShape_aLoneShapeAsAnOrdinaryJob() throws IOException {
    String text = Slurm.backend().jobArrays(true).explain(sweep(), RUN, COMMAND);

    assertThat(text.lines().filter(line -> line.startsWith("==> ")))
        .containsExactly("==> " + RUN.resolve("jobs/j1-dryrun-array.sbatch") + " <==",
            "==> " + RUN.resolve("jobs/j4-dryrun.sbatch") + " <==");
    String array = text.substring(text.indexOf('\n') + 1, text.indexOf("\n==> "));
    assertGoldenText("array", array + "\n");
    String single = text.substring(text.indexOf("\n==> ") + 1);
    assertThat(single).contains("#SBATCH --mem=8192M").doesNotContain("--array");
  }

  @Test
  void explain_jobArrays_largerGroupsAreSplitAtMaxArrayTasks() {
    String text = Slurm.backend().jobArrays(true).maxArrayTasks(2).explain(sweep(), RUN, COMMAND);

    assertThat(text.lines().filter(line -> line.startsWith("==> ")))
        .containsExactly("==> " + RUN.resolve("jobs/j1-dryrun-array.sbatch") + " <==",
            "==> " + RUN.resolve("jobs/j3-dryrun.sbatch") + " <==",
            "==> " + RUN.resolve("jobs/j4-dryrun.sbatch") + " <==");
    assertThat(text).contains("#SBATCH --array=0-1\n").doesNotContain("--array=0-2");
  }

  @Test
  void explain_jobArraysOff_oneScriptPerLearner() {
    String text = Slurm.backend().explain(sweep(), RUN, COMMAND);

    assertThat(text.lines().filter(line -> line.startsWith("==> "))).hasSize(4);
    assertThat(text).doesNotContain("--array");
  }

  /** An array task of a multi-task job: each job has its own rendezvous file. */
  @Test
  void explain_jobArrays_multiTask_eachTaskItsOwnRendezvous() {
    var size = axis("size", 1, 2);
    ExecutionPlan plan = experiment("golden").sweep(size)
        .learn(point -> learner1D(interval(0.0, 1.0), x -> x * point.get(size)))
        .until(points(100))
        .resources(resources().cores(4).tasks(2))
        .compile();

    String text = Slurm.backend().jobArrays(true).explain(plan, RUN, COMMAND);

    assertThat(text).contains("    export ADAPTIVE_RENDEZVOUS=" + RUN.resolve(
        "jobs/j1-dryrun.evaluators") + "\n").contains("    export ADAPTIVE_RENDEZVOUS="
        + RUN.resolve("jobs/j2-dryrun.evaluators") + "\n")
        .contains("\nexport ADAPTIVE_TASKS=2\n").contains("ADAPTIVE_ROLE=evaluator srun");
  }

  @Test
  void explain_withoutRunDirectory_usesRunsOfTheExperimentAndThisJvm() {
    String text = Slurm.backend().explain(plan(resources()));

    assertThat(text).startsWith("==> " + Path.of("runs", "golden").toAbsolutePath()
        .resolve("jobs/j1-dryrun.sbatch") + " <==\n#!/usr/bin/env bash\n");
    assertThat(text).contains("\n  " + ProcessHandle.current().info().command().orElseThrow()
        + " -Xmx1536m ");
    assertThat(Path.of("runs")).doesNotExist();
  }

  private static void assertGolden(String name, Resources resources) throws IOException {
    assertGoldenText(name, script(Slurm.backend(), resources));
  }

  private static void assertGoldenText(String name, String script) throws IOException {
    Path golden = GOLDEN.resolve(name + ".sbatch");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, script, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; create it with -Dgolden.update=true").exists();
    assertThat(script).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** The one script of a one-learner plan, without the explain() header line. */
  static String script(SlurmBackend backend, Resources resources) {
    String text = backend.explain(plan(resources), RUN, COMMAND);
    assertThat(text).startsWith("==> " + RUN.resolve("jobs").resolve("j1-dryrun.sbatch")
        + " <==\n");
    return text.substring(text.indexOf('\n') + 1);
  }
}
