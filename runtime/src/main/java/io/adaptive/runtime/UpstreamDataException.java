/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.AdaptiveException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown by {@link Upstream#data(String)} when the learner asked for has no data in the run
 * directory: it has not saved yet, or the run has no such learner. Thrown inside a user function,
 * it fails that evaluation like any other exception.
 */
public final class UpstreamDataException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final String learner;
  private final transient Path runDirectory;

  /**
   * Creates the exception.
   *
   * @param learner the learner whose data was asked for
   * @param runDirectory the run directory that was searched
   * @param message the whole message
   */
  UpstreamDataException(String learner, Path runDirectory, String message) {
    super(message);
    this.learner = Objects.requireNonNull(learner, "learner");
    this.runDirectory = Objects.requireNonNull(runDirectory, "runDirectory");
  }

  /** The learner whose data was asked for. */
  public String learner() {
    return learner;
  }

  /** The run directory searched; null after deserialization. */
  public Path runDirectory() {
    return runDirectory;
  }
}
