/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One job block of {@code qstat -f}: its id and its attributes in the order qstat printed them.
 *
 * @param id the whole id as qstat prints it after {@code Job Id:}, e.g. {@code 4211.pbs01}
 * @param attributes attribute name (dotted for resources, e.g. {@code Resource_List.walltime}) to
 *     its value with continuation lines joined
 */
record QstatJob(String id, Map<String, String> attributes) {

  QstatJob {
    Objects.requireNonNull(id, "id");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The attribute's value, or the empty text if qstat did not print it. */
  String get(String name) {
    return attributes.getOrDefault(name, "");
  }

  /** The state letter ({@code job_state}), e.g. {@code R}; empty if absent. */
  String state() {
    return get("job_state");
  }

  /** {@code Job_Name}; empty if absent. */
  String name() {
    return get("Job_Name");
  }

  /** The user part of {@code Job_Owner} ({@code alice} of {@code alice@login01}). */
  String owner() {
    String owner = get("Job_Owner");
    int at = owner.indexOf('@');
    return at < 0 ? owner : owner.substring(0, at);
  }

  /**
   * {@code Exit_status} (OpenPBS, PBS Pro) or {@code exit_status} (Torque); empty if neither is
   * printed or the value is not a whole number.
   */
  OptionalInt exitStatus() {
    String value = attributes.containsKey("Exit_status") ? get("Exit_status") : get("exit_status");
    try {
      return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
