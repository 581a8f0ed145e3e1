/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static io.adaptive.charts.Runs.learner;
import static io.adaptive.charts.Runs.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.learn.Learner2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** The heatmap {@link LearnerPlot} draws for a learner2D: checked for size and ink, not pixels. */
final class Learner2DHeatmapTest {

  @TempDir Path dir;

  /** python-adaptive's ring: a sharp circular ridge on a tilted plane. */
  static double ring(double x, double y) {
    double a = 0.2;
    double r = x * x + y * y - 0.5625;
    return x + Math.exp(-(r * r) / (a * a * a * a));
  }

  /** A real Learner2D run on the ring to {@code points}, written as a worker writes data.csv. */
  static Path ringData(Path csv, int points) {
    Learner2D learner = Learner2D.of(-1, 1, -1, 1);
    StringBuilder text = new StringBuilder("x,y,z\n");
    while (learner.npoints() < points) {
      double[] xy = learner.askPoints(10);
      for (int i = 0; i < xy.length / 2; i++) {
        double x = xy[2 * i];
        double y = xy[2 * i + 1];
        double z = ring(x, y);
        learner.tell(x, y, z);
        text.append(x).append(',').append(y).append(',').append(z).append('\n');
      }
    }
    return Runs.write(csv, text.toString());
  }

  private LearnerStatus ringLearner(Path root, int points) {
    Path csv = ringData(root.resolve("learners/ring/data.csv"), points);
    return learner("ring", "learner2D", csv, history(points, 0.0123));
  }

  @Test
  void savePng_ring_isANonBlankPngOfTheRightSize() {
    Path png = dir.resolve("ring.png");

    LearnerPlot.of(ringLearner(dir, 500)).savePng(png, 900, 700);

    Pngs.assertChart(png, 900, 700);
    assertThat(Pngs.colouredPixels(Pngs.assertChart(png, 900, 700)))
        .as("the heatmap is in colour").isGreaterThan(900L * 700 / 4);
  }

  @Test
  void savePng_noDataYet_writesAnEmptyPlotWithANote() {
    LearnerStatus learner = learner("ring", "learner2D", dir.resolve("none/data.csv"), List.of());
    Path png = dir.resolve("empty.png");

    LearnerPlot.of(learner).savePng(png, 600, 400);

    assertThat(png).isRegularFile();
  }

  @Test
  void savePng_threePointsOnly_drawsDotsWithoutAnInterpolant() {
    Path csv = Runs.write(dir.resolve("few/data.csv"), "x,y,z\n0,0,1\n1,0,2\n0,1,3\n");
    Path png = dir.resolve("few.png");

    LearnerPlot.of(learner("few", "learner2D", csv, history(3, 1.0))).savePng(png, 600, 400);

    assertThat(png).isRegularFile();
  }

  @Test
  void chartListener_learner2D_getsItsPlotLikeA1DLearner() throws IOException {
    Path store = dir.resolve("store");
    Path charts = store.resolve("charts");

    ChartListener.into(charts).onFinish(snapshot(store, List.of(ringLearner(store, 200))));

    try (Stream<Path> files = Files.list(charts)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("convergence.png", "ring.png");
    }
    Pngs.assertChart(charts.resolve("ring.png"), 1000, 600);
  }

  /** {@code -Dcharts.samples=/tmp/charts-sample} writes learner2d.png there for a person to see. */
  @Test
  @EnabledIfSystemProperty(named = "charts.samples", matches = ".+")
  void sample_ring2000() {
    Path out = Path.of(System.getProperty("charts.samples"));
    LearnerPlot.of(ringLearner(out.resolve("store2d"), 2000))
        .savePng(out.resolve("learner2d.png"), 1000, 800);
  }
}
