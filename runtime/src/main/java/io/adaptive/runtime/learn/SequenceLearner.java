/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Evaluates a function at every element of a fixed sequence, in order: nothing adaptive, but it
 * runs, saves and resumes like any other learner. It is done when every element has a value.
 *
 * <p>Reimplements {@code SequenceLearner} of python-adaptive v1.5.2 (see NOTICE); learners.md
 * section 9 is the specification. Points are {@link Indexed} pairs {@code (index, element)}; the
 * function needs only the element, and a tell is matched to its element by the index alone.
 *
 * <p>The loss is the fraction of elements without a value, and 0 once {@link #done()}.
 *
 * <p>Not thread-safe, like every {@link Learner}.
 *
 * @param <T> the element type; {@link #ofDoubles} and {@link #ofArrays} cover doubles and {@code
 *     double[]}
 */
public final class SequenceLearner<T> implements Learner<SequenceLearner.Indexed<T>, Double> {

  /**
   * A point of a {@link SequenceLearner}: element number {@code index} of the sequence. Two points
   * are equal when their indices are and their elements are deeply equal (arrays by content,
   * doubles bit for bit).
   *
   * @param index the position in the sequence, from 0
   * @param element the element at that position; shared with the learner, so do not modify it
   */
  public record Indexed<T>(int index, T element) {

    @Override
    public boolean equals(Object other) {
      return other instanceof Indexed<?> that
          && index == that.index
          && Objects.deepEquals(element, that.element);
    }

    @Override
    public int hashCode() {
      return Integer.hashCode(index);
    }

    @Override
    public String toString() {
      String shown =
          element instanceof double[] array ? Arrays.toString(array) : String.valueOf(element);
      return "(" + index + ", " + shown + ")";
    }
  }

  private final List<T> sequence;
  private final DataCodec<Indexed<T>, Double> codec;
  private final int ntotal;

  /** Indices not yet asked (nor told), ascending. */
  private final BitSet toDo;

  private final BitSet pending = new BitSet();
  private int npending;
  private final BitSet evaluated = new BitSet();
  private final double[] values;

  /** Indices in the order they were told. */
  private final int[] told;

  private int npoints;

  private SequenceLearner(List<T> sequence, Codec<T> elementCodec) {
    this.sequence = sequence;
    this.ntotal = sequence.size();
    this.codec =
        new DataCodec<>(
            "sequence",
            indexedCodec(Objects.requireNonNull(elementCodec, "elementCodec")),
            Codecs.doubles("y"));
    this.toDo = new BitSet(ntotal);
    toDo.set(0, ntotal);
    this.values = new double[ntotal];
    this.told = new int[ntotal];
  }

  /**
   * A learner over {@code sequence}, whose elements are written with {@code elementCodec} (after
   * the index column {@code i}).
   *
   * @param sequence the elements, copied; none may be null
   * @throws NullPointerException if an argument or an element is null
   */
  public static <T> SequenceLearner<T> of(List<T> sequence, Codec<T> elementCodec) {
    return new SequenceLearner<>(List.copyOf(sequence), elementCodec);
  }

  /** A learner over numbers; its data columns are {@code i, x, y}. */
  public static SequenceLearner<Double> ofDoubles(List<Double> sequence) {
    return of(sequence, Codecs.doubles("x"));
  }

  /**
   * A learner over points of one dimension {@code d}; its data columns are {@code i, x0, …, x(d−1),
   * y}. The arrays are copied.
   *
   * @throws IllegalArgumentException if the arrays differ in length, or have none
   */
  public static SequenceLearner<double[]> ofArrays(List<double[]> sequence) {
    List<double[]> copy = new ArrayList<>(sequence.size());
    for (double[] element : sequence) {
      copy.add(element.clone());
    }
    int d = copy.isEmpty() ? 1 : copy.get(0).length;
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i).length != d || d == 0) {
        throw new IllegalArgumentException(
            "every element must have the same, non-zero length; element 0 has "
                + d
                + " and element "
                + i
                + " has "
                + copy.get(i).length);
      }
    }
    return new SequenceLearner<>(Collections.unmodifiableList(copy), Codecs.doubleArrays("x", d));
  }

  // ---------------------------------------------------------------------------------------------
  // Learner

  /**
   * Returns the first {@code n} elements not yet asked, in sequence order, each with improvement
   * {@code 1/size}; fewer (possibly none) when fewer remain.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  @Override
  public Asked<Indexed<T>> ask(int n, boolean tellPending) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, got '" + n + "'");
    }
    List<Indexed<T>> points = new ArrayList<>(Math.min(n, ntotal));
    for (int i = toDo.nextSetBit(0); i >= 0 && points.size() < n; i = toDo.nextSetBit(i + 1)) {
      points.add(new Indexed<>(i, sequence.get(i)));
    }
    if (tellPending) {
      for (Indexed<T> p : points) {
        markPending(p.index());
      }
    }
    return new Asked<>(points, Collections.nCopies(points.size(), 1.0 / ntotal));
  }

  /**
   * Records the value of element {@code point.index()}; ignored if it has one already.
   *
   * @throws NullPointerException if {@code point} or {@code y} is null
   * @throws IndexOutOfBoundsException if the index is outside the sequence
   */
  @Override
  public void tell(Indexed<T> point, Double y) {
    Objects.requireNonNull(y, "y");
    int i = checkedIndex(point);
    if (evaluated.get(i)) {
      return;
    }
    evaluated.set(i);
    values[i] = y;
    told[npoints++] = i;
    toDo.clear(i);
    if (pending.get(i)) {
      pending.clear(i);
      npending--;
    }
  }

  /**
   * Marks element {@code point.index()} as being evaluated, so it is not asked again; ignored if it
   * has a value.
   *
   * @throws IndexOutOfBoundsException if the index is outside the sequence
   */
  @Override
  public void tellPending(Indexed<T> point) {
    int i = checkedIndex(point);
    if (!evaluated.get(i)) {
      markPending(i);
    }
  }

  /**
   * The fraction of elements without a value: {@code (size − npoints) / size}, where {@code real =
   * false} also counts the pending elements as evaluated; 0 when {@link #done()}.
   */
  @Override
  public double loss(boolean real) {
    if (done()) {
      return 0.0;
    }
    long counted = (long) npoints + (real ? 0 : npending);
    return (double) (ntotal - counted) / ntotal;
  }

  @Override
  public long npoints() {
    return npoints;
  }

  /** Puts the pending elements back, to be asked again in sequence order. */
  @Override
  public void removeUnfinished() {
    toDo.or(pending);
    pending.clear();
    npending = 0;
  }

  /** Calls {@code sink} with every evaluated point and its value, in the order they were told. */
  @Override
  public void forEachData(BiConsumer<? super Indexed<T>, ? super Double> sink) {
    for (int k = 0; k < npoints; k++) {
      int i = told[k];
      sink.accept(new Indexed<>(i, sequence.get(i)), values[i]);
    }
  }

  /** Kind {@code sequence}, columns {@code i}, the element's columns, then {@code y}. */
  @Override
  public DataCodec<Indexed<T>, Double> codec() {
    return codec;
  }

  // ---------------------------------------------------------------------------------------------

  /** True when every element has a value (nothing left to ask, nothing pending). */
  public boolean done() {
    return npending == 0 && toDo.isEmpty();
  }

  /**
   * The values in sequence order.
   *
   * @throws IllegalStateException if the learner is not {@link #done()}
   */
  public List<Double> result() {
    if (!done()) {
      throw new IllegalStateException(
          "the learner is not done: "
              + (ntotal - npoints)
              + " of "
              + ntotal
              + " elements have no value yet; run it until done()");
    }
    List<Double> result = new ArrayList<>(ntotal);
    for (double v : values) {
      result.add(v);
    }
    return result;
  }

  /** The number of elements. */
  public int size() {
    return ntotal;
  }

  /** The elements (unmodifiable). */
  public List<T> sequence() {
    return sequence;
  }

  // ---------------------------------------------------------------------------------------------

  private void markPending(int i) {
    toDo.clear(i);
    if (!pending.get(i)) {
      pending.set(i);
      npending++;
    }
  }

  private int checkedIndex(Indexed<T> point) {
    int i = Objects.requireNonNull(point, "point").index();
    if (i < 0 || i >= ntotal) {
      throw new IndexOutOfBoundsException(
          "index '" + i + "' is outside the sequence of " + ntotal + " elements");
    }
    return i;
  }

  private static <T> Codec<Indexed<T>> indexedCodec(Codec<T> element) {
    List<String> columns = new ArrayList<>();
    columns.add("i");
    columns.addAll(element.columns());
    List<String> allColumns = List.copyOf(columns);
    return new Codec<>() {
      @Override
      public void write(Indexed<T> value, DataOutput out) throws IOException {
        out.writeInt(value.index());
        element.write(value.element(), out);
      }

      @Override
      public Indexed<T> read(DataInput in) throws IOException {
        int index = in.readInt();
        return new Indexed<>(index, element.read(in));
      }

      @Override
      public List<String> columns() {
        return allColumns;
      }

      @Override
      public void appendCsv(Indexed<T> value, StringBuilder row) {
        row.append(value.index()).append(',');
        element.appendCsv(value.element(), row);
      }
    };
  }
}
