/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

/**
 * Observes a run in the driver. Called from the run manager's thread: a listener that blocks
 * delays the run, and one that throws is logged and otherwise ignored.
 */
public interface RunListener {

  /** At every progress interval while the run goes on, and once more at its end. */
  void onProgress(RunSnapshot snapshot);

  /** Once, when every learner is done or failed; {@code last} is the final snapshot. */
  default void onFinish(RunSnapshot last) {}
}
