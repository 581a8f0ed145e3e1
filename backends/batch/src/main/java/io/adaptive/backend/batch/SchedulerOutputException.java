/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.AdaptiveException;

/** A scheduler command printed something its parser cannot read, or failed; the message quotes it. */
public class SchedulerOutputException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  /** @param message what was expected and what came, quoted */
  public SchedulerOutputException(String message) {
    super(message);
  }
}
