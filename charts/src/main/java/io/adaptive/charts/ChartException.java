/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.AdaptiveException;
import java.nio.file.Path;
import java.util.Objects;

/** A chart could not be written, or a learner's data could not be read for one. */
public final class ChartException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  ChartException(String message, Path file, Throwable cause) {
    super(message, cause);
    this.file = Objects.requireNonNull(file, "file");
  }

  /**
   * The file the failure is about.
   *
   * @return the PNG that could not be written, or the learner's data snapshot that could not be
   *     read
   */
  public Path file() {
    return file;
  }
}
