/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.runtime.learn.BoundLearner;

/**
 * One call of the user's function and what came of it, judged the same way in a worker and in an
 * evaluator: a null value and a thrown error are errors, a NaN or infinite value is non-finite.
 *
 * @param value the value; null if there was an error
 * @param error what went wrong; null for a value
 * @param nonFinite whether the error is a non-finite value (its own {@link PointPolicy})
 */
record PointEvaluation<V>(V value, Throwable error, boolean nonFinite) {

  /** Calls {@code function} at {@code point}; never throws. */
  static <P, V> PointEvaluation<V> of(BoundLearner.PointFunction<P, V> function, P point) {
    try {
      V value = function.apply(point);
      if (value == null) {
        return new PointEvaluation<>(null,
            new NullPointerException("the function returned null at " + describe(point)), false);
      }
      if (!isFinite(value)) {
        return new PointEvaluation<>(null, new ArithmeticException("the function returned a"
            + " non-finite value at " + describe(point) + ": " + describe(value)), true);
      }
      return new PointEvaluation<>(value, null, false);
    } catch (Exception | LinkageError | AssertionError e) {
      return new PointEvaluation<>(null, e, false);
    }
  }

  static boolean isFinite(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof double[] values) {
      for (double v : values) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  static String describe(Object value) {
    return value instanceof double[] values ? java.util.Arrays.toString(values) : value.toString();
  }
}
