/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendProvider;
import java.util.Map;
import java.util.Set;

/**
 * Registers {@code local} (child processes) and {@code in-process} (threads) by name. The one
 * option, {@code cores}, is the core budget (default: this machine's processors).
 */
public final class LocalProvider implements BackendProvider {

  private final LocalBackend.Mode mode;

  /** The {@code local} provider, as {@link java.util.ServiceLoader} creates it. */
  public LocalProvider() {
    this(LocalBackend.Mode.PROCESSES);
  }

  LocalProvider(LocalBackend.Mode mode) {
    this.mode = mode;
  }

  @Override
  public String name() {
    return mode.backendName;
  }

  @Override
  public String description() {
    return mode == LocalBackend.Mode.PROCESSES
        ? "jobs as child processes of the driver, within a core budget"
        : "jobs as threads of the driver's JVM, within a core budget";
  }

  @Override
  public Backend create(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!Set.of("cores").contains(key)) {
        throw new IllegalArgumentException("backend '" + name() + "' has no option '" + key
            + "'; available: [cores]");
      }
    }
    String cores = options.get("cores");
    int budget;
    try {
      budget = cores == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(cores);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("backend '" + name() + "' option cores='" + cores
          + "' is not a whole number; e.g. cores=4");
    }
    return mode == LocalBackend.Mode.PROCESSES ? Local.processes(budget) : Local.inProcess(budget);
  }

  /** The {@code in-process} provider, as {@link java.util.ServiceLoader} creates it. */
  public static final class InProcess implements BackendProvider {
    private final LocalProvider delegate = new LocalProvider(LocalBackend.Mode.IN_PROCESS);

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public String description() {
      return delegate.description();
    }

    @Override
    public Backend create(Map<String, String> options) {
      return delegate.create(options);
    }
  }
}
