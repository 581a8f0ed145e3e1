/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.AdaptiveException;
import java.util.List;
import java.util.Locale;

/**
 * A run cannot start where it was asked to: every problem found before anything started, each
 * naming the value, where it came from, and the fix.
 */
public final class RunEnvironmentException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  RunEnvironmentException(String experiment, List<String> problems) {
    super(format(experiment, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String experiment, List<String> problems) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "cannot run experiment '%s': %d %s; nothing was started", experiment, problems.size(),
        problems.size() == 1 ? "problem" : "problems"));
    for (int i = 0; i < problems.size(); i++) {
      text.append(String.format(Locale.ROOT, "%n  %d. %s", i + 1, problems.get(i)));
    }
    return text.toString();
  }
}
