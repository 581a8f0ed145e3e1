/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.BatchSettings;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Registers {@code slurm}. Options, all optional: {@code bind-host}, {@code advertised-host},
 * {@code signal-lead}, {@code command-timeout} and {@code exit-file-grace} (durations such as
 * {@code 180s}, {@code 5m}, {@code 1h} or {@code PT3M}; a bare number means seconds), {@code java},
 * {@code executables} (a directory), {@code name-prefix}, {@code job-arrays} ({@code true} or
 * {@code false}) and {@code max-array-tasks} (a whole number); see {@link SlurmBackend} for each.
 * For example {@code slurm:job-arrays=true,max-array-tasks=500}.
 */
public final class SlurmProvider implements BackendProvider {

  private static final List<String> OPTIONS = List.of("advertised-host", "bind-host",
      "command-timeout", "executables", "exit-file-grace", "java", "java-options", "job-arrays",
      "max-array-tasks", "name-prefix", "signal-lead");

  @Override
  public String name() {
    return "slurm";
  }

  @Override
  public String description() {
    return "each job a SLURM batch job (sbatch, one squeue per poll, scancel)";
  }

  @Override
  public Backend create(Map<String, String> options) {
    SlurmBackend backend = Slurm.backend();
    for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
      String value = option.getValue();
      backend = switch (option.getKey()) {
        case "bind-host" -> backend.bindHost(value);
        case "advertised-host" -> backend.advertisedHost(value);
        case "signal-lead" -> backend.signalLead(duration(option.getKey(), value));
        case "command-timeout" -> backend.commandTimeout(duration(option.getKey(), value));
        case "exit-file-grace" -> backend.exitFileGrace(duration(option.getKey(), value));
        case "java" -> backend.java(value);
        case "java-options" -> backend.javaOptions(
            value.isBlank() ? new String[0] : value.strip().split("\\s+"));
        case "executables" -> backend.executables(Path.of(value));
        case "name-prefix" -> backend.namePrefix(value);
        case "job-arrays" -> backend.jobArrays(bool(option.getKey(), value));
        case "max-array-tasks" -> backend.maxArrayTasks(count(option.getKey(), value));
        default -> throw new IllegalArgumentException("backend 'slurm' has no option '"
            + option.getKey() + "'; available: " + OPTIONS);
      };
    }
    return backend;
  }

  /** A yes-or-no option: {@code true} or {@code false}, nothing else. */
  static boolean bool(String option, String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("backend 'slurm' option " + option + "='"
          + value + "' is neither true nor false; e.g. slurm:" + option + "=true");
    };
  }

  /** A whole-number option. */
  static int count(String option, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("backend 'slurm' option " + option + "='" + value
          + "' is not a whole number; e.g. slurm:" + option + "=1000");
    }
  }

  /** A duration option: see {@link BatchSettings#duration(String, String, String)}. */
  static Duration duration(String option, String value) {
    return BatchSettings.duration("slurm", option, value);
  }
}
