/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.util.Objects;

/**
 * One job as a status command reported it.
 *
 * @param id the job's id, as {@link Scheduler#parseSubmitted} returned it
 * @param name the job's name
 * @param state what the job is doing, in the vocabulary shared by all schedulers
 * @param schedulerState the scheduler's own word for it, e.g. {@code COMPLETING} or {@code E}
 * @param reason why it waits or ended, as the scheduler says (e.g. {@code Resources}); empty if
 *     none
 * @param nodes where it runs; empty if not known or not started
 * @param comment the job's comment, empty if unset; carries {@code adaptive:run=<tag>;job=<id>}
 * @param exitStatus the job's exit status if the scheduler reports one, else
 *     {@link #NO_EXIT_STATUS}
 */
public record SchedulerJob(String id, String name, SchedulerState state, String schedulerState,
    String reason, String nodes, String comment, int exitStatus) {

  /** The scheduler did not report an exit status. */
  public static final int NO_EXIT_STATUS = Integer.MIN_VALUE;

  public SchedulerJob {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(schedulerState, "schedulerState");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(comment, "comment");
  }
}
