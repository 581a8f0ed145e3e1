/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

/**
 * An amount of memory in bytes. Schedulers are given whole mebibytes, rounded up.
 *
 * @param bytes the amount; positive in a compiled plan
 */
public record Memory(long bytes) {

  private static final long MIB = 1L << 20;

  /** {@code n} mebibytes (2^20 bytes). */
  public static Memory mib(long n) {
    return new Memory(n * MIB);
  }

  /** {@code n} gibibytes (2^30 bytes). */
  public static Memory gib(long n) {
    return new Memory(n * 1024 * MIB);
  }

  /** This amount in whole mebibytes, rounded up (towards positive infinity, also when negative). */
  public long toMibCeil() {
    return Math.floorDiv(bytes + MIB - 1, MIB);
  }

  @Override
  public String toString() {
    long mib = toMibCeil();
    return mib % 1024 == 0 ? "gib(" + mib / 1024 + ")" : "mib(" + mib + ")";
  }
}
