/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints of what defines a learner's data, behind {@link LearnerTask#fingerprint()}
 * and {@link ExecutionPlan#fingerprint()}.
 *
 * <p>The bytes hashed are an on-disk format: stores keep these fingerprints and refuse data whose
 * fingerprint differs, so changing a single byte here orphans every stored run. Format version
 * first; then every field explicitly, in a fixed order; strings as a length then their UTF-8 bytes
 * (so ("ab", "c") differs from ("a", "bc")); ints as 4 and longs as 8 bytes, little-endian;
 * doubles as the long of their exact bits; booleans as one byte, 1 or 0. These are the bytes that
 * Guava's {@code Hasher} fed SHA-256 when the runtime computed fingerprints, so fingerprints
 * stored then still match; {@code FingerprintTest} holds golden values that guard this.
 */
final class Fingerprint implements Definition {

  private static final String FORMAT = "adaptive-fingerprint/1";
  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest digest = sha256();
  private final byte[] scratch = new byte[Long.BYTES];

  private Fingerprint() {
    putString(FORMAT);
  }

  /** Name, learner type, sweep parameters, the spec's fields; not goal, resources, dependencies. */
  static String of(LearnerTask task) {
    Fingerprint fingerprint = new Fingerprint();
    fingerprint.putString(task.name());
    fingerprint.putString(task.spec().type());
    fingerprint.putInt(task.parameters().size());
    for (Parameter parameter : task.parameters()) {
      fingerprint.putString(parameter.axis());
      fingerprint.putValue(parameter.value());
    }
    task.spec().define(fingerprint);
    return fingerprint.hex();
  }

  /** The experiment name, then each learner's fingerprint, in plan order. */
  static String of(ExecutionPlan plan) {
    Fingerprint fingerprint = new Fingerprint();
    fingerprint.putString(plan.experiment());
    fingerprint.putInt(plan.learners().size());
    for (LearnerTask task : plan.learners()) {
      fingerprint.putString(of(task));
    }
    return fingerprint.hex();
  }

  @Override
  public Definition text(String field, String value) {
    putString(field);
    putByte('s');
    putString(value);
    return this;
  }

  @Override
  public Definition number(String field, double value) {
    putString(field);
    putByte('d');
    putLong(Double.doubleToLongBits(value));
    return this;
  }

  @Override
  public Definition integer(String field, long value) {
    putString(field);
    putByte('l');
    putLong(value);
    return this;
  }

  private void putValue(Object value) {
    if (value instanceof Double d) {
      putByte('d');
      putLong(Double.doubleToLongBits(d));
    } else if (value instanceof Integer || value instanceof Long) {
      putByte('l');
      putLong(((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      putByte('b');
      putByte(b ? 1 : 0);
    } else if (value instanceof Enum<?> e) {
      putByte('e');
      putString(e.getDeclaringClass().getName());
      putString(e.name());
    } else {
      putByte('s');
      putString(value.toString());
    }
  }

  private void putString(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    putInt(bytes.length);
    digest.update(bytes);
  }

  private void putByte(int value) {
    digest.update((byte) value);
  }

  private void putInt(int value) {
    putLittleEndian(value, Integer.BYTES);
  }

  private void putLong(long value) {
    putLittleEndian(value, Long.BYTES);
  }

  private void putLittleEndian(long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      scratch[i] = (byte) (value >>> (8 * i));
    }
    digest.update(scratch, 0, bytes);
  }

  /**
   * A fingerprint shortened for people: its first and last four hex digits, e.g. {@code 3557…4fa3}.
   * The runtime's refusal messages shorten fingerprints the same way ({@code RunManager}), so a
   * fingerprint they name can be found in {@code explain()} as it is; change both or neither.
   */
  static String abbreviate(String fingerprint) {
    return fingerprint.length() <= 12 ? fingerprint
        : fingerprint.substring(0, 4) + "…" + fingerprint.substring(fingerprint.length() - 4);
  }

  private String hex() {
    return HEX.formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's documentation), so this is a
      // broken JVM, not something a user can fix.
      throw new IllegalStateException("this JVM has no SHA-256 MessageDigest, which every Java"
          + " platform must provide; run on a standard JDK 17 or later", e);
    }
  }
}
