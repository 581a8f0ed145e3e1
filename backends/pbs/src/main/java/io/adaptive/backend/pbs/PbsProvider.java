/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.BatchSettings;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Registers {@code pbs}. Options, all optional, named as the SLURM backend's: {@code flavour}
 * ({@code openpbs}, the default, also for PBS Pro; or {@code torque}), {@code bind-host},
 * {@code advertised-host}, {@code command-timeout} and {@code exit-file-grace} (durations such as
 * {@code 60s}, {@code 5m}, {@code 1h} or {@code PT3M}; a bare number means seconds),
 * {@code java}, {@code executables} (a directory), {@code name-prefix} and {@code user}; see
 * {@link PbsBackend} for each.
 */
public final class PbsProvider implements BackendProvider {

  private static final List<String> OPTIONS = List.of("advertised-host", "bind-host",
      "command-timeout", "executables", "exit-file-grace", "flavour", "java", "java-options",
      "name-prefix", "user");

  @Override
  public String name() {
    return "pbs";
  }

  @Override
  public String description() {
    return "each job an OpenPBS, PBS Pro or Torque batch job (qsub, one qstat -f per poll, qdel)";
  }

  @Override
  public Backend create(Map<String, String> options) {
    PbsBackend backend = Pbs.backend();
    for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
      String key = option.getKey();
      String value = option.getValue();
      backend = switch (key) {
        case "flavour" -> switch (value) {
          case "openpbs" -> backend.openPbs();
          case "torque" -> backend.torque();
          default -> throw new IllegalArgumentException("backend 'pbs' option flavour='" + value
              + "' is not known; use flavour=openpbs (also PBS Pro) or flavour=torque");
        };
        case "bind-host" -> backend.bindHost(value);
        case "advertised-host" -> backend.advertisedHost(value);
        case "command-timeout" -> backend.commandTimeout(duration(key, value));
        case "exit-file-grace" -> backend.exitFileGrace(duration(key, value));
        case "java" -> backend.java(value);
        case "java-options" -> backend.javaOptions(
            value.isBlank() ? new String[0] : value.strip().split("\\s+"));
        case "executables" -> backend.executables(Path.of(value));
        case "name-prefix" -> backend.namePrefix(value);
        case "user" -> backend.user(value);
        default -> throw new IllegalArgumentException("backend 'pbs' has no option '" + key
            + "'; available: " + OPTIONS);
      };
    }
    return backend;
  }

  /** A duration option: see {@link BatchSettings#duration(String, String, String)}. */
  static Duration duration(String option, String value) {
    return BatchSettings.duration("pbs", option, value);
  }
}
