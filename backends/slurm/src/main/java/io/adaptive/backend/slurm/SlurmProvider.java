/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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

  /** {@code 180}, {@code 180s}, {@code 5m}, {@code 1h} or an ISO-8601 duration. */
  static Duration duration(String option, String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      if (text.startsWith("p")) {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      }
      if (text.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      }
      char unit = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
      String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
      long amount = Long.parseLong(number);
      return switch (unit) {
        case 'h' -> Duration.ofHours(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 's' -> Duration.ofSeconds(amount);
        default -> {
          if (!Character.isDigit(unit)) {
            throw new NumberFormatException(value);
          }
          yield Duration.ofSeconds(amount);
        }
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("backend 'slurm' option " + option + "='" + value
          + "' is not a duration; e.g. " + option + "=180s, 5m, 1h or PT3M");
    }
  }
}
