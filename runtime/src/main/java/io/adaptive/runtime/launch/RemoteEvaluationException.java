/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.AdaptiveException;

/**
 * The user's function failed on an evaluator: the message is the error and stack trace as the
 * evaluator printed them. It has no stack trace of its own, which would only show the worker's
 * waiting thread.
 */
final class RemoteEvaluationException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  RemoteEvaluationException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
