/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A function evaluated at every element of a fixed sequence, in order, as python-adaptive's
 * {@code SequenceLearner} (learners.md section 9): nothing adaptive, but it runs, saves and resumes
 * like any learner. It finishes on its own: stop it with {@code until(done())}. The elements
 * define its data, so they are part of its fingerprint. Build one with {@link Adaptive#sequence};
 * it is immutable.
 */
public sealed interface SequenceDefinition extends LearnerDefinition permits SequenceValue {

  /** The elements, in order; an unmodifiable copy. */
  List<Double> elements();

  /** The function of one element. */
  DoubleUnaryOperator function();
}
