/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Asks a SLURM cluster whether it has a node that can run jobs. */
final class SlurmProbe {

  /** {@code sinfo %T} states of a node that runs jobs now or will soon. */
  private static final Set<String> USABLE = Set.of("idle", "mixed", "allocated", "completing");

  private SlurmProbe() {}

  /**
   * Runs {@code command} (an {@code sinfo -h -o %T}) and reads its node states.
   *
   * @return empty if some node is usable; otherwise why not, in a few words, with what the
   *     command printed
   */
  static Optional<String> usableNode(List<String> command, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
          new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      return Optional.of("'" + command.get(0) + "' cannot be run (" + e.getMessage()
          + "); is slurm-client installed and on PATH?");
    }
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return Optional.of("'" + String.join(" ", command) + "' did not answer within "
            + timeout.toSeconds() + " s (is slurmctld up?)");
      }
      String stdout = out.get(5, TimeUnit.SECONDS).strip();
      String stderr = err.get(5, TimeUnit.SECONDS).strip();
      if (process.exitValue() != 0) {
        return Optional.of("'" + String.join(" ", command) + "' exited with "
            + process.exitValue() + ": " + (stderr.isEmpty() ? stdout : stderr));
      }
      List<String> states = stdout.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
      if (states.stream().anyMatch(USABLE::contains)) {
        return Optional.empty();
      }
      return Optional.of(states.isEmpty() ? "sinfo reports no node"
          : "no usable node, sinfo reports " + states);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return Optional.of("interrupted while waiting for sinfo");
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return Optional.of("cannot read what sinfo printed: " + e);
    }
  }

  private static CompletableFuture<String> read(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }
}
