/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunSecretTest {

  @TempDir Path dir;

  @Test
  void createOrRead_newRun_writes32RandomBytesInHexOwnerOnly() throws Exception {
    RunDirectory run = new RunDirectory(dir.resolve("runs/resonance"));

    String secret = RunSecret.createOrRead(run.secret());

    assertThat(secret).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(Files.readString(run.secret())).isEqualTo(secret + "\n");
    assumeTrue(OwnerOnly.isPosix(dir), "the file system has no POSIX permissions");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.secret())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.root())))
        .as("the run directory, created here")
        .isEqualTo("rwx------");
    try (var listing = Files.list(run.root())) {
      assertThat(listing).as("no temporary file is left").containsExactly(run.secret());
    }
  }

  @Test
  void createOrRead_existing_returnsTheSameSecret() {
    Path file = dir.resolve("secret");
    String first = RunSecret.createOrRead(file);

    assertThat(RunSecret.createOrRead(file)).isEqualTo(first);
    assertThat(RunSecret.createOrRead(dir.resolve("other"))).isNotEqualTo(first);
  }

  @Test
  void createOrRead_racingCallers_allGetTheSameSecret() throws Exception {
    Path file = dir.resolve("run/secret");
    var pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit((Callable<String>) () -> RunSecret.createOrRead(file)));
      }
      String expected = results.get(0).get();
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void createOrRead_garbage_isRefusedWithTheFix() throws Exception {
    Path file = dir.resolve("secret");
    Files.writeString(file, "hunter2\n");

    assertThatThrownBy(() -> RunSecret.createOrRead(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the run secret '"
                + file
                + "' does not hold 64 hex digits\n"
                + "  fix: delete it; the next run creates a new one");
  }
}
