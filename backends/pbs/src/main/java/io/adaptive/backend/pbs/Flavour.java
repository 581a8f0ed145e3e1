/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

/** Which PBS: they differ in resource syntax, finished-job history and the exit attribute. */
enum Flavour {
  /**
   * OpenPBS and PBS Professional: {@code -l select=} chunks, finished jobs only with
   * {@code qstat -x} (state F, {@code Exit_status}).
   */
  OPENPBS("Pbs.openPbs()"),
  /**
   * Torque: {@code -l nodes=N:ppn=M}, finished jobs shown as C for {@code keep_completed}
   * seconds ({@code exit_status}), no {@code qstat -x}.
   */
  TORQUE("Pbs.torque()");

  final String factory;

  Flavour(String factory) {
    this.factory = factory;
  }
}
