/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.util.Objects;

/**
 * What a failed scheduler command means, as {@link Scheduler#diagnose} reads its output.
 *
 * @param kind whether retrying can help
 * @param fix for a permanent error, one concrete thing the user can do, e.g. {@code see which
 *     partitions exist: sinfo --summarize}; empty otherwise
 */
public record Diagnosis(Kind kind, String fix) {

  /** Whether retrying can help. */
  public enum Kind {
    /** The scheduler is busy or unreachable for a moment, or a per-user limit is reached: retry. */
    TRANSIENT,
    /** The request itself is wrong (no such partition, account or QOS): retrying cannot help. */
    PERMANENT,
    /** An error this scheduler does not know: not retried, reported with the tool's own words. */
    UNKNOWN
  }

  public Diagnosis {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(fix, "fix");
  }

  /** A transient error: retry later. */
  public static Diagnosis transientError() {
    return new Diagnosis(Kind.TRANSIENT, "");
  }

  /** A permanent error and how to fix it. */
  public static Diagnosis permanent(String fix) {
    return new Diagnosis(Kind.PERMANENT, fix);
  }

  /** An error nobody knows. */
  public static Diagnosis unknown() {
    return new Diagnosis(Kind.UNKNOWN, "");
  }
}
