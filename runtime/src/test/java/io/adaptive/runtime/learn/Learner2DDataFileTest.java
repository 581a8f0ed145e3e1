/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static io.adaptive.runtime.learn.Learner2DReference.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.adaptive.runtime.store.DataSnapshot;
import io.adaptive.runtime.store.LearnerDataFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learner2D through the real data file: appended saves, reload, the CSV snapshot. */
final class Learner2DDataFileTest {

  @TempDir Path directory;

  private static List<String> data(Learner<double[], ?> learner) {
    List<String> data = new ArrayList<>();
    learner.forEachData(
        (p, v) -> data.add(Arrays.toString(p) + "="
            + (v instanceof double[] a ? Arrays.toString(a) : String.valueOf(v))));
    return data;
  }

  @Test
  void scalar_savedInSteps_reloadsTheSameData() {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    Path file = directory.resolve("ring/data.db");
    Path snapshot;
    try (var store = LearnerDataFile.open(file, "ring", "f00d", learner.codec())) {
      snapshot = store.snapshotFile();
      for (int step = 0; step < 3; step++) {
        for (int k = 0; k < 50; k++) {
          double[] p = learner.askPoints(1);
          learner.tell(p[0], p[1], ring(p[0], p[1]));
        }
        store.save(learner, 0);
      }
    }
    Learner2D reloaded = Learner2D.of(-1, 1, -1, 1);
    try (var store = LearnerDataFile.open(file, "ring", "f00d", reloaded.codec())) {
      store.loadInto(reloaded);
    }
    assertThat(data(reloaded)).isEqualTo(data(learner));
    assertThat(reloaded.npoints()).isEqualTo(150);
    // the same points: the same interpolant; the loss up to the local gradient updates
    assertThat(reloaded.interpolate(0.3, -0.4)).isCloseTo(learner.interpolate(0.3, -0.4),
        offset(1e-12));
    assertThat(reloaded.loss()).isCloseTo(learner.loss(), offset(0.2 * learner.loss()));
    DataSnapshot csv = DataSnapshot.read(snapshot);
    assertThat(csv.columns()).containsExactly("x", "y", "z");
    assertThat(csv.size()).isEqualTo(150);
  }

  @Test
  void vector_savedAndReloaded_columnsZ0Z1() {
    Learner<double[], double[]> learner =
        Learner2D.vector(0, 1, 0, 2, 2, new Learner2DLoss.Default());
    Path file = directory.resolve("vector/data.db");
    Path snapshot;
    try (var store = LearnerDataFile.open(file, "v", "beef", learner.codec())) {
      snapshot = store.snapshotFile();
      for (int k = 0; k < 40; k++) {
        double[] p = learner.ask(1, true).points().get(0);
        learner.tell(p, new double[] {p[0] * p[1], Math.sin(p[0] + p[1])});
      }
      store.save(learner, 0);
    }
    Learner<double[], double[]> reloaded =
        Learner2D.vector(0, 1, 0, 2, 2, new Learner2DLoss.Default());
    try (var store = LearnerDataFile.open(file, "v", "beef", reloaded.codec())) {
      store.loadInto(reloaded);
    }
    assertThat(data(reloaded)).isEqualTo(data(learner));
    DataSnapshot csv = DataSnapshot.read(snapshot);
    assertThat(csv.columns()).containsExactly("x", "y", "z0", "z1");
    assertThat(csv.size()).isEqualTo(40);
  }
}
