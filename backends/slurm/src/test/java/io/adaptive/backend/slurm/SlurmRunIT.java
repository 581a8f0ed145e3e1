/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static io.adaptive.dsl.Adaptive.experiment;
import static io.adaptive.dsl.Adaptive.gib;
import static io.adaptive.dsl.Adaptive.interval;
import static io.adaptive.dsl.Adaptive.learner1D;
import static io.adaptive.dsl.Adaptive.points;
import static io.adaptive.dsl.Adaptive.resources;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.plan.ExecutionPlan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run on the local SLURM cluster: the driver JVM submits one sbatch job per learner, the
 * jobs relaunch the program as workers that connect back, and the run finishes.
 */
@Tag("slurm")
final class SlurmRunIT {

  @TempDir Path directory;

  @BeforeAll
  static void clusterIsUsable() throws Exception {
    SlurmClusterIT.clusterIsUsable();
  }

  @Test
  void run_twoLearners_eachInItsOwnSlurmJob_reachTheirGoal() throws Exception {
    Path store = directory.resolve("store");
    Path output = directory.resolve("driver.out");
    Process driver = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), SlurmRunProgram.class.getName(),
        store.toString()).redirectErrorStream(true).redirectOutput(output.toFile()).start();

    boolean ended = driver.waitFor(4, TimeUnit.MINUTES);
    if (!ended) {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly();
    }
    String said = Files.readString(output, StandardCharsets.UTF_8) + logs(store);

    assertThat(ended).as(said).isTrue();
    assertThat(driver.exitValue()).as(said).isZero();
    List<Path> scripts;
    try (Stream<Path> files = Files.list(store.resolve("jobs"))) {
      scripts = files.filter(file -> file.toString().endsWith(".sbatch")).toList();
    }
    assertThat(scripts).as(said).hasSize(2);
    for (Path script : scripts) {
      String exit = script.getFileName().toString().replace(".sbatch", ".exit");
      assertThat(Files.readString(script.resolveSibling(exit))).as(said).isEqualTo("0\n");
    }
  }

  @Test
  void check_onTheCluster_refusesWhatItsPartitionsCannotTake_andAcceptsTheRest() {
    ExecutionPlan plan = experiment("peaks")
        .sweep(SlurmRunProgram.WIDTH)
        .learn(point -> learner1D(interval(-1.0, 1.0), x -> x))
        .until(points(40))
        .resources(point -> point.get(SlurmRunProgram.WIDTH) < 0.07
            ? resources().partition("nosuch")
            : resources().cores(10_000).memory(gib(100_000)))
        .compile();
    ExecutionPlan fits = experiment("peaks")
        .sweep(SlurmRunProgram.WIDTH)
        .learn(point -> learner1D(interval(-1.0, 1.0), x -> x))
        .until(points(40))
        .resources(resources().partition("debug").cores(2).walltime(Duration.ofDays(30)))
        .compile();

    List<String> problems = Slurm.backend().check(plan);

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("learner 'peaks[width=0.05]' asks for partition"
        + " 'nosuch', which this cluster does not have (sinfo lists: debug); use one of them, or"
        + " leave partition(..) out for the default 'debug'");
    assertThat(problems.get(1)).startsWith("learner 'peaks[width=0.1]' asks for 10000 cores on"
        + " each of its 1 node(s), but the nodes of partition 'debug' have at most ");
    assertThat(problems.get(2)).startsWith("learner 'peaks[width=0.1]' asks for 102400000 MiB of"
        + " memory on each of its 1 node(s), but the nodes of partition 'debug' have at most ");
    assertThat(Slurm.backend().check(fits)).isEmpty();
  }

  private static String logs(Path store) throws Exception {
    StringBuilder text = new StringBuilder();
    if (Files.isDirectory(store.resolve("logs"))) {
      try (Stream<Path> files = Files.list(store.resolve("logs"))) {
        for (Path log : files.sorted().toList()) {
          text.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
        }
      }
    }
    return text.toString();
  }
}
