/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

final class PbsDirectivesTest {

  private static final Path OUTPUT = Path.of("/runs/resonance/logs/as7k2q-17.pbs.out");

  private static ResourceShape shape(int cores, int nodes, int tasks, Memory memory,
      Duration walltime, String queue, String account, String qos, int gpus, boolean exclusive,
      String constraint, List<String> options) {
    return new ResourceShape(cores, nodes, tasks, memory, walltime, queue, account, qos, gpus,
        exclusive, constraint, new TreeMap<>(), List.of(), options);
  }

  private static String rendered(ResourceShape shape, Flavour flavour) {
    assertThat(PbsDirectives.problems("l", shape, flavour)).isEmpty();
    return String.join("\n", PbsDirectives.render("as7k2q-17", OUTPUT, shape, flavour)) + "\n";
  }

  // ---- render: golden files ----

  @Test
  void render_defaults_openPbs() throws Exception {
    Golden.assertMatches("openpbs-defaults.pbs", rendered(Defaults.RESOURCES, Flavour.OPENPBS));
  }

  @Test
  void render_everyField_openPbs() throws Exception {
    ResourceShape every = shape(16, 1, 4, Memory.gib(4), Duration.ofHours(2).plusMillis(1),
        "short", "phys-123", "", 2, true, "model=skylake", List.of("-W umask=022", "-v DEBUG=1"));
    Golden.assertMatches("openpbs-every-field.pbs", rendered(every, Flavour.OPENPBS));
  }

  @Test
  void render_multiNode_openPbs() throws Exception {
    ResourceShape multi = shape(64, 4, 8, Memory.mib(10_001), Duration.ofHours(120), "", "", "",
        0, false, "", List.of());
    Golden.assertMatches("openpbs-multi-node.pbs", rendered(multi, Flavour.OPENPBS));
  }

  @Test
  void render_gpusExclusiveRawOptions_openPbs() throws Exception {
    ResourceShape gpus = shape(8, 2, 2, Memory.gib(64), Duration.ofMinutes(90), "gpu", "", "", 4,
        true, "", List.of("-l software=matlab", "-W depend=afterok:123.pbs01"));
    Golden.assertMatches("openpbs-gpus-exclusive-raw.pbs", rendered(gpus, Flavour.OPENPBS));
  }

  @Test
  void render_everyField_torque() throws Exception {
    ResourceShape every = shape(16, 2, 2, Memory.gib(4), Duration.ofSeconds(30), "batch",
        "phys-123", "", 2, true, "skylake:ib", List.of("-W umask=022"));
    Golden.assertMatches("torque-every-field.pbs", rendered(every, Flavour.TORQUE));
  }

  @Test
  void render_defaults_torque() throws Exception {
    Golden.assertMatches("torque-defaults.pbs", rendered(Defaults.RESOURCES, Flavour.TORQUE));
  }

  // ---- render: single values, computed independently of the golden files ----

  @Test
  void render_memoryPerChunk_roundsUpToWholeMebibytes() {
    ResourceShape shape = shape(3, 3, 3, Memory.mib(10), Duration.ofHours(1), "", "", "", 0,
        false, "", List.of());
    assertThat(PbsDirectives.render("n", OUTPUT, shape, Flavour.OPENPBS))
        .contains("#PBS -l select=3:ncpus=1:mpiprocs=1:mem=4mb", "#PBS -l place=scatter");
  }

  @Test
  void render_rawOptionsComeLast() {
    ResourceShape shape = shape(1, 1, 1, Memory.gib(1), Duration.ofHours(1), "", "", "", 0,
        false, "", List.of("-l software=x", "-p 10"));
    List<String> lines = PbsDirectives.render("n", OUTPUT, shape, Flavour.OPENPBS);
    assertThat(lines.subList(lines.size() - 2, lines.size()))
        .containsExactly("#PBS -l software=x", "#PBS -p 10");
  }

  @Test
  void walltime_roundsUpToWholeSeconds_hoursBeyond99() {
    assertThat(PbsDirectives.walltime(Duration.ofMillis(20_001))).isEqualTo("00:00:21");
    assertThat(PbsDirectives.walltime(Duration.ofSeconds(59))).isEqualTo("00:00:59");
    assertThat(PbsDirectives.walltime(Duration.ofHours(100).plusMinutes(2).plusSeconds(3)))
        .isEqualTo("100:02:03");
  }

  // ---- problems ----

  @Test
  void problems_qos_refusedWithTheFix() {
    ResourceShape shape = shape(1, 1, 1, Memory.gib(1), Duration.ofHours(1), "", "", "high", 0,
        false, "", List.of());
    assertThat(PbsDirectives.problems("peak[a=1]", shape, Flavour.OPENPBS)).containsExactly(
        "learner 'peak[a=1]' asks for qos('high'), but PBS has no quality of service; remove"
            + " qos(..), or give your site's equivalent as a raw option, e.g."
            + " schedulerOptions(\"-l qos=high\") if the site defines such a resource");
  }

  @Test
  void problems_unevenSplitOverNodes_eachReported() {
    ResourceShape shape = shape(6, 4, 2, Memory.gib(1), Duration.ofHours(1), "", "", "", 1,
        false, "", List.of());
    assertThat(PbsDirectives.problems("l", shape, Flavour.OPENPBS)).containsExactly(
        "learner 'l' asks for cores(6) on nodes(4): PBS gives every node the same number of"
            + " CPUs, and 6 does not split evenly over 4; use a multiple of 4, e.g. cores(8)",
        "learner 'l' asks for tasks(2) on nodes(4): PBS gives every node the same number of MPI"
            + " processes; use a multiple of 4, e.g. tasks(4)",
        "learner 'l' asks for gpus(1) on nodes(4): PBS gives every node the same number of GPUs;"
            + " use a multiple of 4, e.g. gpus(4)");
  }

  @Test
  void problems_slurmStyleConstraint_refusedPerFlavour() {
    ResourceShape shape = shape(1, 1, 1, Memory.gib(1), Duration.ofHours(1), "", "", "", 0,
        false, "skylake&ib", List.of());
    assertThat(PbsDirectives.problems("l", shape, Flavour.OPENPBS)).containsExactly(
        "learner 'l' asks for constraint('skylake&ib'), but OpenPBS selects nodes by host"
            + " resources added to each select chunk; give them as resource=value pairs joined"
            + " by ':', e.g. constraint(\"model=skylake\")");
    assertThat(PbsDirectives.problems("l", shape, Flavour.TORQUE)).containsExactly(
        "learner 'l' asks for constraint('skylake&ib'), but Torque selects nodes by properties"
            + " added to nodes=N:ppn=M; give them as names joined by ':', e.g."
            + " constraint(\"skylake:ib\")");
  }

  @Test
  void problems_optionWithLineBreak_refused() {
    ResourceShape shape = shape(1, 1, 1, Memory.gib(1), Duration.ofHours(1), "", "", "", 0,
        false, "", List.of("-l a=1\necho hi"));
    assertThat(PbsDirectives.problems("l", shape, Flavour.OPENPBS)).containsExactly(
        "learner 'l' has a scheduler option with a line break: '-l a=1\\necho hi'; give each"
            + " #PBS option as its own list element");
  }
}
