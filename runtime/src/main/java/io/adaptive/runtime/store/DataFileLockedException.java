/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.nio.file.Path;

/**
 * A learner's data file is held by another process, or is already open in this one. Unlike the
 * other {@link DataFileException}s this one passes: the holder releases the file when it closes it
 * or dies, so a caller may wait and try again.
 */
public final class DataFileLockedException extends DataFileException {

  private static final long serialVersionUID = 1L;

  DataFileLockedException(Path file, String message) {
    super(file, message);
  }

  DataFileLockedException(Path file, String message, Throwable cause) {
    super(file, message, cause);
  }
}
