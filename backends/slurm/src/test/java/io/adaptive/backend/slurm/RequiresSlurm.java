/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that run jobs on a real SLURM cluster. Before them, {@link SlurmClusterCheck} asks
 * {@code sinfo} for a usable node; without one the tests are skipped with the reason, or fail when
 * the environment sets {@code REQUIRE_SLURM=1} (as CI does).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slurm")
@ExtendWith(SlurmClusterCheck.class)
@interface RequiresSlurm {}
