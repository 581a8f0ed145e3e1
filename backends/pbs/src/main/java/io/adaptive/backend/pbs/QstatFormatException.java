/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import io.adaptive.backend.batch.SchedulerOutputException;

/** {@code qstat -f} printed something that is not the documented layout; nothing was concluded. */
final class QstatFormatException extends SchedulerOutputException {

  private static final long serialVersionUID = 1L;

  QstatFormatException(String message) {
    super(message);
  }
}
