/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.learn.BalancingLearner.Indexed;
import io.adaptive.runtime.learn.BalancingLearner.Strategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class BalancingLearnerTest {

  /**
   * A scripted child: its next point is {@code base + k} for the k-th point handed out, with a
   * fixed improvement; {@code loss(false)} is {@code loss / (1 + pending)}.
   */
  private static final class Scripted implements Learner<Double, Double> {
    final double base;
    double improvement;
    double loss;
    int limit = Integer.MAX_VALUE;
    int handedOut;
    final Set<Double> pending = new LinkedHashSet<>();
    final List<Double> xs = new ArrayList<>();
    final List<Double> ys = new ArrayList<>();
    int asks;

    Scripted(double base, double improvement, double loss) {
      this.base = base;
      this.improvement = improvement;
      this.loss = loss;
    }

    @Override
    public Asked<Double> ask(int n, boolean tellPending) {
      asks++;
      List<Double> points = new ArrayList<>();
      List<Double> improvements = new ArrayList<>();
      int k = handedOut;
      for (int i = 0; i < n && k < limit; i++, k++) {
        points.add(base + k);
        improvements.add(improvement);
      }
      if (tellPending) {
        points.forEach(this::tellPending);
      }
      return new Asked<>(points, improvements);
    }

    @Override
    public void tell(Double point, Double value) {
      if (!xs.contains(point)) {
        pending.remove(point);
        xs.add(point);
        ys.add(value);
      }
    }

    @Override
    public void tellPending(Double point) {
      if (!xs.contains(point) && pending.add(point)) {
        handedOut++;
      }
    }

    @Override
    public double loss(boolean real) {
      return real ? loss : loss / (1 + pending.size());
    }

    @Override
    public long npoints() {
      return xs.size();
    }

    @Override
    public void removeUnfinished() {
      handedOut -= pending.size();
      pending.clear();
    }

    @Override
    public void forEachData(BiConsumer<? super Double, ? super Double> sink) {
      for (int i = 0; i < xs.size(); i++) {
        sink.accept(xs.get(i), ys.get(i));
      }
    }

    @Override
    public void load(List<Double> points, List<Double> values) {
      for (int i = 0; i < points.size(); i++) {
        tell(points.get(i), values.get(i));
      }
    }

    @Override
    public DataCodec<Double, Double> codec() {
      return new DataCodec<>("scripted", Codecs.doubles("x"), Codecs.doubles("y"));
    }
  }

  private static List<Integer> children(Asked<? extends Indexed<?>> asked) {
    List<Integer> children = new ArrayList<>();
    asked.points().forEach(p -> children.add(p.child()));
    return children;
  }

  private static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  private static final List<DoubleUnaryOperator> PEAKS =
      List.of(x -> peak(x + 0.5), x -> peak(x), x -> peak(x - 0.5));

  private static BalancingLearner<Double, Double> peaks(Strategy strategy, int npoints) {
    BalancingLearner<Double, Double> learner =
        BalancingLearner.of(
            List.of(Learner1D.of(-1, 1), Learner1D.of(-1, 1), Learner1D.of(-1, 1)), strategy);
    while (learner.npoints() < npoints) {
      for (Indexed<Double> p : learner.ask(1, true).points()) {
        learner.tell(p, PEAKS.get(p.child()).applyAsDouble(p.point()));
      }
    }
    return learner;
  }

  private static List<String> data(Learner<?, ?> learner) {
    List<String> data = new ArrayList<>();
    learner.forEachData((p, v) -> data.add(p + "=" + v));
    return data;
  }

  // ---- construction -------------------------------------------------------------------------

  @Test
  void of_noChildren_isRefusedWithFix() {
    assertThatThrownBy(() -> BalancingLearner.of(List.<Learner1D>of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a BalancingLearner needs at least one child learner, but the list is empty;"
                + " pass the learners to balance, e.g. one per parameter value");
  }

  @Test
  void of_sameChildTwice_isRefused() {
    Learner1D child = Learner1D.of(0, 1);
    assertThatThrownBy(() -> BalancingLearner.of(List.of(child, Learner1D.of(0, 1), child)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("child 2 is the same learner as child 0; give each child its own learner");
  }

  @Test
  void mixed_differentValueColumns_isRefused() {
    List<Learner<?, ?>> children =
        List.of(Learner1D.of(0, 1), Learner1D.vector(0, 1, 2, new Loss1D.Default()));
    assertThatThrownBy(() -> BalancingLearner.mixed(children, Strategy.CYCLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "child 1 (a 'learner1D' learner) writes its values as columns [y0, y1], but child 0"
                + " (a 'learner1D' learner) writes [y]; a BalancingLearner stores every value with"
                + " one codec, so balance only learners whose values have the same columns");
  }

  @Test
  void of_nullChild_namesIt() {
    List<Learner1D> children = new ArrayList<>();
    children.add(Learner1D.of(0, 1));
    children.add(null);
    assertThatThrownBy(() -> BalancingLearner.of(children))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("child 1");
  }

  @Test
  void of_defaultStrategy_isLossImprovements() {
    assertThat(BalancingLearner.of(List.of(Learner1D.of(0, 1))).strategy())
        .isEqualTo(Strategy.LOSS_IMPROVEMENTS)
        .isEqualTo(BalancingLearner.DEFAULT_STRATEGY);
  }

  // ---- strategies ---------------------------------------------------------------------------

  @Test
  void lossImprovements_picksLargestImprovement() {
    var a = new Scripted(0, 1.0, 1);
    var b = new Scripted(100, 3.0, 1);
    var c = new Scripted(200, 2.0, 1);
    var learner = BalancingLearner.of(List.of(a, b, c));
    Asked<Indexed<Double>> asked = learner.ask(1, true);
    assertThat(asked.points()).containsExactly(new Indexed<>(1, 100.0));
    assertThat(asked.improvements()).containsExactly(3.0);
    assertThat(learner.pendingCount(1)).isEqualTo(1);
    assertThat(b.pending).containsExactly(100.0);
  }

  @Test
  void lossImprovements_equalImprovements_goToFewerPointsThenLowestIndex() {
    var a = new Scripted(0, 1.0, 1);
    var b = new Scripted(100, 1.0, 1);
    var c = new Scripted(200, 1.0, 1);
    a.tell(-1.0, 0.0); // child 0 has more points than the others
    var learner = BalancingLearner.of(List.of(a, b, c));
    // totals 1, 0, 0: child 1 (fewest, lower index than 2), then 2, then all 1: child 0 first.
    assertThat(children(learner.ask(4, true))).containsExactly(1, 2, 0, 1);
  }

  @Test
  void lossImprovements_everyChildGetsItsBoundsFirst() {
    var learner = peaks(Strategy.LOSS_IMPROVEMENTS, 6);
    for (Learner<Double, Double> child : learner.children()) {
      List<Double> xs = new ArrayList<>();
      child.forEachData((x, y) -> xs.add(x));
      assertThat(xs).containsExactlyInAnyOrder(-1.0, 1.0);
    }
  }

  @Test
  void lossImprovements_asksEachChildOnceUntilItChanges() {
    var a = new Scripted(0, 1.0, 1);
    var b = new Scripted(100, 3.0, 1);
    var learner = BalancingLearner.of(List.of(a, b));
    learner.ask(1, false);
    learner.ask(1, false);
    assertThat(a.asks).isEqualTo(1);
    assertThat(b.asks).isEqualTo(1);
    learner.ask(1, true); // b gets a point, so b is asked again next time; a is not
    learner.ask(1, false);
    assertThat(a.asks).isEqualTo(1);
    assertThat(b.asks).isEqualTo(2);
  }

  @Test
  void loss_picksLargestPendingAwareLoss() {
    var a = new Scripted(0, 1.0, 1.0);
    var b = new Scripted(100, 1.0, 5.0);
    var learner = BalancingLearner.of(List.of(a, b), Strategy.LOSS);
    Asked<Indexed<Double>> asked = learner.ask(1, true);
    assertThat(asked.points()).containsExactly(new Indexed<>(1, 100.0));
  }

  @Test
  void loss_askN_spreadsPointsByRefreshedLoss() {
    // loss(false) is loss / (1 + pending): b 5 → 2.5 → 1.67 → 1.25, a stays 2 until it gets one.
    var a = new Scripted(0, 1.0, 2.0);
    var b = new Scripted(100, 1.0, 5.0);
    var learner = BalancingLearner.of(List.of(a, b), Strategy.LOSS);
    // python-adaptive would give all four to child 1.
    assertThat(children(learner.ask(4, true))).containsExactly(1, 1, 0, 1);
    assertThat(learner.pendingCount(0)).isEqualTo(1);
    assertThat(learner.pendingCount(1)).isEqualTo(3);
  }

  @Test
  void loss_askN_withLearner1DChildren_usesMoreThanOneChild() {
    var learner = peaks(Strategy.LOSS, 30);
    assertThat(Set.copyOf(children(learner.ask(6, true)))).hasSizeGreaterThan(1);
  }

  @Test
  void loss_equalLosses_goToFewerPointsThenLowestIndex() {
    var a = new Scripted(0, 1.0, 0.0);
    var b = new Scripted(100, 1.0, 0.0);
    var c = new Scripted(200, 1.0, 0.0);
    b.tell(-1.0, 0.0);
    var learner = BalancingLearner.of(List.of(a, b, c), Strategy.LOSS);
    assertThat(children(learner.ask(4, true))).containsExactly(0, 2, 0, 1);
  }

  @Test
  void npoints_picksFewestEvaluatedPlusPending() {
    var a = new Scripted(0, 1.0, 1);
    var b = new Scripted(100, 1.0, 1);
    var c = new Scripted(200, 1.0, 1);
    a.tell(-1.0, 0.0);
    a.tell(-2.0, 0.0);
    c.tell(-1.0, 0.0);
    var learner = BalancingLearner.of(List.of(a, b, c), Strategy.NPOINTS);
    // totals 2, 0, 1 → 1 → (2, 1, 1) → 1 → (2, 2, 1) → 2 → (2, 2, 2) → 0
    assertThat(children(learner.ask(4, true))).containsExactly(1, 1, 2, 0);
    // the pending points count in the next ask too: totals 3, 2, 2
    assertThat(children(learner.ask(1, true))).containsExactly(1);
  }

  @Test
  void cycle_takesTurnsAcrossAsks_andRestartsWhenSetAgain() {
    var learner =
        BalancingLearner.of(
            List.of(new Scripted(0, 1, 1), new Scripted(100, 1, 1), new Scripted(200, 1, 1)),
            Strategy.CYCLE);
    assertThat(children(learner.ask(2, true))).containsExactly(0, 1);
    assertThat(children(learner.ask(2, true))).containsExactly(2, 0);
    learner.setStrategy(Strategy.CYCLE);
    assertThat(children(learner.ask(1, true))).containsExactly(0);
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void ask_childWithoutPoints_isPassedOver(Strategy strategy) {
    var done = new Scripted(0, 9.0, 9.0);
    done.limit = 0;
    var one = new Scripted(100, 1.0, 1.0);
    one.limit = 1;
    var learner = BalancingLearner.of(List.of(done, one), strategy);
    Asked<Indexed<Double>> asked = learner.ask(3, true);
    assertThat(asked.points()).containsExactly(new Indexed<>(1, 100.0));
    assertThat(learner.ask(1, true)).isEqualTo(Asked.none());
  }

  @Test
  void ask_zero_isEmpty_andNegativeIsRefused() {
    var learner = BalancingLearner.of(List.of(Learner1D.of(0, 1)));
    assertThat(learner.ask(0, true)).isEqualTo(Asked.none());
    assertThatThrownBy(() -> learner.ask(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot ask for '-1' points; ask for 0 or more");
  }

  // ---- pending ------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void ask_withoutTellPending_leavesStateUnchanged(Strategy strategy) {
    var learner = withTwoPending(strategy);
    Asked<Indexed<Double>> peek = learner.ask(5, false);
    assertThat(peek.points()).hasSize(5);
    assertThat(learner.ask(5, false)).isEqualTo(peek);

    var twin = withTwoPending(strategy); // never asked without tellPending
    assertThat(learner.loss(false)).isEqualTo(twin.loss(false));
    for (int i = 0; i < 3; i++) {
      assertThat(learner.pendingCount(i)).isEqualTo(twin.pendingCount(i));
      assertThat(learner.children().get(i).loss(false))
          .isEqualTo(twin.children().get(i).loss(false));
    }
    assertThat(learner.ask(5, true)).isEqualTo(twin.ask(5, true)).isEqualTo(peek);
  }

  private static BalancingLearner<Double, Double> withTwoPending(Strategy strategy) {
    var learner = peaks(strategy, 40);
    learner.ask(2, true);
    return learner;
  }

  @Test
  void tellPending_countsTowardTheTotal() {
    var a = new Scripted(0, 1.0, 1);
    var b = new Scripted(100, 1.0, 1);
    var learner = BalancingLearner.of(List.of(a, b), Strategy.NPOINTS);
    learner.tellPending(new Indexed<>(0, 42.0));
    assertThat(a.pending).containsExactly(42.0);
    assertThat(children(learner.ask(1, true))).containsExactly(1);
  }

  @Test
  void tell_pendingPoint_isNoLongerPending() {
    var learner = BalancingLearner.of(List.of(Learner1D.of(0, 1)));
    Indexed<Double> p = learner.ask(1, true).points().get(0);
    assertThat(learner.pendingCount(0)).isEqualTo(1);
    learner.tell(p, 1.0);
    assertThat(learner.pendingCount(0)).isZero();
    assertThat(learner.npoints()).isEqualTo(1);
  }

  @Test
  void tell_twice_firstValueWins() {
    var a = new Scripted(0, 1.0, 1);
    var learner = BalancingLearner.of(List.of(a));
    learner.tell(new Indexed<>(0, 0.5), 1.0);
    learner.tell(new Indexed<>(0, 0.5), 2.0);
    assertThat(a.ys).containsExactly(1.0);
    assertThat(data(learner)).containsExactly("(0, 0.5)=1.0");
  }

  @Test
  void tell_unknownChild_isRefused() {
    var learner = BalancingLearner.of(List.of(Learner1D.of(0, 1)));
    assertThatThrownBy(() -> learner.tell(new Indexed<>(1, 0.5), 1.0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("child index '1' names no child: this learner has 1 children");
  }

  @Test
  void removeUnfinished_forgetsEveryPendingPoint() {
    var learner = peaks(Strategy.LOSS_IMPROVEMENTS, 30);
    Asked<Indexed<Double>> first = learner.ask(4, true);
    learner.removeUnfinished();
    for (int i = 0; i < 3; i++) {
      assertThat(learner.pendingCount(i)).isZero();
      assertThat(((Learner1D) learner.children().get(i)).pendingCount()).isZero();
    }
    assertThat(learner.loss(false)).isEqualTo(learner.loss(true));
    assertThat(learner.ask(4, true)).isEqualTo(first);
  }

  // ---- state --------------------------------------------------------------------------------

  @Test
  void npointsAndLoss_areTotalAndMaximumOverChildren() {
    var learner = peaks(Strategy.NPOINTS, 30);
    long total = 0;
    double max = 0;
    for (Learner<Double, Double> child : learner.children()) {
      total += child.npoints();
      max = Math.max(max, child.loss(true));
    }
    assertThat(learner.npoints()).isEqualTo(total).isEqualTo(30);
    assertThat(learner.loss(true)).isEqualTo(max);
  }

  @Test
  void forEachData_listsPointsInTellOrder() {
    var learner = BalancingLearner.of(List.of(new Scripted(0, 1, 1), new Scripted(100, 1, 1)));
    learner.tell(new Indexed<>(1, 7.0), 1.0);
    learner.tell(new Indexed<>(0, 3.0), 2.0);
    learner.tell(new Indexed<>(1, 8.0), 3.0);
    assertThat(data(learner)).containsExactly("(1, 7.0)=1.0", "(0, 3.0)=2.0", "(1, 8.0)=3.0");
  }

  @Test
  void of_childrenWithData_listsTheirDataFirst() {
    var a = new Scripted(0, 1, 1);
    var b = new Scripted(100, 1, 1);
    b.tell(5.0, 1.0);
    a.tell(4.0, 2.0);
    var learner = BalancingLearner.of(List.of(a, b));
    learner.tell(new Indexed<>(0, 6.0), 3.0);
    assertThat(data(learner)).containsExactly("(0, 4.0)=2.0", "(1, 5.0)=1.0", "(0, 6.0)=3.0");
  }

  // ---- codec and load -----------------------------------------------------------------------

  @Test
  void codec_homogeneous_isLearnerIndexPlusChildColumns() {
    var codec = BalancingLearner.of(List.of(Learner1D.of(0, 1), Learner1D.of(0, 1))).codec();
    assertThat(codec.kind()).isEqualTo("balancing");
    assertThat(codec.point().columns()).containsExactly("learner_index", "x");
    assertThat(codec.value().columns()).containsExactly("y");
    StringBuilder row = new StringBuilder();
    codec.point().appendCsv(new Indexed<>(1, 0.25), row);
    assertThat(row).hasToString("1,0.25");
  }

  @Test
  void codec_mixedKinds_unitesColumnsAndPadsWithNaN() {
    var learner =
        BalancingLearner.mixed(
            List.of(Learner1D.of(0, 1), SequenceLearner.ofDoubles(List.of(0.5, 0.75))),
            Strategy.CYCLE);
    var codec = learner.codec();
    assertThat(codec.point().columns()).containsExactly("learner_index", "x", "i");
    StringBuilder row = new StringBuilder();
    codec.point().appendCsv(new Indexed<>(0, 0.25), row);
    row.append(';');
    codec.point().appendCsv(new Indexed<>(1, new SequenceLearner.Indexed<>(1, 0.75)), row);
    assertThat(row).hasToString("0,0.25,NaN;1,0.75,1");
  }

  @Test
  void codec_readsAnUnknownChild_asAnError() throws IOException {
    var codec = BalancingLearner.of(List.of(Learner1D.of(0, 1))).codec();
    var bytes = new ByteArrayOutputStream();
    var out = new DataOutputStream(bytes);
    out.writeInt(3);
    out.writeDouble(0.5);
    var in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    assertThatThrownBy(() -> codec.point().read(in))
        .isInstanceOf(IOException.class)
        .hasMessage("learner_index '3' names no child: this learner has 1 children");
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void saveAndLoad_roundTrip(Strategy strategy) throws IOException {
    var learner = peaks(strategy, 60);
    var codec = learner.codec();
    var bytes = new ByteArrayOutputStream();
    var out = new DataOutputStream(bytes);
    int[] count = {0};
    learner.forEachData(
        (p, v) -> {
          try {
            codec.point().write(p, out);
            codec.value().write(v, out);
            count[0]++;
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        });
    var in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    List<Indexed<Double>> points = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < count[0]; i++) {
      points.add(codec.point().read(in));
      values.add(codec.value().read(in));
    }

    var loaded =
        BalancingLearner.of(
            List.of(Learner1D.of(-1, 1), Learner1D.of(-1, 1), Learner1D.of(-1, 1)), strategy);
    loaded.load(points, values);

    assertThat(data(loaded)).isEqualTo(data(learner));
    assertThat(loaded.npoints()).isEqualTo(60);
    assertThat(loaded.loss(true)).isEqualTo(learner.loss(true));
    for (int i = 0; i < 3; i++) {
      assertThat(loaded.children().get(i).npoints()).isEqualTo(learner.children().get(i).npoints());
    }
  }

  @Test
  void bound_dispatchesToTheChildsFunction() throws Exception {
    BoundLearner<Indexed<Object>, Object> bound =
        BalancingLearner.bound(
            List.of(
                new BoundLearner<Double, Double>(Learner1D.of(0, 1), x -> x + 10),
                new BoundLearner<Double, Double>(Learner1D.of(0, 1), x -> x + 20)),
            Strategy.CYCLE);
    assertThat(bound.function().apply(new Indexed<>(1, 0.5))).isEqualTo(20.5);
    assertThat(bound.learner().ask(2, true).points())
        .extracting(Indexed::child)
        .containsExactly(0, 1);
  }
}
