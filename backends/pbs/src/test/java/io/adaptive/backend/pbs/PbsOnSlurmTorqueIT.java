/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/**
 * A smoke test of the PBS backend (Torque flavour) through slurm-wlm-torque's Perl wrappers
 * ({@code qsub}, {@code qstat}, {@code qdel}) over the real local SLURM.
 *
 * <p>What it proves: the backend's scripts are accepted by a real queue, really run and relaunch
 * the program; the job id falls back to {@code SLURM_JOB_ID} (the wrappers leave
 * {@code PBS_JOBID} empty); the wrapper's {@code qstat -f} layout (TAB after {@code Job Id:},
 * TAB-indented attributes, state C for every ended job, no exit status) is read, and the outcome
 * comes from the job wrapper's exit file. What it does not prove: anything about real PBS
 * formats, {@code Exit_status}, {@code qstat -x}, the {@code #PBS -o} path (the wrappers ignore it)
 * or PBS walltime kills; the fake PBS tests cover those.
 *
 * <p>Skipped (reported as such, with the reason) when slurm-wlm-torque's {@code qsub} or a usable
 * SLURM node is missing; with {@code REQUIRE_SLURM=1} it fails instead.
 */
@Tag("slurm")
final class PbsOnSlurmTorqueIT {

  /** Where slurm-wlm-torque puts its wrappers; {@code -Dpbs.wrappers=<dir>} to look elsewhere. */
  private static final Path WRAPPERS = Path.of(System.getProperty("pbs.wrappers", "/usr/bin"));

  @TempDir Path dir;

  @BeforeEach
  void slurmWithTorqueWrappers() throws Exception {
    String missing = missing();
    if (missing != null) {
      String message = "slurm-wlm-torque over SLURM not available: " + missing + "; install it"
          + " with apt-get install -y --no-install-recommends slurm-wlm-torque and start SLURM"
          + " as root with scripts/slurm/start-local-cluster.sh";
      if ("1".equals(System.getenv("REQUIRE_SLURM"))) {
        throw new AssertionError(message + " (REQUIRE_SLURM=1 turns this skip into a failure)");
      }
      Assumptions.abort(message);
    }
  }

  private static String missing() throws IOException, InterruptedException {
    Path qsub = WRAPPERS.resolve("qsub");
    if (!Files.isExecutable(qsub)) {
      return qsub + " does not exist";
    }
    String head = new String(Files.readAllBytes(qsub), StandardCharsets.UTF_8);
    if (!head.startsWith("#!") || !head.contains("perl") || !head.toLowerCase().contains("slurm")) {
      return qsub + " is not slurm-wlm-torque's wrapper";
    }
    Process sinfo;
    try {
      sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
    } catch (IOException e) {
      return "sinfo cannot be run (" + e.getMessage() + ")";
    }
    if (!sinfo.waitFor(30, TimeUnit.SECONDS)) {
      sinfo.destroyForcibly();
      return "sinfo did not answer in 30 s";
    }
    String states = new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (sinfo.exitValue() != 0 || !states.matches("(?s).*\\b(idle|mixed|allocated)\\b.*")) {
      return "no usable SLURM node (sinfo: '" + states.strip() + "')";
    }
    return null;
  }

  @Test
  void sweep_torqueFlavour_runsThroughTheWrappersOnRealSlurm() throws Exception {
    Path store = dir.resolve("store");
    PbsDriver driver = PbsDriver.start(dir, store, WRAPPERS, "2", "200", "0", "500", "torque",
        "poll=1000");

    assertThat(driver.awaitExit()).as(driver.output() + driver.logs()).isZero();

    assertThat(driver.output()).contains("2 done, 0 failed of 2 learners");
    assertThat(driver.exitFiles()).hasSize(2).allSatisfy(l -> assertThat(l).endsWith(" 0"));
    List<String> starts = driver.startFiles();
    assertThat(starts).hasSize(2).allSatisfy(l -> assertThat(l)
        .as("the job id is SLURM_JOB_ID, since PBS_JOBID is empty").matches("\\S+ \\d+ \\d+"));
    for (String start : starts) {
      String id = start.substring(start.lastIndexOf(' ') + 1);
      assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList())
          .as("slurm-wlm-torque wrote its own output file for job %s", id)
          .anyMatch(name -> name.endsWith(".o" + id));
    }
  }
}
