/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Map;

/**
 * Renders plan values as the text of {@link ExecutionPlan#explain()}.
 *
 * <p>A learner's fields go on its type's line; each child of a balancing learner gets a line of its
 * own, indented below it. A list of more than {@link #SHOWN} numbers is shortened to its first and
 * last elements, its size and a hash of all of it (64-bit FNV-1a over the exact bits), so that the
 * text stays readable and still differs whenever the list does.
 */
final class PlanText implements Definition {

  private static final int SHOWN = 8;

  private final StringBuilder text = new StringBuilder();
  private final String indent;

  private PlanText(String indent) {
    this.indent = indent;
  }

  static String explain(LearnerTask task) {
    PlanText definition = new PlanText("  ");
    task.spec().define(definition);
    ResourceShape r = task.resources();
    StringBuilder text = new StringBuilder();
    text.append("learner ").append(task.name()).append('\n');
    if (!task.parameters().isEmpty()) {
      text.append("  parameters");
      for (Parameter p : task.parameters()) {
        text.append(' ').append(LearnerNames.escape(p.axis())).append('=');
        text.append(LearnerNames.isSupported(p.value())
            ? LearnerNames.value(p.value()) : LearnerNames.escape(String.valueOf(p.value())));
      }
      text.append('\n');
    }
    if (!task.dependsOn().isEmpty()) {
      text.append("  after ").append(String.join(", ", task.dependsOn())).append('\n');
    }
    text.append("  ").append(task.spec().type()).append(definition.text).append('\n');
    text.append("  until ").append(task.goal().describe()).append('\n');
    text.append("  resources cores=").append(r.cores()).append(" nodes=").append(r.nodes())
        .append(r.tasks() > 1 ? " tasks=" + r.tasks() : "").append(" memory=").append(r.memory()).append(" walltime=").append(r.walltime());
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
    text.append('\n');
    text.append("  fingerprint ").append(Fingerprint.abbreviate(task.fingerprint())).append('\n');
    return text.toString();
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

  @Override
  public Definition numbers(String field, List<Double> values) {
    text.append(' ').append(field).append("=[");
    if (values.size() <= SHOWN) {
      for (int i = 0; i < values.size(); i++) {
        text.append(i == 0 ? "" : ", ").append((double) values.get(i));
      }
      text.append(']');
    } else {
      for (int i = 0; i < SHOWN - 2; i++) {
        text.append(values.get(i)).append(", ");
      }
      text.append("..., ").append((double) values.get(values.size() - 1)).append("] (")
          .append(values.size()).append(" values, fnv1a64=")
          .append(String.format(java.util.Locale.ROOT, "%016x", fnv1a64(values))).append(')');
    }
    return this;
  }

  @Override
  public Definition learner(String field, String name, LearnerSpec spec) {
    PlanText child = new PlanText(indent + "  ");
    spec.define(child);
    text.append('\n').append(indent).append("  ").append(field).append(" '").append(name)
        .append("' ").append(spec.type()).append(child.text);
    return this;
  }

  private static long fnv1a64(List<Double> values) {
    long hash = 0xcbf29ce484222325L;
    for (double value : values) {
      long bits = Double.doubleToLongBits(value);
      for (int shift = 0; shift < 64; shift += 8) {
        hash ^= (bits >>> shift) & 0xFF;
        hash *= 0x100000001b3L;
      }
    }
    return hash;
  }
}
