/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.AdaptiveException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A learner's data file cannot be used: it is not a data file, was written by an unknown format
 * version, belongs to another learner, is held by another process, or could not be read or written.
 * The message says which file, what is wrong and the fix. The passing case, held by another
 * process, is the subclass {@link DataFileLockedException}: test for it with {@code instanceof}.
 */
public class DataFileException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** Creates an exception about {@code file}; {@code message} says what is wrong and the fix. */
  public DataFileException(Path file, String message) {
    super(message);
    this.file = Objects.requireNonNull(file, "file");
  }

  /** Creates an exception about {@code file} with the underlying cause. */
  public DataFileException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The data file this is about. */
  public Path file() {
    return file;
  }
}
