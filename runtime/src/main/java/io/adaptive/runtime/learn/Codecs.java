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

  /**
   * A {@code double[]} of fixed length in columns {@code prefix0, prefix1, …}, written bit for bit
   * (binary: the {@code length} doubles, without a length prefix).
   *
   * @throws IllegalArgumentException if {@code length < 1}; writing an array of another length
   *     also throws it
   */
  public static Codec<double[]> doubleArrays(String prefix, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("length '" + length + "' must be at least 1");
    }
    List<String> columns = new java.util.ArrayList<>(length);
    for (int c = 0; c < length; c++) {
      columns.add(prefix + c);
    }
    List<String> names = List.copyOf(columns);
    return new Codec<>() {
      private void check(double[] value) {
        if (value.length != length) {
          throw new IllegalArgumentException(
              "an array of length " + value.length + " for " + length + " columns " + names);
        }
      }

      @Override
      public void write(double[] value, DataOutput out) throws IOException {
        check(value);
        for (double v : value) {
          out.writeDouble(v);
        }
      }

      @Override
      public double[] read(DataInput in) throws IOException {
        double[] value = new double[length];
        for (int c = 0; c < length; c++) {
          value[c] = in.readDouble();
        }
        return value;
      }

      @Override
      public List<String> columns() {
        return names;
      }

      @Override
      public void appendCsv(double[] value, StringBuilder row) {
        check(value);
        for (int c = 0; c < length; c++) {
          if (c > 0) {
            row.append(',');
          }
          row.append(value[c]);
        }
      }
    };
  }
}
