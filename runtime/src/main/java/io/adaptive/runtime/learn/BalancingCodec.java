/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.runtime.learn.BalancingLearner.Indexed;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data codec of a {@link BalancingLearner}: kind {@code balancing}; a point is the child's
 * index (column {@code learner_index}, binary {@code int}) followed by the child's point, written
 * with that child's own codec; a value is written with the children's common value codec.
 *
 * <p>Children of different kinds have different point columns. The CSV columns are then {@code
 * learner_index} followed by the union of the children's point columns, in order of first
 * appearance, and a row holds {@code NaN} in the columns its child does not have; so every cell
 * still parses as a number. Binary records need no such padding, because the index says which
 * child's codec reads the rest. Values get no such treatment: a value codec does not see the point,
 * so it cannot know which child wrote a value; all children must therefore write their values alike
 * (the same value columns), and the first child's value codec writes them all.
 */
final class BalancingCodec {

  static final String KIND = "balancing";
  static final String INDEX_COLUMN = "learner_index";

  private BalancingCodec() {}

  /**
   * The codec of a balancing learner over {@code children}.
   *
   * @throws IllegalArgumentException if two children's value columns differ
   */
  static <P, V> DataCodec<Indexed<P>, V> of(List<? extends Learner<P, V>> children) {
    List<DataCodec<P, V>> codecs = new ArrayList<>(children.size());
    for (Learner<P, V> child : children) {
      codecs.add(child.codec());
    }
    DataCodec<P, V> first = codecs.get(0);
    for (int i = 1; i < codecs.size(); i++) {
      DataCodec<P, V> other = codecs.get(i);
      if (!other.value().columns().equals(first.value().columns())) {
        throw new IllegalArgumentException(
            "child "
                + i
                + " (a '"
                + other.kind()
                + "' learner) writes its values as columns "
                + other.value().columns()
                + ", but child 0 (a '"
                + first.kind()
                + "' learner) writes "
                + first.value().columns()
                + "; a BalancingLearner stores every value with one codec, so balance only"
                + " learners whose values have the same columns");
      }
    }
    return new DataCodec<>(KIND, new PointCodec<>(codecs), first.value());
  }

  private static final class PointCodec<P> implements Codec<Indexed<P>> {
    private final List<Codec<P>> children;
    private final List<String> columns;

    /** Per child, the position of each of its point columns among the union, or null if equal. */
    private final int[][] positions;

    PointCodec(List<? extends DataCodec<P, ?>> codecs) {
      children = new ArrayList<>(codecs.size());
      List<String> union = new ArrayList<>();
      for (DataCodec<P, ?> codec : codecs) {
        children.add(codec.point());
        for (String column : codec.point().columns()) {
          if (!union.contains(column)) {
            union.add(column);
          }
        }
      }
      positions = new int[codecs.size()][];
      for (int i = 0; i < codecs.size(); i++) {
        List<String> own = children.get(i).columns();
        if (!own.equals(union)) {
          positions[i] = own.stream().mapToInt(union::indexOf).toArray();
        }
      }
      List<String> all = new ArrayList<>(union.size() + 1);
      all.add(INDEX_COLUMN);
      all.addAll(union);
      columns = List.copyOf(all);
    }

    private Codec<P> child(int index) throws IOException {
      if (index < 0 || index >= children.size()) {
        throw new IOException(
            INDEX_COLUMN
                + " '"
                + index
                + "' names no child: this learner has "
                + children.size()
                + " children");
      }
      return children.get(index);
    }

    @Override
    public void write(Indexed<P> value, DataOutput out) throws IOException {
      out.writeInt(value.child());
      child(value.child()).write(value.point(), out);
    }

    @Override
    public Indexed<P> read(DataInput in) throws IOException {
      int index = in.readInt();
      return new Indexed<>(index, child(index).read(in));
    }

    @Override
    public List<String> columns() {
      return columns;
    }

    @Override
    public void appendCsv(Indexed<P> value, StringBuilder row) {
      int index = value.child();
      if (index < 0 || index >= children.size()) {
        throw new IllegalArgumentException(
            "child index '" + index + "' names no child: there are " + children.size());
      }
      row.append(index);
      Codec<P> codec = children.get(index);
      int[] at = positions[index];
      if (at == null) {
        row.append(',');
        codec.appendCsv(value.point(), row);
        return;
      }
      // This child has only some of the union's columns: place its cells, NaN elsewhere.
      StringBuilder own = new StringBuilder();
      codec.appendCsv(value.point(), own);
      String[] cells = own.toString().split(",", -1);
      if (cells.length != at.length) {
        throw new IllegalStateException(
            "child "
                + index
                + " wrote "
                + cells.length
                + " cells for its "
                + at.length
                + " point columns "
                + codec.columns());
      }
      String[] union = new String[columns.size() - 1];
      Arrays.fill(union, "NaN");
      for (int c = 0; c < at.length; c++) {
        union[at[c]] = cells[c];
      }
      for (String cell : union) {
        row.append(',').append(cell);
      }
    }
  }
}
