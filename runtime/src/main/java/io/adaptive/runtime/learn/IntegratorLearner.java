/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.CquadTables.MIN_SEP;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Integrates a function of one variable over [{@code a}, {@code b}] to a relative tolerance, by
 * asking for the points the estimate needs: Gonnet's CQUAD scheme, with nested Clenshaw–Curtis
 * rules of 5, 9, 17 and 33 points on a tree of intervals that are refined or halved where the error
 * is largest.
 *
 * <p>This is python-adaptive's {@code IntegratorLearner} (v1.5.2, BSD-3-Clause, see NOTICE) as
 * specified in learners.md section 8, decision for decision. Its CQUAD constant tables (nodes,
 * Vandermonde inverses, shift matrices, downdate coefficients) are python-adaptive's, embedded as
 * {@code cquad-tables.json}. Sums are plain left-to-right sums where the reference calls BLAS, so
 * intervals whose errors differ only by rounding can be taken in another order; the reference runs
 * still end after the same number of points, with the integral equal to about 1e-14. Non-finite
 * values (a singularity hit exactly) are taken out of the fit rather than poisoning it.
 *
 * <p>Run it until {@link #done()}: that is its natural goal. Its {@link #loss(boolean) loss} is
 * {@code | |igral|·tol − err |}, which is not monotone, so a loss goal is rarely what you want.
 *
 * <pre>{@code
 * IntegratorLearner learner = new IntegratorLearner(0, 3, 1e-10);
 * while (!learner.done()) {
 *   for (double x : learner.ask(1, true).points()) {
 *     learner.tell(x, Math.exp(x) * Math.cos(x));
 *   }
 * }
 * double integral = learner.igral();   // -9.02502985582999, within 1e-15, after 33 points
 * }</pre>
 *
 * <p>Where the reference has a gap, this class fills it, and says so on the method: {@link
 * #tellPending} and {@link #removeUnfinished} keep the {@link Learner} contract (the reference
 * ignores both), a point told before it was asked is not asked again, and a point is equal to
 * another when the bits are, except that {@code -0.0} is {@code 0.0}. Not thread-safe.
 */
public final class IntegratorLearner implements Learner<Double, Double> {

  /** The most intervals kept active; beyond it the one with the smallest error is dropped. */
  static final int MAX_IVALS = 1000;

  private static final DataCodec<Double, Double> CODEC =
      new DataCodec<>("integrator", Codecs.doubles("x"), Codecs.doubles("y"));

  private static final Comparator<IntegratorInterval> BY_A = Comparator.comparingDouble(iv -> iv.a);

  private final double a;
  private final double b;
  private final double tol;

  /** Evaluated points in the order they were told. */
  private final Map<Double, Double> data;

  /** Points some interval needs and that have no value yet: stacked or handed out. */
  private final Set<Double> pending;

  /** Pending points to hand out, first in first out. */
  private final ArrayDeque<Double> stack;

  /** Pending points handed out by ask, in that order. */
  private final LinkedHashSet<Double> handedOut;

  /** Every interval a point belongs to, by ascending rdepth, ties in insertion order. */
  private final Map<Double, List<IntegratorInterval>> xMapping;

  /** The active intervals: candidates to refine or split. */
  private final LinkedHashSet<IntegratorInterval> ivals;

  /** Intervals whose refinement did not help; split next, last in first out. */
  private final List<IntegratorInterval> prioritySplit;

  private final IntegratorInterval first;

  /**
   * Creates a learner of ∫ f over [{@code a}, {@code b}], with no data. Its first points are the 17
   * nodes of the depth-2 rule on the whole interval.
   *
   * @param a the lower bound, finite
   * @param b the upper bound, finite and greater than {@code a}
   * @param tol the tolerance on the error relative to |integral|, for example {@code 1e-8}; {@code
   *     0} integrates until no interval can be improved
   * @throws IllegalArgumentException if the bounds are not finite with {@code a < b}, or {@code
   *     tol} is negative or NaN
   */
  public IntegratorLearner(double a, double b, double tol) {
    if (!(Double.isFinite(a) && Double.isFinite(b) && a < b)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "bounds [%s, %s] are not an interval; give finite bounds with the lower first,"
                  + " e.g. [0.0, 1.0]",
              a,
              b));
    }
    if (!(tol >= 0)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "tolerance '%s' is not a relative tolerance; give a small positive number such as"
                  + " 1e-8",
              tol));
    }
    this.a = a;
    this.b = b;
    this.tol = tol;
    data = new LinkedHashMap<>();
    pending = new HashSet<>();
    stack = new ArrayDeque<>();
    handedOut = new LinkedHashSet<>();
    xMapping = new HashMap<>();
    ivals = new LinkedHashSet<>();
    prioritySplit = new ArrayList<>();
    first = IntegratorInterval.first(a, b);
    addIval(first);
  }

  // A deep copy, for ask(n, false): it answers on the copy and leaves this learner untouched.
  private IntegratorLearner(IntegratorLearner source) {
    a = source.a;
    b = source.b;
    tol = source.tol;
    data = new LinkedHashMap<>(source.data);
    pending = new HashSet<>(source.pending);
    stack = new ArrayDeque<>(source.stack);
    handedOut = new LinkedHashSet<>(source.handedOut);
    IdentityHashMap<IntegratorInterval, IntegratorInterval> copies = new IdentityHashMap<>();
    first = IntegratorInterval.copyTree(source.first, copies);
    xMapping = new HashMap<>(source.xMapping.size() * 2);
    for (Map.Entry<Double, List<IntegratorInterval>> entry : source.xMapping.entrySet()) {
      List<IntegratorInterval> list = new ArrayList<>(entry.getValue().size());
      for (IntegratorInterval iv : entry.getValue()) {
        list.add(copies.get(iv));
      }
      xMapping.put(entry.getKey(), list);
    }
    ivals = new LinkedHashSet<>();
    for (IntegratorInterval iv : source.ivals) {
      ivals.add(copies.get(iv));
    }
    prioritySplit = new ArrayList<>();
    for (IntegratorInterval iv : source.prioritySplit) {
      prioritySplit.add(copies.get(iv));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Results

  /**
   * The current estimate of the integral: the sum of the estimates of the intervals that make it up
   * (summed from left to right), or 0 before the first estimate exists (in an ask-one-tell-one run,
   * that is the first 32 points).
   */
  public double igral() {
    return igral(leaves());
  }

  /**
   * The estimated absolute error of {@link #igral()}: the sum of the intervals' errors, or {@code
   * +Infinity} before the first estimate exists or if the sum overflows.
   */
  public double err() {
    return err(leaves());
  }

  /**
   * Whether the integral is known well enough: the error is 0 or below {@code |igral|·tol}, or it
   * would be but for intervals dropped at the limit of double precision, or no interval is left to
   * improve. The goal to run this learner to; asking for more points after it is true may throw
   * (see {@link #ask}).
   */
  public boolean done() {
    List<IntegratorInterval> leaves = leaves();
    double err = err(leaves);
    double igral = igral(leaves);
    double errExcess = 0.0;
    for (IntegratorInterval iv : leaves) {
      if (iv.removed) {
        errExcess += iv.err;
      }
    }
    double target = Math.abs(igral) * tol;
    return err == 0
        || err < target
        || (err - errExcess < target && target < errExcess)
        || ivals.isEmpty();
  }

  private static double igral(List<IntegratorInterval> leaves) {
    double sum = 0.0;
    for (IntegratorInterval iv : leaves) {
      sum += iv.igral;
    }
    return sum;
  }

  private static double err(List<IntegratorInterval> leaves) {
    if (leaves.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double sum = 0.0;
    for (IntegratorInterval iv : leaves) {
      sum += iv.err;
    }
    return sum > Double.MAX_VALUE ? Double.POSITIVE_INFINITY : sum;
  }

  // The intervals whose estimates make up the total, left to right: a fixed summation order
  // (the reference sums over a hash set, so its last bits vary from run to run).
  private List<IntegratorInterval> leaves() {
    List<IntegratorInterval> leaves = new ArrayList<>(first.doneLeaves);
    leaves.sort(BY_A);
    return leaves;
  }

  /**
   * {@code | |igral|·tol − err |}: how far the error is from the tolerance. It is infinite until
   * the first estimate exists and is not monotone; prefer {@link #done()} as the goal.
   *
   * @param real ignored: pending points do not change the estimate
   */
  @Override
  public double loss(boolean real) {
    List<IntegratorInterval> leaves = leaves();
    return Math.abs(Math.abs(igral(leaves)) * tol - err(leaves));
  }

  @Override
  public long npoints() {
    return data.size();
  }

  // ---------------------------------------------------------------------------------------------
  // Ask

  /**
   * Returns the next {@code n} points the estimate needs, each with its expected improvement: the
   * largest error among the intervals that contain it. Points are handed out in the order the
   * intervals asked for them; when none are left, the interval with the largest error (ties: the
   * rightmost) is refined to the next rule, or halved at the deepest rule or when refining it did
   * not help.
   *
   * @param n how many points, 0 or more
   * @param tellPending true to hand the points out: they are pending until told, and the next ask
   *     does not return them. False leaves this learner unchanged (it answers on a copy when new
   *     points are needed).
   * @throws IllegalArgumentException if {@code n} is negative
   * @throws IllegalStateException if no interval is left to improve (then {@link #done()} is true);
   *     the points found before that are not handed out
   * @throws IntegratorDivergenceException if the integral looks divergent
   */
  @Override
  public Asked<Double> ask(int n, boolean tellPending) {
    if (n < 0) {
      throw new IllegalArgumentException("cannot ask for " + n + " points; ask for 0 or more");
    }
    if (n == 0) {
      return Asked.none();
    }
    if (!tellPending) {
      if (stack.size() < n) {
        return new IntegratorLearner(this).ask(n, true);
      }
      List<Double> points = new ArrayList<>(n);
      List<Double> improvements = new ArrayList<>(n);
      for (Double x : stack) {
        if (points.size() == n) {
          break;
        }
        points.add(x);
        improvements.add(improvement(x));
      }
      return new Asked<>(points, improvements);
    }
    List<Double> points = new ArrayList<>(n);
    List<Double> improvements = new ArrayList<>(n);
    try {
      while (points.size() < n) {
        if (stack.isEmpty()) {
          fillStack();
          continue;
        }
        Double x = stack.pollFirst();
        handedOut.add(x);
        points.add(x);
        improvements.add(improvement(x));
      }
    } catch (RuntimeException e) {
      for (int i = points.size() - 1; i >= 0; i--) {
        handedOut.remove(points.get(i));
        stack.addFirst(points.get(i));
      }
      throw e;
    }
    return new Asked<>(points, improvements);
  }

  private double improvement(Double x) {
    double max = Double.NaN;
    boolean firstOne = true;
    for (IntegratorInterval iv : xMapping.get(x)) {
      if (firstOne || iv.err > max) {
        max = iv.err;
        firstOne = false;
      }
    }
    return max;
  }

  private void fillStack() {
    if (ivals.isEmpty()) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "no way to improve the integral estimate on [%s, %s]: every interval was dropped at"
                  + " the limit of double precision; done() is true, so stop asking",
              a,
              b));
    }
    boolean force = !prioritySplit.isEmpty();
    IntegratorInterval iv;
    if (force) {
      iv = prioritySplit.remove(prioritySplit.size() - 1);
      // Dropped since it was queued (or queued twice): the reference would fail here.
      if (!ivals.contains(iv) || iv.children.length > 0) {
        return;
      }
    } else {
      iv = largest();
    }
    double[] p = iv.points(iv.depth);
    int last = p.length - 1;
    if (p[1] - p[0] < p[0] * MIN_SEP || p[last] - p[last - 1] < p[last - 1] * MIN_SEP) {
      ivals.remove(iv);
    } else if (iv.depth == 3 || force) {
      ivals.remove(iv);
      for (IntegratorInterval child : iv.split()) {
        addIval(child);
      }
    } else {
      iv.depth++;
      addIval(iv);
    }
    if (ivals.size() > MAX_IVALS) {
      ivals.remove(smallest());
    }
  }

  // The largest (err, a) as Python compares tuples: the first unequal component decides, and on
  // a full tie the first in insertion order wins. NaN compares unequal and never greater.
  private IntegratorInterval largest() {
    IntegratorInterval best = null;
    for (IntegratorInterval iv : ivals) {
      if (best == null || (iv.err != best.err ? iv.err > best.err : iv.a > best.a)) {
        best = iv;
      }
    }
    return best;
  }

  private IntegratorInterval smallest() {
    IntegratorInterval best = null;
    for (IntegratorInterval iv : ivals) {
      if (best == null || (iv.err != best.err ? iv.err < best.err : iv.a < best.a)) {
        best = iv;
      }
    }
    return best;
  }

  private void addIval(IntegratorInterval iv) {
    for (double x : iv.points(iv.depth)) {
      map(x, iv);
      Double y = data.get(x);
      if (y != null) {
        record(x, y);
      } else if (pending.add(x)) {
        stack.addLast(x);
      }
    }
    ivals.add(iv);
  }

  private void map(Double x, IntegratorInterval iv) {
    List<IntegratorInterval> list = xMapping.computeIfAbsent(x, k -> new ArrayList<>(2));
    int at = list.size();
    for (int i = list.size() - 1; i >= 0; i--) {
      IntegratorInterval other = list.get(i);
      if (other == iv) {
        return;
      }
      if (other.rdepth > iv.rdepth) {
        at = i;
      }
    }
    list.add(at, iv);
  }

  // ---------------------------------------------------------------------------------------------
  // Tell

  /**
   * Records f({@code point}) and completes every rule that now has all its values. Telling a point
   * that already has a value is ignored (the first value wins). A point may be told before it was
   * asked; it is then not asked for. Non-finite values are allowed: the fit leaves them out.
   *
   * @throws NullPointerException if {@code point} or {@code value} is null
   * @throws IllegalArgumentException if the point is not a node of any interval of this learner
   * @throws IntegratorDivergenceException if the integral looks divergent
   */
  @Override
  public void tell(Double point, Double value) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(value, "value");
    Double x = canonical(point);
    if (data.containsKey(x)) {
      return;
    }
    if (!xMapping.containsKey(x)) {
      throw unknownPoint(x);
    }
    if (!handedOut.contains(x)) {
      stack.remove(x);
    }
    record(x, value);
  }

  private void record(Double x, Double y) {
    data.put(x, y);
    pending.remove(x);
    handedOut.remove(x);
    for (IntegratorInterval iv : xMapping.get(x)) {
      iv.data.put(x, y);
      int from =
          iv.depthComplete == IntegratorInterval.NONE
              ? (iv.parent == null ? 2 : 0)
              : iv.depthComplete + 1;
      int to = iv.depth;
      for (int d = from; d <= to; d++) {
        if (iv.refinementComplete(d)) {
          int outcome = iv.completeProcess(d);
          if ((outcome & IntegratorInterval.REMOVE) != 0) {
            // At the limit of double precision: its estimate stays, but it is not improved.
            markRemoved(iv);
          } else if ((outcome & IntegratorInterval.FORCE_SPLIT) != 0 && iv.children.length == 0) {
            prioritySplit.add(iv);
          }
        }
      }
    }
  }

  private void markRemoved(IntegratorInterval iv) {
    iv.removed = true;
    ivals.remove(iv);
    for (IntegratorInterval child : iv.children) {
      markRemoved(child);
    }
  }

  /**
   * Hands out {@code point} as {@link #ask ask(…, true)} would: the next ask skips it. With {@link
   * #ask ask(n, false)} then {@code tellPending} for each returned point, in order, this learner
   * ends where {@code ask(n, true)} would have left it. Points already evaluated or handed out are
   * ignored. (The reference ignores every call, and hands such points out again.)
   *
   * @throws NullPointerException if {@code point} is null
   * @throws IllegalArgumentException if the point is not one this learner needs or would ask for
   *     next
   */
  @Override
  public void tellPending(Double point) {
    Objects.requireNonNull(point, "point");
    Double x = canonical(point);
    if (data.containsKey(x) || handedOut.contains(x)) {
      return;
    }
    if (!xMapping.containsKey(x) && stack.isEmpty()) {
      fillUntilStacked(x);
    }
    if (!pending.contains(x)) {
      throw unknownPoint(x);
    }
    stack.remove(x);
    handedOut.add(x);
  }

  // What ask(1) would do before handing out its point: the same fills, so ask(n, false) followed
  // by tellPending of the points it returned reaches the state ask(n, true) reaches.
  private void fillUntilStacked(Double x) {
    while (stack.isEmpty() && !ivals.isEmpty() && !xMapping.containsKey(x)) {
      fillStack();
    }
  }

  /**
   * Puts every handed-out point that has no value back at the front of the queue, in the order it
   * was handed out, so the next asks return them again. (The reference forgets nothing here, and
   * never asks for such points again: the intervals waiting for them would never complete.)
   */
  @Override
  public void removeUnfinished() {
    List<Double> unfinished = new ArrayList<>(handedOut);
    for (int i = unfinished.size() - 1; i >= 0; i--) {
      stack.addFirst(unfinished.get(i));
    }
    handedOut.clear();
  }

  // ---------------------------------------------------------------------------------------------
  // Export and import

  @Override
  public void forEachData(BiConsumer<? super Double, ? super Double> sink) {
    data.forEach(sink);
  }

  /**
   * Rebuilds this learner from exported data by replaying the ask-one-tell-one loop: it asks as
   * usual and answers each asked point from the data. A run driven by that loop is rebuilt exactly:
   * the same intervals, estimates and next points.
   *
   * <p>An asked point without a value in the data (it was being evaluated when the data was saved)
   * stays pending, as it was in the run, and is asked for first after the load; so a run that lost
   * such points is rebuilt exactly too. Other runs (batches, values told out of order) are rebuilt
   * as far as the data allows: the replay goes on while new intervals find values in the data, and
   * stops at the first new intervals that find none while points are missing. Points it did not
   * reach are kept: they count in {@link #npoints()}, are exported, and are used without asking as
   * soon as an interval needs them.
   *
   * @param points the points, in the order they were told; points that already have a value are
   *     ignored, and so are repeats (the first value wins)
   * @param values their values, in the same order
   * @throws NullPointerException if a list, a point or a value is null
   * @throws IllegalArgumentException if the lists differ in length
   * @throws IntegratorDivergenceException if the data holds a divergent integral
   */
  @Override
  public void load(List<Double> points, List<Double> values) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(values, "values");
    if (points.size() != values.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + values.size() + " values; give one value per point");
    }
    Map<Double, Double> unread = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      Double x = canonical(Objects.requireNonNull(points.get(i), "point"));
      Double y = Objects.requireNonNull(values.get(i), "value");
      if (!data.containsKey(x)) {
        unread.putIfAbsent(x, y);
      }
    }
    List<Double> missing = new ArrayList<>();
    int toldBeforeFill = -1;
    while (!unread.isEmpty()) {
      if (stack.isEmpty()) {
        boolean fruitless = !missing.isEmpty() && data.size() == toldBeforeFill;
        if (fruitless || ivals.isEmpty()) {
          break;
        }
        toldBeforeFill = data.size();
        fillStack();
        continue;
      }
      Double x = stack.pollFirst();
      Double y = unread.remove(x);
      if (y != null) {
        record(x, y);
      } else {
        missing.add(x);
      }
    }
    for (int i = missing.size() - 1; i >= 0; i--) {
      stack.addFirst(missing.get(i));
    }
    for (Map.Entry<Double, Double> entry : unread.entrySet()) {
      if (xMapping.containsKey(entry.getKey())) {
        // Handed out before this load (a learner that was not fresh): an ordinary tell.
        tell(entry.getKey(), entry.getValue());
      } else {
        data.put(entry.getKey(), entry.getValue());
      }
    }
  }

  /** Kind {@code integrator}, columns {@code x} and {@code y}, both doubles. */
  @Override
  public DataCodec<Double, Double> codec() {
    return CODEC;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "IntegratorLearner[%s, %s], tol %s: %d points, igral %s, err %s",
        a,
        b,
        tol,
        data.size(),
        igral(),
        err());
  }

  // ---------------------------------------------------------------------------------------------

  private static Double canonical(Double x) {
    return x == 0.0 ? 0.0 : x; // -0.0 is the point 0.0, as in the reference's dict
  }

  private IllegalArgumentException unknownPoint(Double x) {
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "point '%s' is not a node of any interval of this integrator on [%s, %s]; tell only"
                + " points that ask() returned",
            x,
            a,
            b));
  }
}
