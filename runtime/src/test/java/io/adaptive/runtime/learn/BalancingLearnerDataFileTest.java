/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.learn.BalancingLearner.Indexed;
import io.adaptive.runtime.learn.BalancingLearner.Strategy;
import io.adaptive.runtime.learn.DataSaver.WithExtra;
import io.adaptive.runtime.store.DataSnapshot;
import io.adaptive.runtime.store.LearnerDataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BalancingLearner and DataSaver through the real data file: appended saves, reload, CSV. */
final class BalancingLearnerDataFileTest {

  @TempDir Path directory;

  private static double peak(double x) {
    double a = 0.01;
    return x + (a * a) / (a * a + x * x);
  }

  private static List<String> data(Learner<?, ?> learner) {
    List<String> data = new ArrayList<>();
    learner.forEachData((p, v) -> data.add(p + "=" + v));
    return data;
  }

  /** Saves after each step, reloads into a fresh learner, compares; returns the CSV snapshot. */
  private static <P, V> Path saveAndReload(
      Path file, Supplier<Learner<P, V>> fresh, Runnable[] steps, Learner<P, V> learner) {
    Path snapshot;
    try (var data = LearnerDataFile.open(file, "b", "f00d", learner.codec())) {
      snapshot = data.snapshotFile();
      for (Runnable step : steps) {
        step.run(); // more points told in between: each save appends
        data.save(learner, 0);
      }
    }
    Learner<P, V> reloaded = fresh.get();
    try (var data = LearnerDataFile.open(file, "b", "f00d", reloaded.codec())) {
      data.loadInto(reloaded);
    }
    assertThat(data(reloaded)).isEqualTo(data(learner));
    assertThat(reloaded.npoints()).isEqualTo(learner.npoints());
    assertThat(reloaded.loss(true)).isEqualTo(learner.loss(true));
    return snapshot;
  }

  @Test
  void balancing_savedInSteps_reloadsIdentically() {
    Supplier<Learner<Indexed<Double>, Double>> fresh =
        () -> BalancingLearner.of(List.of(Learner1D.of(-1, 1), Learner1D.of(-1, 1)));
    Learner<Indexed<Double>, Double> learner = fresh.get();
    Runnable tenMore =
        () -> {
          for (int k = 0; k < 10; k++) {
            for (Indexed<Double> p : learner.ask(1, true).points()) {
              learner.tell(p, peak(p.point() - 0.3 * p.child()));
            }
          }
        };
    Path file = directory.resolve("balancing/data.db");
    DataSnapshot snapshot =
        DataSnapshot.read(
            saveAndReload(file, fresh, new Runnable[] {tenMore, tenMore, tenMore}, learner));
    assertThat(snapshot.columns()).containsExactly("learner_index", "x", "y");
    assertThat(snapshot.size()).isEqualTo(30);
  }

  @Test
  void mixedKinds_reloadIdentically_andTheSnapshotParses() {
    Supplier<Learner<Indexed<Object>, Object>> fresh =
        () ->
            BalancingLearner.mixed(
                List.of(Learner1D.of(0, 1), SequenceLearner.ofDoubles(List.of(0.5, 0.75, 2.0))),
                Strategy.CYCLE);
    Learner<Indexed<Object>, Object> learner = fresh.get();
    Runnable sixMore =
        () -> {
          for (Indexed<Object> p : learner.ask(6, true).points()) {
            Object x = p.point();
            double at =
                x instanceof SequenceLearner.Indexed<?> s ? (Double) s.element() : (Double) x;
            learner.tell(p, at * at);
          }
        };
    Path file = directory.resolve("mixed/data.db");
    DataSnapshot snapshot =
        DataSnapshot.read(saveAndReload(file, fresh, new Runnable[] {sixMore}, learner));
    assertThat(snapshot.columns()).containsExactly("learner_index", "x", "i", "y");
    assertThat(snapshot.size()).isEqualTo(6);
    assertThat(snapshot.rows().get(0)[2]).isNaN(); // a Learner1D row has no i
  }

  @Test
  void dataSaver_savedInSteps_reloadsIdentically() {
    Supplier<Learner<Double, WithExtra<Double, Double>>> fresh =
        () -> DataSaver.of(Learner1D.of(-1, 1));
    Learner<Double, WithExtra<Double, Double>> learner = fresh.get();
    Runnable tenMore =
        () -> {
          for (int k = 0; k < 10; k++) {
            for (double x : learner.ask(1, true).points()) {
              learner.tell(x, new WithExtra<>(peak(x), -x));
            }
          }
        };
    Path file = directory.resolve("saver/data.db");
    DataSnapshot snapshot =
        DataSnapshot.read(saveAndReload(file, fresh, new Runnable[] {tenMore, tenMore}, learner));
    assertThat(snapshot.columns()).containsExactly("x", "y", "extra_data");
    double[] xs = snapshot.column("x");
    double[] extras = snapshot.column("extra_data");
    for (int i = 0; i < xs.length; i++) {
      assertThat(extras[i]).isEqualTo(-xs[i]);
    }
  }
}
