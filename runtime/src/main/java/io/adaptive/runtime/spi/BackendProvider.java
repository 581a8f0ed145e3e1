/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Makes a backend by name; registered through {@link java.util.ServiceLoader} so that command-line
 * tools can say {@code --backend local}, and a program can take its backend from its arguments
 * with {@link #backend(String)}.
 */
public interface BackendProvider {

  /**
   * The backend that {@code spec} names: {@code <name>} or {@code <name>:<option>=<value>,...},
   * for example {@code local}, {@code local:cores=4} or {@code slurm:advertised-host=login01}. The
   * backends are those whose modules are on the class path.
   *
   * @throws IllegalArgumentException if no backend has that name (the message lists those that
   *     exist), or an option is unknown or malformed
   */
  static Backend backend(String spec) {
    String name = spec.strip();
    Map<String, String> options = new LinkedHashMap<>();
    int colon = name.indexOf(':');
    if (colon >= 0) {
      for (String option : name.substring(colon + 1).split(",")) {
        int eq = option.indexOf('=');
        if (option.isBlank()) {
          continue;
        }
        if (eq <= 0) {
          throw new IllegalArgumentException("backend '" + spec + "': option '" + option
              + "' is not <name>=<value>; write e.g. local:cores=4");
        }
        options.put(option.substring(0, eq).strip(), option.substring(eq + 1).strip());
      }
      name = name.substring(0, colon).strip();
    }
    Map<String, BackendProvider> providers = new TreeMap<>();
    for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
      providers.putIfAbsent(provider.name(), provider);
    }
    BackendProvider provider = providers.get(name);
    if (provider == null) {
      throw new IllegalArgumentException("no backend named '" + name + "' (from '" + spec
          + "'); on the class path: " + List.copyOf(providers.keySet()) + "; a missing one"
          + " needs its module as a dependency, e.g. io.adaptive:adaptive-backend-" + name);
    }
    return provider.create(options);
  }

  /** The short name, e.g. {@code local}. */
  String name();

  /** One line that says what the backend does. */
  String description();

  /**
   * Creates the backend from textual options.
   *
   * @throws IllegalArgumentException if an option is unknown or malformed; the message names it
   */
  Backend create(Map<String, String> options);
}
