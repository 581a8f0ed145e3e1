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
 * {@code executables} (a directory) and {@code name-prefix}; see {@link SlurmBackend} for each.
 */
public final class SlurmProvider implements BackendProvider {

  private static final List<String> OPTIONS = List.of("advertised-host", "bind-host",
      "command-timeout", "executables", "exit-file-grace", "java", "name-prefix", "signal-lead");

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
        case "executables" -> backend.executables(Path.of(value));
        case "name-prefix" -> backend.namePrefix(value);
        default -> throw new IllegalArgumentException("backend 'slurm' has no option '"
            + option.getKey() + "'; available: " + OPTIONS);
      };
    }
    return backend;
  }

  /** A duration option: see {@link BatchSettings#duration(String, String, String)}. */
  static Duration duration(String option, String value) {
    return BatchSettings.duration("slurm", option, value);
  }
}
