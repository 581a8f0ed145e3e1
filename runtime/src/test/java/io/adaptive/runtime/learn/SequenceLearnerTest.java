/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.learn.SequenceLearner.Indexed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SequenceLearnerTest {

  private static final List<Double> XS = List.of(0.5, -1.0, 2.0, 0.25, 8.0);

  private static List<Integer> indices(Asked<? extends Indexed<?>> asked) {
    List<Integer> indices = new ArrayList<>();
    asked.points().forEach(p -> indices.add(p.index()));
    return indices;
  }

  private static void evaluateAll(SequenceLearner<Double> learner) {
    for (int round = 0; !learner.done(); round++) {
      assertThat(round).as("rounds of ask(2)").isLessThan(learner.size());
      for (Indexed<Double> p : learner.ask(2, true).points()) {
        learner.tell(p, p.element() * p.element());
      }
    }
  }

  // ---- ask -----------------------------------------------------------------------------------

  @Test
  void ask_returnsElementsInSequenceOrder() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    Asked<Indexed<Double>> asked = learner.ask(3, true);
    assertThat(asked.points())
        .containsExactly(new Indexed<>(0, 0.5), new Indexed<>(1, -1.0), new Indexed<>(2, 2.0));
    assertThat(asked.improvements()).containsExactly(0.2, 0.2, 0.2);
    assertThat(indices(learner.ask(1, true))).containsExactly(3);
  }

  @Test
  void ask_beyondRemaining_returnsWhatIsLeft() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    learner.ask(2, true);
    assertThat(indices(learner.ask(10, true))).containsExactly(2, 3, 4);
    assertThat(learner.ask(1, true)).isEqualTo(Asked.none());
    assertThat(learner.done()).isFalse(); // pending is not done
  }

  @Test
  void ask_withoutTellPending_leavesStateUnchanged() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    assertThat(indices(learner.ask(2, false))).containsExactly(0, 1);
    assertThat(indices(learner.ask(2, false))).containsExactly(0, 1);
    assertThat(learner.loss(false)).isEqualTo(1.0);
  }

  @Test
  void ask_skipsPointsToldOutOfOrder() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    learner.tell(new Indexed<>(1, -1.0), 1.0);
    learner.tellPending(new Indexed<>(3, 0.25));
    assertThat(indices(learner.ask(5, false))).containsExactly(0, 2, 4);
  }

  @Test
  void ask_negative_isRejected() {
    assertThatThrownBy(() -> SequenceLearner.ofDoubles(XS).ask(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must not be negative, got '-1'");
  }

  // ---- tell, done, result --------------------------------------------------------------------

  @Test
  void done_onlyWhenEveryElementHasAValue() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    List<Indexed<Double>> all = learner.ask(5, true).points();
    for (int k = all.size() - 1; k >= 0; k--) { // answers arrive in reverse
      assertThat(learner.done()).isFalse();
      learner.tell(all.get(k), 10.0 * k);
    }
    assertThat(learner.done()).isTrue();
    assertThat(learner.loss()).isZero();
    assertThat(learner.result()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
  }

  @Test
  void result_beforeDone_isRefused() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    learner.tell(new Indexed<>(0, 0.5), 1.0);
    assertThatThrownBy(learner::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the learner is not done: 4 of 5 elements have no value yet; run it until done()");
  }

  @Test
  void tell_knownIndex_keepsFirstValue() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(List.of(1.0));
    learner.tell(new Indexed<>(0, 1.0), 3.0);
    learner.tell(new Indexed<>(0, 1.0), 4.0);
    assertThat(learner.npoints()).isEqualTo(1);
    assertThat(learner.result()).containsExactly(3.0);
  }

  @Test
  void tell_indexOutsideSequence_isRejected() {
    assertThatThrownBy(() -> SequenceLearner.ofDoubles(XS).tell(new Indexed<>(5, 0.0), 1.0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index '5' is outside the sequence of 5 elements");
  }

  @Test
  void tell_nullValue_isRejected() {
    assertThatThrownBy(() -> SequenceLearner.ofDoubles(XS).tell(new Indexed<>(0, 0.5), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("y");
  }

  @Test
  void tellPending_evaluatedElement_isIgnored() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    learner.tell(new Indexed<>(0, 0.5), 1.0);
    learner.tellPending(new Indexed<>(0, 0.5));
    assertThat(learner.loss(false)).isEqualTo(learner.loss(true)).isEqualTo(0.8);
  }

  // ---- loss, pending -------------------------------------------------------------------------

  @Test
  void loss_countsPendingOnlyWhenNotReal() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    assertThat(learner.loss()).isEqualTo(1.0);
    List<Indexed<Double>> asked = learner.ask(3, true).points();
    learner.tell(asked.get(0), 0.0);
    assertThat(learner.loss(true)).isEqualTo(0.8);
    assertThat(learner.loss(false)).isEqualTo((5.0 - 3) / 5);
  }

  @Test
  void removeUnfinished_returnsPendingToTheQueueInOrder() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    learner.ask(4, true);
    learner.tell(new Indexed<>(2, 2.0), 4.0);
    learner.removeUnfinished();
    assertThat(learner.loss(false)).isEqualTo(learner.loss(true)).isEqualTo(0.8);
    assertThat(indices(learner.ask(5, true))).containsExactly(0, 1, 3, 4);
  }

  @Test
  void emptySequence_isDoneAtOnce() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(List.of());
    assertThat(learner.done()).isTrue();
    assertThat(learner.loss()).isZero();
    assertThat(learner.ask(3, true)).isEqualTo(Asked.none());
    assertThat(learner.result()).isEmpty();
  }

  // ---- load ----------------------------------------------------------------------------------

  @Test
  void load_exportedData_rebuildsLearner() {
    SequenceLearner<Double> learner = SequenceLearner.ofDoubles(XS);
    List<Indexed<Double>> asked = learner.ask(4, true).points();
    learner.tell(asked.get(3), 1.0);
    learner.tell(asked.get(1), 2.0);

    List<Indexed<Double>> points = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    learner.forEachData(
        (p, y) -> {
          points.add(p);
          ys.add(y);
        });
    assertThat(points).containsExactly(asked.get(3), asked.get(1)); // in the order told
    SequenceLearner<Double> loaded = SequenceLearner.ofDoubles(XS);
    loaded.load(points, ys);

    learner.removeUnfinished();
    assertThat(loaded.npoints()).isEqualTo(2);
    assertThat(loaded.loss()).isEqualTo(learner.loss()).isEqualTo(0.6);
    assertThat(loaded.ask(5, false)).isEqualTo(learner.ask(5, false));
    evaluateAll(loaded);
    assertThat(loaded.result()).containsExactly(0.25, 2.0, 4.0, 1.0, 64.0);
  }

  // ---- arrays and codecs ---------------------------------------------------------------------

  @Test
  void ofArrays_pointsCompareByContent() {
    SequenceLearner<double[]> learner =
        SequenceLearner.ofArrays(List.of(new double[] {1, 2}, new double[] {3, 4}));
    Indexed<double[]> first = learner.ask(1, true).points().get(0);
    assertThat(first).isEqualTo(new Indexed<>(0, new double[] {1, 2}));
    assertThat(first).hasToString("(0, [1.0, 2.0])");
    learner.tell(new Indexed<>(0, new double[] {1, 2}), 5.0);
    assertThat(learner.loss()).isEqualTo(0.5);
  }

  @Test
  void ofArrays_mixedLengths_isRejected() {
    assertThatThrownBy(
            () -> SequenceLearner.ofArrays(List.of(new double[] {1, 2}, new double[] {3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "every element must have the same, non-zero length; element 0 has 2 and element 1 has"
                + " 1");
  }

  @Test
  void codec_doubles_hasColumnsIXY() throws IOException {
    DataCodec<Indexed<Double>, Double> codec = SequenceLearner.ofDoubles(XS).codec();
    assertThat(codec.kind()).isEqualTo("sequence");
    assertThat(codec.point().columns()).containsExactly("i", "x");
    assertThat(codec.value().columns()).containsExactly("y");
    assertThat(roundTrip(codec.point(), new Indexed<>(3, 0.1))).isEqualTo(new Indexed<>(3, 0.1));
    StringBuilder row = new StringBuilder();
    codec.point().appendCsv(new Indexed<>(3, 0.1), row);
    assertThat(row).hasToString("3,0.1");
  }

  @Test
  void codec_arrays_hasOneColumnPerCoordinate() throws IOException {
    SequenceLearner<double[]> learner = SequenceLearner.ofArrays(List.of(new double[] {1, -0.5}));
    Codec<Indexed<double[]>> codec = learner.codec().point();
    assertThat(codec.columns()).containsExactly("i", "x0", "x1");
    Indexed<double[]> p = new Indexed<>(0, new double[] {1, -0.5});
    assertThat(roundTrip(codec, p)).isEqualTo(p);
    StringBuilder row = new StringBuilder();
    codec.appendCsv(p, row);
    assertThat(row).hasToString("0,1.0,-0.5");
  }

  private static <P> P roundTrip(Codec<P> codec, P value) throws IOException {
    var bytes = new ByteArrayOutputStream();
    codec.write(value, new DataOutputStream(bytes));
    return codec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }
}
