/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** A growing byte array whose content can be read without a copy. */
final class Bytes extends ByteArrayOutputStream {

  Bytes(int capacity) {
    super(capacity);
  }

  Bytes(byte[] content) {
    super(0);
    buf = content.clone();
    count = content.length;
  }

  /** The backing array; bytes {@code 0 … size()-1} are the content. */
  byte[] array() {
    return buf;
  }

  void writeLong(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[count++] = (byte) (value >>> shift);
    }
  }

  /** A copy of the content. */
  byte[] copy() {
    return Arrays.copyOf(buf, count);
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(count + more, Math.max(16, buf.length * 2)));
    }
  }
}
