/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.runtime.learn.DataSaver.WithExtra;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The data codec of a {@link DataSaver}: the inner learner's point codec, and a value codec that
 * writes the inner value, then the extra, with the extra's columns renamed {@code extra_data} (one
 * column) or {@code extra_data_<column>} (several), as learners.md §2 names them.
 */
final class DataSaverCodec {

  private DataSaverCodec() {}

  static <P, V, E> DataCodec<P, WithExtra<V, E>> of(DataCodec<P, V> inner, Codec<E> extra) {
    List<String> extraColumns = extra.columns();
    List<String> columns = new ArrayList<>(inner.value().columns());
    if (extraColumns.size() == 1) {
      columns.add(DataSaver.EXTRA_COLUMN);
    } else {
      for (String column : extraColumns) {
        columns.add(DataSaver.EXTRA_COLUMN + "_" + column);
      }
    }
    return new DataCodec<>(
        DataSaver.KIND, inner.point(), new ValueCodec<>(inner.value(), extra, columns));
  }

  private static final class ValueCodec<V, E> implements Codec<WithExtra<V, E>> {
    private final Codec<V> value;
    private final Codec<E> extra;
    private final List<String> columns;

    ValueCodec(Codec<V> value, Codec<E> extra, List<String> columns) {
      this.value = value;
      this.extra = extra;
      this.columns = List.copyOf(columns);
    }

    @Override
    public void write(WithExtra<V, E> result, DataOutput out) throws IOException {
      value.write(result.value(), out);
      extra.write(result.extra(), out);
    }

    @Override
    public WithExtra<V, E> read(DataInput in) throws IOException {
      V v = value.read(in);
      return new WithExtra<>(v, extra.read(in));
    }

    @Override
    public List<String> columns() {
      return columns;
    }

    @Override
    public void appendCsv(WithExtra<V, E> result, StringBuilder row) {
      value.appendCsv(result.value(), row);
      row.append(',');
      extra.appendCsv(result.extra(), row);
    }
  }
}
