/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.runtime.spi.WorkerLaunch;
import java.util.List;
import java.util.Map;

/** The launch of run-manager tests whose fake backends never start a worker. */
final class NoLaunch {

  static final WorkerLaunch INSTANCE = new WorkerLaunch() {
    @Override
    public List<String> command() {
      return List.of("java");
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public int runInThisJvm() {
      return 0;
    }
  };

  private NoLaunch() {}
}
