/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Writes one kind of value (a point or a function value) in binary and as CSV columns. Binary
 * writing is exact: reading gives back an equal value, doubles bit for bit.
 */
public interface Codec<T> {

  /** Writes {@code value} to {@code out}. */
  void write(T value, DataOutput out) throws IOException;

  /** Reads a value written by {@link #write}. */
  T read(DataInput in) throws IOException;

  /** The CSV column names this codec writes, e.g. {@code [x]}. */
  List<String> columns();

  /**
   * Appends the value's CSV cells, separated by commas, one per {@link #columns() column}. Doubles
   * are written so that {@code Double.parseDouble} gives back the identical value.
   */
  void appendCsv(T value, StringBuilder row);
}
