/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * Receives the fields that define a learner's data, in a fixed order.
 *
 * <p>The same walk feeds the fingerprint (SHA-256 in the runtime) and {@link ExecutionPlan#explain()},
 * so the two can never disagree about what defines a learner. Field names are stable API: renaming
 * one changes every fingerprint.
 */
public interface Definition {

  /** Records a text field. */
  Definition text(String field, String value);

  /** Records a floating-point field; the fingerprint hashes its exact bits. */
  Definition number(String field, double value);

  /** Records an integer field. */
  Definition integer(String field, long value);
}
