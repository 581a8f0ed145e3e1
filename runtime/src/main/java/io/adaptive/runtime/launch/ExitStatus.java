/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

/** How a worker process ends; the run manager decides what to do next from it. */
public final class ExitStatus {

  /** The learner reached its goal; its data is saved. */
  public static final int DONE = 0;

  /** The learner failed: its function kept throwing. Its data is saved. */
  public static final int LEARNER_FAILED = 3;

  /** The run manager refused the worker (for example its plan differs); nothing was computed. */
  public static final int REFUSED = 4;

  /** The worker lost its run manager; it saved its learner and stopped. */
  public static final int LOST_MANAGER = 5;

  /** The worker was asked to stop (a cancel or a signal); it saved its learner first. */
  public static final int STOPPED = 6;

  /** The worker stopped at the end of its walltime, its learner saved; not a failure. */
  public static final int WALLTIME = 7;

  private ExitStatus() {}

  /** A few words on what {@code status} means, for logs and error messages. */
  public static String describe(int status) {
    return switch (status) {
      case DONE -> "done";
      case LEARNER_FAILED -> "the learner failed";
      case REFUSED -> "refused by the run manager";
      case LOST_MANAGER -> "lost its run manager";
      case STOPPED -> "stopped on request";
      case WALLTIME -> "stopped at its walltime";
      case 137 -> "killed (SIGKILL)";
      case 143 -> "terminated (SIGTERM)";
      default -> status > 128 ? "killed by signal " + (status - 128) : "crashed";
    };
  }
}
