/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

/**
 * The run manager's side of the protocol: what it does with each worker message. Called from the
 * connection's own thread; implementations hand the work to the manager's loop.
 */
public interface WorkerHandler {

  /**
   * A worker asks to run a learner. Blocks until the manager decides.
   *
   * @return empty to accept, or the reason the worker is refused (shown to its user)
   */
  String claim(Hello hello);

  /** A periodic report; also the worker's heartbeat. */
  void progress(Hello worker, Report report);

  /** The learner reached its goal and its data is saved. */
  void done(Hello worker, Report report);

  /** The learner failed: its function kept throwing. {@code error} holds the message and stack trace. */
  void failed(Hello worker, Report report, String error);

  /** The worker's connection ended, normally or not. */
  void disconnected(Hello worker);
}
