/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.protocol;

import io.adaptive.AdaptiveException;

/** A peer broke the protocol: a malformed, oversized or unexpected message, or a lost connection. */
public final class ProtocolException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  ProtocolException(String message) {
    super(message);
  }

  ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
