/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.util.List;
import java.util.Objects;

/**
 * How one scheduler command ended.
 *
 * @param command the command line as it was run
 * @param exitCode the process's exit code; -1 if it timed out and was killed
 * @param stdout its standard output, whole
 * @param stderr its standard error, whole
 * @param timedOut true if it did not finish within its timeout and was killed
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr,
    boolean timedOut) {

  public CommandResult {
    command = List.copyOf(command);
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
  }

  /** True if the command finished in time with exit code 0. */
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }
}
