/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.AdaptiveException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The run store cannot be used: it is held by another run manager ({@link
 * RunStoreLockedException}), was written by an unknown format version, is damaged, or could not be
 * read or written. The message says which store, what is wrong and the fix.
 */
public class RunStoreException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** Creates an exception about the run database {@code file}; {@code message} says the fix. */
  public RunStoreException(Path file, String message) {
    super(message);
    this.file = Objects.requireNonNull(file, "file");
  }

  /** Creates an exception about the run database {@code file} with the underlying cause. */
  public RunStoreException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The run database this is about, as given to {@link RunDatabase#open}. */
  public Path file() {
    return file;
  }
}
