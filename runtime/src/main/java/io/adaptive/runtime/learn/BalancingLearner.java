/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Runs several learners as one: each ask hands the points to the children that need them most, so
 * that, for example, one learner per parameter value all reach a similar loss. Reimplements {@code
 * BalancingLearner} of python-adaptive v1.5.2 (see NOTICE); learners.md section 10 is the
 * specification, and the {@code ask(1)}-then-{@code tell} loop gives every child the same points,
 * bit for bit, as the Python library.
 *
 * <p>A point is an {@link Indexed} pair {@code (child, point)}: the function evaluates the child's
 * point with that child's function ({@link #bound} builds such a function from the children's).
 * {@link #npoints()} is the <b>total</b> over the children, so a points goal counts the total;
 * "every child has at least N points" is a custom goal: {@code children().stream().allMatch(c ->
 * c.npoints() >= N)}. {@link #loss(boolean)} is the largest of the children's losses, so a loss
 * goal is met when every child meets it.
 *
 * <h2>Strategies</h2>
 *
 * Each {@code ask(n)} makes n selections, one point each. A child's <i>total</i> is its evaluated
 * points plus its pending points, counted at the start of the ask and increased by each selection
 * within it.
 *
 * <ul>
 *   <li>{@link Strategy#LOSS_IMPROVEMENTS} (the default): the child whose next point (its answer to
 *       {@code ask(1, false)}, cached until the child changes) has the largest expected loss
 *       improvement; on equal improvements the child with the smaller total, then the lowest index.
 *       A child asked for its bounds reports an infinite improvement, so every child gets its
 *       bounds first.
 *   <li>{@link Strategy#LOSS}: the child with the largest pending-aware loss {@code loss(false)};
 *       on equal losses the smaller total, then the lowest index; the point is the child's {@code
 *       ask(1, true)}. <b>Unlike python-adaptive</b>, which caches the losses until the next {@code
 *       tell} and so gives all n points of one {@code ask(n)} to the same child, we drop the chosen
 *       child's cached loss as soon as it gets a point: the next selection compares its {@code
 *       loss(false)} with the point just handed out pending (for a {@link Learner1D}, the largest
 *       interval loss after that point split its worst interval). So one {@code ask(n)} spreads its
 *       points over the children like n rounds of {@code ask(1)} without tells would. For {@code
 *       ask(1)}-then-{@code tell} loops the two are identical.
 *   <li>{@link Strategy#NPOINTS}: the child with the smallest total (the lowest index on ties),
 *       then the child's {@code ask(1, true)}.
 *   <li>{@link Strategy#CYCLE}: children 0, 1, …, N−1 in turn, across asks; the turn restarts at
 *       child 0 when {@link #setStrategy} is called.
 * </ul>
 *
 * <p>A child that has no point to give ({@code ask} returns none, e.g. a finished {@link
 * SequenceLearner}) is passed over; when no child has a point, {@code ask(n)} returns fewer than n
 * points. (python-adaptive fails with an {@code IndexError} there.)
 *
 * <p><b>Keeping track.</b> The children must be told only through this learner once they are handed
 * to it: it counts each child's pending points itself (the {@link Learner} interface has no pending
 * count), enforces "the first value wins" per child, and records which child each tell went to, so
 * that {@link #forEachData} lists the data in tell order (the data file appends). Data the children
 * hold when they are handed over comes first, child by child.
 *
 * <p>Not thread-safe, like every {@link Learner}.
 *
 * @param <P> the children's point type; {@code Object} for children of different kinds (see {@link
 *     #mixed})
 * @param <V> the children's value type
 */
public final class BalancingLearner<P, V> implements Learner<BalancingLearner.Indexed<P>, V> {

  /** How a {@link BalancingLearner} chooses the child of each point (learners.md §10). */
  public enum Strategy {
    /** The child whose next point promises the largest loss improvement; the default. */
    LOSS_IMPROVEMENTS,
    /** The child with the largest loss, counting pending points. */
    LOSS,
    /** The child with the fewest evaluated and pending points. */
    NPOINTS,
    /** Each child in turn. */
    CYCLE
  }

  /** The strategy of {@link #of(List)}: {@link Strategy#LOSS_IMPROVEMENTS}. */
  public static final Strategy DEFAULT_STRATEGY = Strategy.LOSS_IMPROVEMENTS;

  /**
   * A point of a {@link BalancingLearner}: {@code point} of child number {@code child}. Two are
   * equal when their children are and their points are equal as learner points (learners.md §1:
   * arrays by content, and 0.0 equals −0.0), so they can be map keys.
   *
   * @param child the child's index in {@link BalancingLearner#children()}, from 0
   * @param point the child's point; shared with the child, so do not modify it
   */
  public record Indexed<P>(int child, P point) {

    /**
     * @throws IllegalArgumentException if {@code child} is negative
     * @throws NullPointerException if {@code point} is null
     */
    public Indexed {
      if (child < 0) {
        throw new IllegalArgumentException("child index '" + child + "' is negative");
      }
      Objects.requireNonNull(point, "point");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Indexed<?> that
          && child == that.child
          && PointKeys.of(point).equals(PointKeys.of(that.point));
    }

    @Override
    public int hashCode() {
      return 31 * child + PointKeys.of(point).hashCode();
    }

    @Override
    public String toString() {
      String shown = point instanceof double[] xs ? Arrays.toString(xs) : String.valueOf(point);
      return "(" + child + ", " + shown + ")";
    }
  }

  private final List<Learner<P, V>> children;
  private final int size;
  private final DataCodec<Indexed<P>, V> codec;
  private Strategy strategy;
  private int cycleNext;

  // Cached per child (null: not computed); cleared when the child changes (learners.md §10).
  private final Asked<P>[] askCache;
  private final Double[] lossReal;
  private final Double[] lossPending;

  /** Per child, its pending points by {@link PointKeys key}, in the order they were handed out. */
  private List<LinkedHashMap<Object, P>> pending;

  /** Per child, the keys of its evaluated points. */
  private final List<Set<Object>> evaluated;

  /** The child of every tell, in tell order. */
  private int[] tells = new int[64];

  private int ntells;

  @SuppressWarnings("unchecked")
  private BalancingLearner(List<? extends Learner<P, V>> children, Strategy strategy) {
    Objects.requireNonNull(children, "children");
    Objects.requireNonNull(strategy, "strategy");
    if (children.isEmpty()) {
      throw new IllegalArgumentException(
          "a BalancingLearner needs at least one child learner, but the list is empty;"
              + " pass the learners to balance, e.g. one per parameter value");
    }
    Map<Learner<P, V>, Integer> seen = new IdentityHashMap<>();
    for (int i = 0; i < children.size(); i++) {
      Learner<P, V> child = Objects.requireNonNull(children.get(i), "child " + i);
      Integer before = seen.putIfAbsent(child, i);
      if (before != null) {
        throw new IllegalArgumentException(
            "child "
                + i
                + " is the same learner as child "
                + before
                + "; give each child its own learner");
      }
    }
    this.children = List.copyOf(children);
    this.size = this.children.size();
    this.codec = BalancingCodec.of(this.children);
    this.strategy = strategy;
    this.askCache = new Asked[size];
    this.lossReal = new Double[size];
    this.lossPending = new Double[size];
    this.pending = new ArrayList<>(size);
    this.evaluated = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      pending.add(new LinkedHashMap<>());
      Set<Object> keys = new HashSet<>();
      int child = i;
      this.children
          .get(i)
          .forEachData(
              (point, value) -> {
                if (keys.add(PointKeys.of(point))) {
                  log(child);
                }
              });
      evaluated.add(keys);
    }
  }

  /**
   * A learner balancing {@code children} with the default strategy, {@link
   * Strategy#LOSS_IMPROVEMENTS}.
   *
   * @param children the learners, at least one, each at most once; copied. Their values must have
   *     the same columns (see {@link #codec()}).
   * @throws IllegalArgumentException if {@code children} is empty, holds a learner twice, or holds
   *     learners whose value columns differ
   * @throws NullPointerException if {@code children} or a child is null
   */
  public static <P, V> BalancingLearner<P, V> of(List<? extends Learner<P, V>> children) {
    return new BalancingLearner<>(children, DEFAULT_STRATEGY);
  }

  /**
   * A learner balancing {@code children} with {@code strategy}.
   *
   * @throws IllegalArgumentException as {@link #of(List)}
   * @throws NullPointerException if an argument or a child is null
   */
  public static <P, V> BalancingLearner<P, V> of(
      List<? extends Learner<P, V>> children, Strategy strategy) {
    return new BalancingLearner<>(children, strategy);
  }

  /**
   * A learner balancing children of different kinds, e.g. a {@link Learner1D} and a {@link
   * SequenceLearner}. Their points are seen as {@code Object}s: a point told to child i must be of
   * child i's point type, or the child throws a {@link ClassCastException}.
   *
   * @throws IllegalArgumentException as {@link #of(List)}
   * @throws NullPointerException if an argument or a child is null
   */
  @SuppressWarnings("unchecked")
  public static BalancingLearner<Object, Object> mixed(
      List<? extends Learner<?, ?>> children, Strategy strategy) {
    return new BalancingLearner<>((List<? extends Learner<Object, Object>>) children, strategy);
  }

  /**
   * A balancing learner over bound learners, bound to the function that evaluates {@code (i, x)}
   * with child i's function at x. This is what a plan's balancing spec binds to.
   *
   * @throws IllegalArgumentException as {@link #of(List)}
   * @throws NullPointerException if an argument or a child is null
   */
  @SuppressWarnings("unchecked")
  public static BoundLearner<Indexed<Object>, Object> bound(
      List<? extends BoundLearner<?, ?>> children, Strategy strategy) {
    Objects.requireNonNull(children, "children");
    List<Learner<?, ?>> learners = new ArrayList<>(children.size());
    List<BoundLearner.PointFunction<Object, Object>> functions = new ArrayList<>(children.size());
    for (int i = 0; i < children.size(); i++) {
      BoundLearner<?, ?> child = Objects.requireNonNull(children.get(i), "child " + i);
      learners.add(child.learner());
      functions.add((BoundLearner.PointFunction<Object, Object>) child.function());
    }
    List<BoundLearner.PointFunction<Object, Object>> dispatch = List.copyOf(functions);
    return new BoundLearner<>(
        mixed(learners, strategy), point -> dispatch.get(point.child()).apply(point.point()));
  }

  /** The children, in index order; tell them only through this learner. */
  public List<Learner<P, V>> children() {
    return children;
  }

  /** The current strategy. */
  public Strategy strategy() {
    return strategy;
  }

  /**
   * Switches to {@code strategy} from the next ask on; a {@link Strategy#CYCLE} starts its turns
   * again at child 0.
   *
   * @throws NullPointerException if {@code strategy} is null
   */
  public void setStrategy(Strategy strategy) {
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    cycleNext = 0;
  }

  /**
   * The number of pending points of child {@code child}, as this learner counts them.
   *
   * @throws IndexOutOfBoundsException if there is no such child
   */
  public int pendingCount(int child) {
    return pending.get(childIndex(child)).size();
  }

  // ---------------------------------------------------------------------------------------------
  // Ask

  /**
   * {@inheritDoc}
   *
   * <p>Chooses each point's child by the {@link #strategy() strategy}; each improvement is the one
   * the chosen child gave with its point. With {@code tellPending} false, the children are put back
   * afterwards: each child that was handed a point forgets its pending points ({@link
   * Learner#removeUnfinished()}) and is told again, in order, those this learner knew of before.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  @Override
  public Asked<Indexed<P>> ask(int n, boolean tellPending) {
    if (n < 0) {
      throw new IllegalArgumentException("cannot ask for '" + n + "' points; ask for 0 or more");
    }
    if (n == 0) {
      return Asked.none();
    }
    Saved saved = tellPending ? null : new Saved();
    boolean[] touched = new boolean[size];
    try {
      return select(n, tellPending, touched);
    } finally {
      if (saved != null) {
        saved.restore(touched);
      }
    }
  }

  private Asked<Indexed<P>> select(int n, boolean tellPending, boolean[] touched) {
    long[] total = new long[size];
    for (int i = 0; i < size; i++) {
      total[i] = children.get(i).npoints() + pending.get(i).size();
    }
    List<Indexed<P>> points = new ArrayList<>(n);
    List<Double> improvements = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      // Without tellPending the last point stays unregistered: ask(1, false) changes nothing.
      boolean register = tellPending || k < n - 1;
      Choice<P> choice =
          switch (strategy) {
            case LOSS_IMPROVEMENTS -> byLossImprovement(total, register);
            case LOSS -> byLoss(total, register);
            case NPOINTS -> byNpoints(total, register);
            case CYCLE -> byCycle(register);
          };
      if (choice == null) {
        break;
      }
      total[choice.child]++;
      touched[choice.child] |= register;
      points.add(new Indexed<>(choice.child, choice.point));
      improvements.add(choice.improvement);
    }
    return new Asked<>(points, improvements);
  }

  private record Choice<P>(int child, P point, double improvement) {}

  private Choice<P> byLossImprovement(long[] total, boolean register) {
    int best = -1;
    double bestImprovement = 0;
    for (int i = 0; i < size; i++) {
      Asked<P> next = askCache[i];
      if (next == null) {
        next = children.get(i).ask(1, false);
        askCache[i] = next;
      }
      if (next.points().isEmpty()) {
        continue;
      }
      double improvement = next.improvements().get(0);
      // Python's max over (improvement, -total): the first maximum wins, NaN never beats.
      if (best < 0
          || improvement > bestImprovement
          || (improvement == bestImprovement && total[i] < total[best])) {
        best = i;
        bestImprovement = improvement;
      }
    }
    if (best < 0) {
      return null;
    }
    P point = askCache[best].points().get(0);
    if (register) {
      markPending(best, point);
      children.get(best).tellPending(point);
    }
    return new Choice<>(best, point, bestImprovement);
  }

  private Choice<P> byLoss(long[] total, boolean register) {
    boolean[] empty = new boolean[size];
    while (true) {
      int best = -1;
      double bestLoss = 0;
      for (int i = 0; i < size; i++) {
        if (empty[i]) {
          continue;
        }
        double loss = childLoss(i, false);
        if (best < 0 || loss > bestLoss || (loss == bestLoss && total[i] < total[best])) {
          best = i;
          bestLoss = loss;
        }
      }
      if (best < 0) {
        return null;
      }
      Choice<P> choice = askChild(best, register);
      if (choice != null) {
        return choice;
      }
      empty[best] = true;
    }
  }

  private Choice<P> byNpoints(long[] total, boolean register) {
    boolean[] empty = new boolean[size];
    while (true) {
      int best = -1;
      for (int i = 0; i < size; i++) {
        if (!empty[i] && (best < 0 || total[i] < total[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return null;
      }
      Choice<P> choice = askChild(best, register);
      if (choice != null) {
        return choice;
      }
      empty[best] = true;
    }
  }

  private Choice<P> byCycle(boolean register) {
    for (int tries = 0; tries < size; tries++) {
      int child = cycleNext;
      cycleNext = (cycleNext + 1) % size;
      Choice<P> choice = askChild(child, register);
      if (choice != null) {
        return choice;
      }
    }
    return null;
  }

  /** The child's {@code ask(1, register)}, registered here too if {@code register}; or null. */
  private Choice<P> askChild(int child, boolean register) {
    Asked<P> asked = children.get(child).ask(1, register);
    if (asked.points().isEmpty()) {
      return null;
    }
    P point = asked.points().get(0);
    if (register) {
      markPending(child, point);
    }
    return new Choice<>(child, point, asked.improvements().get(0));
  }

  private void markPending(int child, P point) {
    forget(child);
    pending.get(child).put(PointKeys.of(point), point);
  }

  /** Drops the child's cached answers: it changed. */
  private void forget(int child) {
    askCache[child] = null;
    lossReal[child] = null;
    lossPending[child] = null; // python-adaptive keeps this one until the next tell (see LOSS)
  }

  /** What {@code ask(n, false)} puts back. */
  private final class Saved {
    private final Asked<P>[] askCache = BalancingLearner.this.askCache.clone();
    private final Double[] lossReal = BalancingLearner.this.lossReal.clone();
    private final Double[] lossPending = BalancingLearner.this.lossPending.clone();
    private final List<LinkedHashMap<Object, P>> pending = new ArrayList<>(size);
    private final int cycleNext = BalancingLearner.this.cycleNext;

    Saved() {
      for (LinkedHashMap<Object, P> points : BalancingLearner.this.pending) {
        pending.add(new LinkedHashMap<>(points));
      }
    }

    void restore(boolean[] touched) {
      for (int i = 0; i < size; i++) {
        if (touched[i]) {
          Learner<P, V> child = children.get(i);
          child.removeUnfinished();
          for (P point : pending.get(i).values()) {
            child.tellPending(point);
          }
          BalancingLearner.this.askCache[i] = askCache[i];
          BalancingLearner.this.lossReal[i] = lossReal[i];
          BalancingLearner.this.lossPending[i] = lossPending[i];
        }
      }
      BalancingLearner.this.pending = pending;
      BalancingLearner.this.cycleNext = cycleNext;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Tell

  /**
   * {@inheritDoc}
   *
   * <p>Tells child {@code point.child()} its point; a point the child already has a value for is
   * ignored.
   *
   * @throws IndexOutOfBoundsException if there is no such child
   * @throws NullPointerException if {@code point} or {@code value} is null
   */
  @Override
  public void tell(Indexed<P> point, V value) {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(value, "value");
    int child = childIndex(point.child());
    Object key = PointKeys.of(point.point());
    forget(child);
    pending.get(child).remove(key);
    if (evaluated.get(child).contains(key)) {
      return;
    }
    children.get(child).tell(point.point(), value);
    evaluated.get(child).add(key);
    log(child);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IndexOutOfBoundsException if there is no such child
   * @throws NullPointerException if {@code point} is null
   */
  @Override
  public void tellPending(Indexed<P> point) {
    Objects.requireNonNull(point, "point");
    int child = childIndex(point.child());
    if (evaluated.get(child).contains(PointKeys.of(point.point()))) {
      return;
    }
    markPending(child, point.point());
    children.get(child).tellPending(point.point());
  }

  private int childIndex(int child) {
    if (child < 0 || child >= size) {
      throw new IndexOutOfBoundsException(
          "child index '" + child + "' names no child: this learner has " + size + " children");
    }
    return child;
  }

  private void log(int child) {
    if (ntells == tells.length) {
      tells = Arrays.copyOf(tells, 2 * tells.length);
    }
    tells[ntells++] = child;
  }

  // ---------------------------------------------------------------------------------------------
  // State

  /**
   * The largest of the children's losses (each cached until the child changes); the first child's
   * if one is NaN, as Python's {@code max} has it.
   */
  @Override
  public double loss(boolean real) {
    double max = childLoss(0, real);
    for (int i = 1; i < size; i++) {
      double loss = childLoss(i, real);
      if (loss > max) {
        max = loss;
      }
    }
    return max;
  }

  private double childLoss(int child, boolean real) {
    Double[] cache = real ? lossReal : lossPending;
    Double loss = cache[child];
    if (loss == null) {
      loss = children.get(child).loss(real);
      cache[child] = loss;
    }
    return loss;
  }

  /** The total number of evaluated points over all children. */
  @Override
  public long npoints() {
    long total = 0;
    for (Learner<P, V> child : children) {
      total += child.npoints();
    }
    return total;
  }

  /**
   * Forgets every child's pending points, and the cached answers that counted them.
   * (python-adaptive keeps its caches here, so its next ask can hand out a point computed with the
   * forgotten ones.)
   */
  @Override
  public void removeUnfinished() {
    for (int i = 0; i < size; i++) {
      children.get(i).removeUnfinished();
      pending.get(i).clear();
      askCache[i] = null;
      lossPending[i] = null;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Lists every child's data as {@code (child, point)} pairs, in the order the points were told
   * to this learner. Costs a copy of all the children's data.
   */
  @Override
  public void forEachData(BiConsumer<? super Indexed<P>, ? super V> sink) {
    List<List<Indexed<P>>> points = new ArrayList<>(size);
    List<List<V>> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      List<Indexed<P>> ps = new ArrayList<>();
      List<V> vs = new ArrayList<>();
      int child = i;
      children
          .get(i)
          .forEachData(
              (point, value) -> {
                ps.add(new Indexed<>(child, point));
                vs.add(value);
              });
      points.add(ps);
      values.add(vs);
    }
    int[] next = new int[size];
    for (int t = 0; t < ntells; t++) {
      int child = tells[t];
      int k = next[child]++;
      if (k < points.get(child).size()) {
        sink.accept(points.get(child).get(k), values.get(child).get(k));
      }
    }
    // Data a child got without this learner (against the rules) still goes out, last.
    for (int i = 0; i < size; i++) {
      for (int k = next[i]; k < points.get(i).size(); k++) {
        sink.accept(points.get(i).get(k), values.get(i).get(k));
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Hands each child its own points in one {@link Learner#load} (so a {@link Learner1D} child
   * takes its bulk path), skipping points told before; the tell order is kept for {@link
   * #forEachData}.
   *
   * @throws IllegalArgumentException if the lists differ in length
   * @throws IndexOutOfBoundsException if a point names no child
   * @throws NullPointerException if a point or value is null
   */
  @Override
  public void load(List<Indexed<P>> points, List<V> values) {
    if (points.size() != values.size()) {
      throw new IllegalArgumentException(
          points.size() + " points but " + values.size() + " values");
    }
    List<List<P>> ps = new ArrayList<>(size);
    List<List<V>> vs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      ps.add(new ArrayList<>());
      vs.add(new ArrayList<>());
    }
    for (int t = 0; t < points.size(); t++) {
      Indexed<P> point = Objects.requireNonNull(points.get(t), "point");
      V value = Objects.requireNonNull(values.get(t), "value");
      int child = childIndex(point.child());
      if (evaluated.get(child).add(PointKeys.of(point.point()))) {
        ps.get(child).add(point.point());
        vs.get(child).add(value);
        log(child);
      }
    }
    for (int i = 0; i < size; i++) {
      if (!ps.get(i).isEmpty()) {
        forget(i);
        children.get(i).load(ps.get(i), vs.get(i));
      }
    }
  }

  /**
   * Kind {@code balancing}. Point columns: {@code learner_index}, then the children's point columns
   * (their union, in order of first appearance, if the children differ; a row holds {@code NaN} in
   * its child's missing columns). Binary: the index as an {@code int}, then the point in its
   * child's binary form. Values are written with the first child's value codec, which is why every
   * child's value columns must be the same.
   */
  @Override
  public DataCodec<Indexed<P>, V> codec() {
    return codec;
  }

  @Override
  public String toString() {
    return "BalancingLearner[" + size + " children, " + strategy + ", " + npoints() + " points]";
  }
}
