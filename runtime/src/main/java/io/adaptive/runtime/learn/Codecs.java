/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** The codecs of common point and value types. */
public final class Codecs {

  private Codecs() {}

  /** A {@code Double} in one column named {@code column}, written bit for bit. */
  public static Codec<Double> doubles(String column) {
    return new Codec<>() {
      @Override
      public void write(Double value, DataOutput out) throws IOException {
        out.writeDouble(value);
      }

      @Override
      public Double read(DataInput in) throws IOException {
        return in.readDouble();
      }

      @Override
      public List<String> columns() {
        return List.of(column);
      }

      @Override
      public void appendCsv(Double value, StringBuilder row) {
        row.append(value.doubleValue());
      }
    };
  }

  /** A {@code Long} in one column named {@code column}. */
  public static Codec<Long> longs(String column) {
    return new Codec<>() {
      @Override
      public void write(Long value, DataOutput out) throws IOException {
        out.writeLong(value);
      }

      @Override
      public Long read(DataInput in) throws IOException {
        return in.readLong();
      }

      @Override
      public List<String> columns() {
        return List.of(column);
      }

      @Override
      public void appendCsv(Long value, StringBuilder row) {
        row.append(value.longValue());
      }
    };
  }
}
