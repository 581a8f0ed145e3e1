/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A learner's data file was written for a different plan: the fingerprint stored in it differs from
 * the one the current plan computes for the same learner, so its points may not belong to this
 * learner's function, domain or loss. Nothing is read from or written to the file.
 */
public final class DataFingerprintException extends DataFileException {

  private static final long serialVersionUID = 1L;

  private final String learner;
  private final String expected;
  private final String found;

  DataFingerprintException(Path file, String learner, String expected, String found) {
    super(file, message(file, learner, expected, found));
    this.learner = learner;
    this.expected = Objects.requireNonNull(expected, "expected");
    this.found = Objects.requireNonNull(found, "found");
  }

  private static String message(Path file, String learner, String expected, String found) {
    return "the data file of learner '"
        + learner
        + "' was written for a different plan: '"
        + file
        + "'\n  expected fingerprint "
        + expected
        + ", found "
        + found
        + "\n  fix: delete the learner directory '"
        + file.toAbsolutePath().getParent()
        + "' to start this learner afresh, or restore the plan that wrote it";
  }

  /** The learner whose data file this is. */
  public String learner() {
    return learner;
  }

  /** The fingerprint the current plan computes for the learner, in hex. */
  public String expected() {
    return expected;
  }

  /** The fingerprint stored in the data file, in hex. */
  public String found() {
    return found;
  }
}
