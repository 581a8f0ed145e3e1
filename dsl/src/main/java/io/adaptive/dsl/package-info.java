/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
/**
 * The experiment DSL: the vocabulary a main class uses to describe an experiment, and
 * {@code compile()}, which turns it into an {@link io.adaptive.plan.ExecutionPlan} or reports every
 * problem at once.
 */
package io.adaptive.dsl;
