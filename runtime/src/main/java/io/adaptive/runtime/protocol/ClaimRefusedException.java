/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

import io.adaptive.AdaptiveException;

/** The run manager refused a worker's claim of a learner; the message says why and the fix. */
public final class ClaimRefusedException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  ClaimRefusedException(String reason) {
    super(reason);
  }
}
