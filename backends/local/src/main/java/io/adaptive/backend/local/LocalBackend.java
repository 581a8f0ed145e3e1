/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.runtime.spi.Backend;
import io.adaptive.runtime.spi.BackendSession;
import io.adaptive.runtime.spi.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A local backend: its mode and core budget. An immutable value; sessions do the work. */
record LocalBackend(Mode mode, int cores) implements Backend {

  enum Mode {
    PROCESSES("local", "processes"),
    IN_PROCESS("in-process", "inProcess");

    final String backendName;
    final String factory;

    Mode(String backendName, String factory) {
      this.backendName = backendName;
      this.factory = factory;
    }
  }

  @Override
  public String name() {
    return mode.backendName;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(mode == Mode.PROCESSES, cores);
  }

  @Override
  public List<String> check(ExecutionPlan plan) {
    List<String> problems = new ArrayList<>();
    for (LearnerTask task : plan.learners()) {
      int asked = task.resources().cores();
      if (asked > cores) {
        problems.add(String.format(Locale.ROOT, "learner '%s' asks for cores(%d), but the %s"
            + " backend has a budget of %d cores, so it could never start; lower cores(..) or"
            + " raise the budget, e.g. Local.%s(%d)", task.name(), asked, name(), cores,
            mode.factory, asked));
      }
      if (task.resources().nodes() > 1) {
        problems.add(String.format(Locale.ROOT, "learner '%s' asks for nodes(%d), but the %s"
            + " backend runs on this machine only; use a batch backend, or nodes(1)",
            task.name(), task.resources().nodes(), name()));
      }
      if (task.resources().gpus() > 0) {
        problems.add(String.format(Locale.ROOT, "learner '%s' asks for gpus(%d), but the %s"
            + " backend cannot reserve GPUs; use a batch backend, or remove gpus(..)",
            task.name(), task.resources().gpus(), name()));
      }
    }
    return problems;
  }

  @Override
  public BackendSession open() {
    return new BudgetedSession(cores,
        mode == Mode.PROCESSES ? new ProcessStarter() : new ThreadStarter(), name());
  }

  @Override
  public String toString() {
    return "Local." + mode.factory + "(" + cores + ")";
  }
}
