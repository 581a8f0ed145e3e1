/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Registers {@code pbs} by name. Options, all optional: {@code flavour} ({@code openpbs}, the
 * default, or {@code torque}), {@code executables} (a directory), {@code commandTimeout} and
 * {@code exitFileGrace} (whole seconds), {@code bindHost}, {@code advertisedHost}, {@code java},
 * {@code namePrefix}, {@code user}; each as the method of {@link PbsBackend} with that name.
 */
public final class PbsProvider implements BackendProvider {

  private static final List<String> OPTIONS = List.of("flavour", "executables", "commandTimeout",
      "exitFileGrace", "bindHost", "advertisedHost", "java", "namePrefix", "user");

  @Override
  public String name() {
    return "pbs";
  }

  @Override
  public String description() {
    return "one OpenPBS, PBS Pro or Torque job per learner (qsub, qstat -f, qdel)";
  }

  @Override
  public Backend create(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new IllegalArgumentException("backend 'pbs' has no option '" + key + "'; available: "
            + OPTIONS);
      }
    }
    PbsBackend backend = Pbs.backend();
    String flavour = options.getOrDefault("flavour", "openpbs");
    backend = switch (flavour) {
      case "openpbs" -> backend;
      case "torque" -> backend.torque();
      default -> throw new IllegalArgumentException("backend 'pbs' option flavour='" + flavour
          + "' is not known; use flavour=openpbs (also PBS Pro) or flavour=torque");
    };
    for (Map.Entry<String, String> option : options.entrySet()) {
      String value = option.getValue();
      backend = switch (option.getKey()) {
        case "executables" -> backend.executables(Path.of(value));
        case "commandTimeout" -> backend.commandTimeout(seconds(option.getKey(), value));
        case "exitFileGrace" -> backend.exitFileGrace(seconds(option.getKey(), value));
        case "bindHost" -> backend.bindHost(value);
        case "advertisedHost" -> backend.advertisedHost(value);
        case "java" -> backend.java(value);
        case "namePrefix" -> backend.namePrefix(value);
        case "user" -> backend.user(value);
        default -> backend;
      };
    }
    return backend;
  }

  private static Duration seconds(String option, String value) {
    try {
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("backend 'pbs' option " + option + "='" + value
          + "' is not a whole number of seconds; e.g. " + option + "=60");
    }
  }
}
