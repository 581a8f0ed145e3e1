/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.time.Duration;

/** The values {@code compile()} fills in where an experiment says nothing. */
public final class Defaults {

  /** Threads evaluating points at once in one learner's job: 1. */
  public static final int CORES = 1;

  /** Nodes per job: 1. */
  public static final int NODES = 1;

  /** Memory per job: 2 GiB. */
  public static final Memory MEMORY = Memory.gib(2);

  /** Walltime per job: 1 hour. */
  public static final Duration WALLTIME = Duration.ofHours(1);

  private Defaults() {}
}
