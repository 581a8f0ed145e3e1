/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Learns a function on a box in 2 or 3 dimensions by refining the simplex of largest loss of an
 * incremental Delaunay triangulation (tetrahedralization in 3-D) of the evaluated points:
 * python-adaptive's {@code LearnerND} (v1.5.2, see NOTICE) after learners.md §5.
 *
 * <p><b>What is the same as the reference.</b> The box is mapped to the unit cube (coordinates
 * times {@code 1/width}) and values are multiplied by {@code 1/(max − min)} of all values seen
 * (with the reference's guard against rounding noise), and every loss is recomputed when that range
 * grows by more than a factor 1.1. The first points are the box corners in sorted order, each
 * with improvement {@code inf}; while the evaluated points span no simplex, points are drawn at
 * random in the box. A tell inserts the point by Bowyer–Watson (inclusive circumsphere test with
 * relative tolerance 1e-8, almost-flat simplices skipped, as the reference) and computes the
 * losses of the new simplices, and of their face neighbours for the neighbour losses. The next
 * point comes from the entry of a priority queue first by {@code (−round8(loss), vertex indices,
 * sub-simplex indices)}, the reference's order, so ties break the same way: the centroid of the
 * simplex if its circumcentre lies inside it, else the midpoint of its longest edge. A pending
 * point splits every simplex that contains it into a sub-triangulation whose sub-simplices share
 * the simplex's loss by volume. {@code loss()} is the largest simplex loss ({@code real} is ignored,
 * as in the reference), infinite until there is a triangulation. Losses: {@link LearnerNDLoss}.
 *
 * <p><b>What differs, and why.</b> A point is located from the simplex it was chosen in (a
 * visibility walk for points told without an ask) rather than by a scan of every simplex, so the
 * cost of a tell does not grow with N; the lifted volume of the default loss is
 * computed by Cauchy–Binet rather than the Cayley–Menger determinant (the same volume, better
 * conditioned; losses agree to rounding); {@code loss()} is kept in an indexed heap rather than
 * recomputed as a maximum over all simplices. Queue entries go stale when a simplex's loss is
 * recomputed (the reference may pop an outdated loss). Random points before the first simplex come
 * from a seeded splitmix64, not Python's Mersenne Twister with seed 1. Only in-bounds points are
 * triangulated (the reference's first triangulation also takes told points outside the box).
 * Sub-triangulations use scaled coordinates (the reference's use unscaled ones, which differ only
 * for boxes that are not cubes). {@code removeUnfinished()} puts the split simplices back into the
 * queue (the reference forgets them), and a cavity that the tolerance would leave with an inverted
 * simplex grows instead. The reference's first triangulation comes from Qhull; ours is built by
 * insertion, which can resolve co-spherical box corners differently in 3-D. Runs are compared on
 * bands (learners.md §14): see {@code LearnerNDConformanceTest}.
 *
 * <p>Points are {@code double[dim]}; data is written as columns {@code x, y[, z]} and {@code
 * value}. See {@link #vector} for vector-valued functions. Not thread-safe: the worker loop
 * serialises every call.
 */
public final class LearnerND implements Learner<double[], Double> {

  /** The seed of the random points drawn before the first simplex, unless one is given. */
  public static final long DEFAULT_SEED = 1;

  private final LearnerNDCore core;
  private final DataCodec<double[], Double> codec;
  private final double[] one = new double[1];

  private LearnerND(LearnerNDCore core) {
    this.core = core;
    this.codec = new DataCodec<>("learnerND", points(core.dim), Codecs.doubles("value"));
  }

  /**
   * A learner of a scalar function on the box [{@code lower[i]}, {@code upper[i]}], with no data.
   *
   * @param lower the lower bound of each coordinate; 2 or 3 of them
   * @param upper the upper bound of each coordinate, each greater than its lower bound
   * @param loss the loss of one simplex, e.g. {@code new LearnerNDLoss.Default()}
   * @param seed the seed of the random points drawn before there is a simplex
   * @throws IllegalArgumentException if the box is not 2- or 3-dimensional with finite bounds,
   *     lower &lt; upper
   * @throws NullPointerException if an argument is null
   */
  public static LearnerND of(double[] lower, double[] upper, LearnerNDLoss loss, long seed) {
    return new LearnerND(new LearnerNDCore(lower, upper, 1, loss, seed));
  }

  /** A learner with the default loss and seed. */
  public static LearnerND of(double[] lower, double[] upper) {
    return of(lower, upper, new LearnerNDLoss.Default(), DEFAULT_SEED);
  }

  /**
   * A learner of a function with {@code vdim} outputs: the lifted volumes use every component,
   * and values are scaled by the range over all components. Its data is written as columns {@code
   * x, y[, z], value0, value1, …}.
   *
   * @throws IllegalArgumentException as {@link #of(double[], double[], LearnerNDLoss, long)}, or if
   *     {@code vdim < 1}
   */
  public static Learner<double[], double[]> vector(
      double[] lower, double[] upper, int vdim, LearnerNDLoss loss, long seed) {
    return new LearnerNDVector(new LearnerNDCore(lower, upper, vdim, loss, seed));
  }

  /** The dimension of the box, 2 or 3. */
  public int dimension() {
    return core.dim;
  }

  /** The number of pending points. */
  public int pendingCount() {
    return core.pendingCount();
  }

  /**
   * The linear interpolant of the evaluated points on their triangulation at {@code point}: NaN
   * outside the box, and before the points span a simplex.
   */
  public double interpolate(double[] point) {
    check(point, core.dim);
    core.interpolate(point, one, 0);
    return one[0];
  }

  LearnerNDCore core() {
    return core;
  }

  // ---------------------------------------------------------------- Learner

  @Override
  public Asked<double[]> ask(int n, boolean tellPending) {
    return asked(core, n, tellPending);
  }

  static Asked<double[]> asked(LearnerNDCore core, int n, boolean tellPending) {
    int m = Math.max(0, n);
    double[] out = new double[m * core.dim];
    double[] improvements = new double[m];
    int count = core.ask(m, tellPending, out, improvements);
    List<double[]> ps = new ArrayList<>(count);
    List<Double> is = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double[] p = new double[core.dim];
      System.arraycopy(out, i * core.dim, p, 0, core.dim);
      ps.add(p);
      is.add(improvements[i]);
    }
    return new Asked<>(ps, is);
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code point} or {@code value} is null
   * @throws IllegalArgumentException if {@code point} does not have {@link #dimension()}
   *     coordinates
   */
  @Override
  public void tell(double[] point, Double value) {
    check(point, core.dim);
    Objects.requireNonNull(value, "value");
    one[0] = value;
    core.tell(point, one, 0);
  }

  @Override
  public void tellPending(double[] point) {
    check(point, core.dim);
    core.tellPending(point);
  }

  @Override
  public double loss(boolean real) {
    return core.loss();
  }

  @Override
  public long npoints() {
    return core.npoints();
  }

  @Override
  public void removeUnfinished() {
    core.removeUnfinished();
  }

  @Override
  public void forEachData(BiConsumer<? super double[], ? super Double> sink) {
    core.forEachData((p, values, offset) -> sink.accept(p, values[offset]));
  }

  /** Kind {@code learnerND}, columns {@code x, y[, z]} and {@code value}. */
  @Override
  public DataCodec<double[], Double> codec() {
    return codec;
  }

  static void check(double[] point, int dim) {
    Objects.requireNonNull(point, "point");
    if (point.length != dim) {
      throw new IllegalArgumentException(
          "a point of a " + dim + "-D learner has " + dim + " coordinates, not " + point.length);
    }
  }

  private static final List<String> NAMES = List.of("x", "y", "z");

  /** The codec of a point of dimension {@code dim}: columns {@code x, y[, z]}, bit for bit. */
  static Codec<double[]> points(int dim) {
    List<String> columns = NAMES.subList(0, dim);
    return new Codec<>() {
      @Override
      public void write(double[] value, DataOutput out) throws IOException {
        check(value, dim);
        for (double v : value) {
          out.writeDouble(v);
        }
      }

      @Override
      public double[] read(DataInput in) throws IOException {
        double[] p = new double[dim];
        for (int i = 0; i < dim; i++) {
          p[i] = in.readDouble();
        }
        return p;
      }

      @Override
      public List<String> columns() {
        return columns;
      }

      @Override
      public void appendCsv(double[] value, StringBuilder row) {
        check(value, dim);
        for (int i = 0; i < dim; i++) {
          if (i > 0) {
            row.append(',');
          }
          row.append(value[i]);
        }
      }
    };
  }
}
