/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.adaptive.plan.Definition;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Parameter;
import java.nio.charset.StandardCharsets;

/**
 * SHA-256 fingerprints of what defines a learner's data: its name, learner type, sweep parameters,
 * domain and loss, in a fixed order. Goals and resources are left out on purpose, so that
 * tightening a goal or asking for more walltime keeps the data.
 *
 * <p>Format version first; then every field explicitly; strings length-prefixed (so ("ab", "c")
 * differs from ("a", "bc")); doubles as their exact bits.
 */
public final class PlanFingerprint {

  private static final String FORMAT = "adaptive-fingerprint/1";

  private PlanFingerprint() {}

  /** The fingerprint of one learner, as 64 lowercase hex digits. */
  public static String of(LearnerTask task) {
    Hasher hasher = Hashing.sha256().newHasher();
    putString(hasher, FORMAT);
    putString(hasher, task.name());
    putString(hasher, task.spec().type());
    hasher.putInt(task.parameters().size());
    for (Parameter parameter : task.parameters()) {
      putString(hasher, parameter.axis());
      putValue(hasher, parameter.value());
    }
    task.spec().define(new HashingDefinition(hasher));
    return hasher.hash().toString();
  }

  /** The fingerprint of a whole plan, derived from its learners' fingerprints in plan order. */
  public static String of(ExecutionPlan plan) {
    Hasher hasher = Hashing.sha256().newHasher();
    putString(hasher, FORMAT);
    putString(hasher, plan.experiment());
    hasher.putInt(plan.learners().size());
    for (LearnerTask task : plan.learners()) {
      putString(hasher, of(task));
    }
    return hasher.hash().toString();
  }

  private static void putString(Hasher hasher, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    hasher.putInt(bytes.length).putBytes(bytes);
  }

  private static void putValue(Hasher hasher, Object value) {
    if (value instanceof Double d) {
      hasher.putByte((byte) 'd').putLong(Double.doubleToLongBits(d));
    } else if (value instanceof Integer || value instanceof Long) {
      hasher.putByte((byte) 'l').putLong(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      hasher.putByte((byte) 'b').putBoolean(b);
    } else if (value instanceof Enum<?> e) {
      hasher.putByte((byte) 'e');
      putString(hasher, e.getDeclaringClass().getName());
      putString(hasher, e.name());
    } else {
      hasher.putByte((byte) 's');
      putString(hasher, value.toString());
    }
  }

  private static final class HashingDefinition implements Definition {
    private final Hasher hasher;

    HashingDefinition(Hasher hasher) {
      this.hasher = hasher;
    }

    @Override
    public Definition text(String field, String value) {
      putString(hasher, field);
      hasher.putByte((byte) 's');
      putString(hasher, value);
      return this;
    }

    @Override
    public Definition number(String field, double value) {
      putString(hasher, field);
      hasher.putByte((byte) 'd').putLong(Double.doubleToLongBits(value));
      return this;
    }

    @Override
    public Definition integer(String field, long value) {
      putString(hasher, field);
      hasher.putByte((byte) 'l').putLong(value);
      return this;
    }
  }
}
