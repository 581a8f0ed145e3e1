/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.learn.DataSaver.WithExtra;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DataSaverTest {

  private static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  /** The function of these tests: peak(x), with x * x kept as extra data. */
  private static WithExtra<Double, Double> f(double x) {
    return new WithExtra<>(peak(x), x * x);
  }

  private static DataSaver<Double, Double, Double> run(int npoints) {
    DataSaver<Double, Double, Double> saver = DataSaver.of(Learner1D.of(-1, 1));
    while (saver.npoints() < npoints) {
      for (double x : saver.ask(1, true).points()) {
        saver.tell(x, f(x));
      }
    }
    return saver;
  }

  private static List<String> data(Learner<?, ?> learner) {
    List<String> data = new ArrayList<>();
    learner.forEachData((p, v) -> data.add(p + "=" + v));
    return data;
  }

  // ---- construction -------------------------------------------------------------------------

  @Test
  void of_learnerWithPoints_isRefusedWithFix() {
    Learner1D learner = Learner1D.of(0, 1);
    learner.tell(0.5, 1.0);
    assertThatThrownBy(() -> DataSaver.of(learner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the learner already has 1 points, which have no extra data; wrap a fresh learner,"
                + " and load saved data through the DataSaver");
  }

  @Test
  void withExtra_null_isRefused() {
    assertThatThrownBy(() -> new WithExtra<>(1.0, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("extra");
  }

  // ---- tell and delegation ------------------------------------------------------------------

  @Test
  void tell_innerLearnsTheValue_saverKeepsTheExtra() {
    Learner1D inner = Learner1D.of(-1, 1);
    DataSaver<Double, Double, Double> saver = DataSaver.of(inner);
    saver.tell(0.5, new WithExtra<>(2.0, 7.0));
    List<String> innerData = new ArrayList<>();
    inner.forEachData((x, y) -> innerData.add(x + "=" + y));
    assertThat(innerData).containsExactly("0.5=2.0");
    assertThat(saver.extra(0.5)).contains(7.0);
    assertThat(saver.extra(0.25)).isEmpty();
    assertThat(saver.learner()).isSameAs(inner);
  }

  @Test
  void tell_twice_firstValueAndExtraWin() {
    DataSaver<Double, Double, Double> saver = DataSaver.of(Learner1D.of(-1, 1));
    saver.tell(0.5, new WithExtra<>(2.0, 7.0));
    saver.tell(0.5, new WithExtra<>(3.0, 8.0));
    assertThat(data(saver)).containsExactly("0.5=WithExtra[value=2.0, extra=7.0]");
  }

  @Test
  void askLossNpointsPending_areTheInnerLearners() {
    DataSaver<Double, Double, Double> saver = run(50);
    Learner1D inner = (Learner1D) saver.learner();
    Learner1D twin = Learner1D.of(-1, 1);
    while (twin.npoints() < 50) {
      for (double x : twin.ask(1, true).points()) {
        twin.tell(x, peak(x));
      }
    }
    assertThat(saver.npoints()).isEqualTo(twin.npoints()).isEqualTo(50);
    assertThat(saver.loss(true)).isEqualTo(twin.loss(true));
    assertThat(saver.ask(3, false)).isEqualTo(twin.ask(3, false));

    saver.ask(2, true);
    assertThat(inner.pendingCount()).isEqualTo(2);
    assertThat(saver.loss(false)).isEqualTo(inner.loss(false));
    saver.removeUnfinished();
    assertThat(inner.pendingCount()).isZero();
    saver.tellPending(0.123);
    assertThat(inner.pendingCount()).isEqualTo(1);
  }

  @Test
  void forEachData_pointToldToInnerDirectly_isAnError() {
    DataSaver<Double, Double, Double> saver = DataSaver.of(Learner1D.of(-1, 1));
    saver.learner().tell(0.5, 1.0);
    assertThatThrownBy(() -> saver.forEachData((p, v) -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "point 0.5 has a value but no extra data: it was told to the inner learner directly;"
                + " tell the DataSaver instead");
  }

  // ---- codec and load -----------------------------------------------------------------------

  @Test
  void codec_addsExtraDataColumn() {
    var codec = run(3).codec();
    assertThat(codec.kind()).isEqualTo("dataSaver");
    assertThat(codec.point().columns()).containsExactly("x");
    assertThat(codec.value().columns()).containsExactly("y", "extra_data");
    StringBuilder row = new StringBuilder();
    codec.value().appendCsv(new WithExtra<>(1.5, 0.25), row);
    assertThat(row).hasToString("1.5,0.25");
  }

  @Test
  void codec_severalExtraColumns_arePrefixed() {
    var saver = DataSaver.of(Learner1D.of(0, 1), Codecs.doubleArrays("e", 2));
    assertThat(saver.codec().value().columns())
        .containsExactly("y", "extra_data_e0", "extra_data_e1");
  }

  @Test
  void of_extraCodecWithoutColumns_isRefused() {
    Codec<Double> none =
        new Codec<>() {
          @Override
          public void write(Double value, java.io.DataOutput out) {}

          @Override
          public Double read(java.io.DataInput in) {
            return 0.0;
          }

          @Override
          public List<String> columns() {
            return List.of();
          }

          @Override
          public void appendCsv(Double value, StringBuilder row) {}
        };
    assertThatThrownBy(() -> DataSaver.of(Learner1D.of(0, 1), none))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the extra codec writes no CSV column; give it one, e.g."
                + " Codecs.doubles(\"extra_data\")");
  }

  @Test
  void saveAndLoad_roundTrip() throws IOException {
    DataSaver<Double, Double, Double> saver = run(40);
    var codec = saver.codec();
    var bytes = new ByteArrayOutputStream();
    var out = new DataOutputStream(bytes);
    int[] count = {0};
    saver.forEachData(
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
    List<Double> points = new ArrayList<>();
    List<WithExtra<Double, Double>> values = new ArrayList<>();
    for (int i = 0; i < count[0]; i++) {
      points.add(codec.point().read(in));
      values.add(codec.value().read(in));
    }
    assertThat(in.available()).isZero();

    DataSaver<Double, Double, Double> loaded = DataSaver.of(Learner1D.of(-1, 1));
    loaded.load(points, values);

    assertThat(data(loaded)).isEqualTo(data(saver)).hasSize(40);
    assertThat(loaded.loss(true)).isEqualTo(saver.loss(true));
    for (double x : points) {
      assertThat(loaded.extra(x)).contains(x * x);
    }
  }

  @Test
  void balancingOverSavers_roundTripsToo() {
    var learner =
        BalancingLearner.of(
            List.of(DataSaver.of(Learner1D.of(-1, 1)), DataSaver.of(Learner1D.of(-1, 1))));
    for (int k = 0; k < 20; k++) {
      for (var p : learner.ask(1, true).points()) {
        learner.tell(p, f(p.point() + p.child()));
      }
    }
    assertThat(learner.codec().value().columns()).containsExactly("y", "extra_data");
    var points = new ArrayList<BalancingLearner.Indexed<Double>>();
    var values = new ArrayList<WithExtra<Double, Double>>();
    learner.forEachData(
        (p, v) -> {
          points.add(p);
          values.add(v);
        });
    var loaded =
        BalancingLearner.of(
            List.of(DataSaver.of(Learner1D.of(-1, 1)), DataSaver.of(Learner1D.of(-1, 1))));
    loaded.load(points, values);
    assertThat(data(loaded)).isEqualTo(data(learner)).hasSize(20);
  }
}
