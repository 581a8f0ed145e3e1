/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The probe behind {@link RequiresSlurm}, against fake {@code sinfo} scripts. */
final class SlurmClusterCheckTest {

  @TempDir Path dir;

  // ---- usableNode ----

  @Test
  void usableNode_idleNode_isUsable() throws IOException {
    assertThat(probe("echo idle")).isEmpty();
  }

  @Test
  void usableNode_oneOfSeveralNodesMixed_isUsable() throws IOException {
    assertThat(probe("printf 'down*\\nmixed\\n'")).isEmpty();
  }

  @Test
  void usableNode_drainedNode_saysWhatSinfoReports() throws IOException {
    assertThat(probe("echo drained")).contains("no usable node, sinfo reports [drained]");
  }

  @Test
  void usableNode_controllerDown_quotesTheError() throws IOException {
    assertThat(probe("echo 'slurm_load_partitions: Unable to contact slurm controller"
        + " (connect failure)' >&2; exit 1"))
        .contains("'" + dir.resolve("sinfo") + "' exited with 1: slurm_load_partitions: Unable"
            + " to contact slurm controller (connect failure)");
  }

  @Test
  void usableNode_sinfoHangs_givesUpAfterTheTimeout() throws IOException {
    long start = System.nanoTime();
    Optional<String> problem = SlurmProbe.usableNode(List.of(script("sleep 30").toString()),
        Duration.ofMillis(500));
    assertThat(problem).get().asString().endsWith("did not answer within 0 s (is slurmctld up?)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void usableNode_noSinfo_saysItCannotBeRun() {
    assertThat(SlurmProbe.usableNode(List.of(dir.resolve("nosuch").toString()),
        Duration.ofSeconds(5))).get().asString()
        .startsWith("'" + dir.resolve("nosuch") + "' cannot be run (")
        .endsWith("); is slurm-client installed and on PATH?");
  }

  // ---- verdict ----

  @Test
  void verdict_noProblem_letsTheTestRun() {
    assertThat(SlurmClusterCheck.verdict("", Map.of("REQUIRE_SLURM", "1")::get)).isEmpty();
  }

  @Test
  void verdict_problem_skipsWithTheReasonAndTheStartCommand() {
    assertThat(SlurmClusterCheck.verdict("sinfo reports no node", Map.<String, String>of()::get))
        .get().isInstanceOf(TestAbortedException.class).extracting(Throwable::getMessage)
        .isEqualTo("SLURM not available: sinfo reports no node; start it as root with"
            + " scripts/slurm/start-local-cluster.sh");
  }

  @Test
  void verdict_problemWithRequireSlurm_fails() {
    assertThat(SlurmClusterCheck.verdict("sinfo reports no node",
        Map.of("REQUIRE_SLURM", "1")::get))
        .get().isInstanceOf(AssertionFailedError.class).extracting(Throwable::getMessage)
        .isEqualTo("SLURM not available: sinfo reports no node; start it as root with"
            + " scripts/slurm/start-local-cluster.sh (REQUIRE_SLURM=1, so this fails instead of"
            + " being skipped)");
  }

  private Optional<String> probe(String body) throws IOException {
    return SlurmProbe.usableNode(List.of(script(body).toString()), Duration.ofSeconds(10));
  }

  private Path script(String body) throws IOException {
    Path file = dir.resolve("sinfo");
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
