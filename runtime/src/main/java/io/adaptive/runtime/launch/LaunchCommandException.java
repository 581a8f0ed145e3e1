/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.AdaptiveException;

/** The running program cannot be started again as a worker; the message says how to start it. */
public final class LaunchCommandException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  LaunchCommandException(String message) {
    super(message);
  }
}
