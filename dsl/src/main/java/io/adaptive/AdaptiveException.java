/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive;

/**
 * The unchecked root of every error adaptive-java throws.
 *
 * <p>Unchecked on purpose: a caller can rarely recover from a bad experiment or a broken run
 * directory at the call site, and checked exceptions would force every lambda and builder step to
 * carry them. Subclasses live in the package that throws them and carry fields (for example the
 * list of problems) so that tools never parse the message text.
 */
public class AdaptiveException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what is wrong, where, and the fix. */
  public AdaptiveException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public AdaptiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
