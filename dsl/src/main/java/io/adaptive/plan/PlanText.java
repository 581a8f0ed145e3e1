/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.Map;

/** Renders plan values as the text of {@link ExecutionPlan#explain()}. */
final class PlanText implements Definition {

  private final StringBuilder text = new StringBuilder();

  private PlanText() {}

  static String explain(LearnerTask task) {
    PlanText definition = new PlanText();
    task.spec().define(definition);
    ResourceShape r = task.resources();
    StringBuilder text = new StringBuilder();
    text.append("learner ").append(task.name()).append('\n');
    text.append("  ").append(task.spec().type()).append(definition.text).append('\n');
    text.append("  until ").append(task.goal().describe()).append('\n');
    text.append("  resources cores=").append(r.cores()).append(" nodes=").append(r.nodes())
        .append(" memory=").append(r.memory()).append(" walltime=").append(r.walltime());
    appendIfSet(text, "partition", r.partition());
    appendIfSet(text, "account", r.account());
    appendIfSet(text, "qos", r.qos());
    if (r.gpus() > 0) {
      text.append(" gpus=").append(r.gpus());
    }
    if (r.exclusive()) {
      text.append(" exclusive");
    }
    appendIfSet(text, "constraint", r.constraint());
    for (Map.Entry<String, String> e : r.environment().entrySet()) {
      text.append(" env.").append(e.getKey()).append("='").append(e.getValue()).append('\'');
    }
    for (String line : r.prelude()) {
      text.append(" prelude='").append(line).append('\'');
    }
    for (String option : r.schedulerOptions()) {
      text.append(" option='").append(option).append('\'');
    }
    return text.append('\n').toString();
  }

  private static void appendIfSet(StringBuilder text, String field, String value) {
    if (!value.isEmpty()) {
      text.append(' ').append(field).append("='").append(value).append('\'');
    }
  }

  @Override
  public Definition text(String field, String value) {
    text.append(' ').append(field).append("='").append(value).append('\'');
    return this;
  }

  @Override
  public Definition number(String field, double value) {
    text.append(' ').append(field).append('=').append(value);
    return this;
  }

  @Override
  public Definition integer(String field, long value) {
    text.append(' ').append(field).append('=').append(value);
    return this;
  }
}
