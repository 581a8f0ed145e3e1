/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import io.adaptive.runtime.LearnerState;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Objects;

/**
 * One entry of the run database's journal: a learner's state changed, or a job came or went,
 * and why. The journal is the run's history as the manager saw it: what {@code status} and a
 * post-mortem read.
 *
 * @param epochMillis when it happened, milliseconds since the epoch
 * @param learner the learner's name
 * @param job the manager's id of the job involved; empty if none
 * @param from the learner's state before
 * @param to the learner's state after; equal to {@code from} for an event that changed no state
 * @param reason why, in words, e.g. {@code submitted as 8813402} or the failure's first line
 */
public record LearnerEvent(
    long epochMillis, String learner, String job, LearnerState from, LearnerState to,
    String reason) {

  public LearnerEvent {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(reason, "reason");
  }

  void write(DataOutput out) throws IOException {
    out.writeLong(epochMillis);
    RunDatabase.writeString(out, learner);
    RunDatabase.writeString(out, job);
    // by name, not ordinal: LearnerState may gain or reorder constants
    RunDatabase.writeString(out, from.name());
    RunDatabase.writeString(out, to.name());
    RunDatabase.writeString(out, reason);
  }

  static LearnerEvent read(DataInput in) throws IOException {
    long epochMillis = in.readLong();
    String learner = RunDatabase.readString(in);
    String job = RunDatabase.readString(in);
    LearnerState from = state(RunDatabase.readString(in));
    LearnerState to = state(RunDatabase.readString(in));
    return new LearnerEvent(epochMillis, learner, job, from, to, RunDatabase.readString(in));
  }

  private static LearnerState state(String name) throws IOException {
    try {
      return LearnerState.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IOException("learner state '" + name + "' is unknown", e);
    }
  }
}
