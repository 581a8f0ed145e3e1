/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.AdaptiveException;
import java.nio.file.Path;

/**
 * The scheduler refused a job, or could not be reached for it after every retry. The message
 * quotes the scheduler's own words, names the learner, the values involved and the fix, and
 * says where the job script was kept.
 */
public class SubmissionException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final String learner;
  private final transient Path script;

  /**
   * @param message the whole message
   * @param learner the learner whose job was refused (a pack's names, separated by spaces)
   * @param script the job script that was submitted, kept
   */
  public SubmissionException(String message, String learner, Path script) {
    super(message);
    this.learner = learner;
    this.script = script;
  }

  /** The learner whose job was refused (a pack's names, separated by spaces). */
  public String learner() {
    return learner;
  }

  /** The job script that was submitted; it is kept in the run directory. */
  public Path script() {
    return script;
  }
}
