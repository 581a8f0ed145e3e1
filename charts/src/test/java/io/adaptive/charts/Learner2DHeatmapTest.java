/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static io.adaptive.charts.Runs.learner;
import static io.adaptive.charts.Runs.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.learn.Learner2D;
import io.adaptive.runtime.store.DataSnapshot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.data.general.DatasetUtils;
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
  void savePng_squareBounds_drawASquareHeatmapInAWideImage() {
    Path png = dir.resolve("ring.png");

    LearnerPlot.of(ringLearner(dir, 300)).savePng(png, 1000, 600);

    int[] box = heatmapBox(Pngs.assertChart(png, 1000, 600));
    double width = box[2] - box[0] + 1;
    double height = box[3] - box[1] + 1;
    assertThat(width / height).as("one unit as long on both axes").isCloseTo(1.0, within(0.03));
  }

  @Test
  void savePng_fewPoints_drawTheTriangulationOverTheColours() {
    Path png = dir.resolve("ring.png");

    LearnerPlot.of(ringLearner(dir, 300)).savePng(png, 1000, 600);

    BufferedImage image = Pngs.assertChart(png, 1000, 600);
    int[] box = heatmapBox(image);
    long light = 0;
    for (int y = box[1]; y <= box[3]; y++) {
      for (int x = box[0]; x <= box[2]; x++) {
        int rgb = image.getRGB(x, y);
        // No viridis colour has all three channels above 100; white lines over it do.
        if (Math.min(rgb >> 16 & 0xFF, Math.min(rgb >> 8 & 0xFF, rgb & 0xFF)) >= 115) {
          light++;
        }
      }
    }
    // 300 points make about 600 triangles, 900 edges of some 15 pixels each.
    assertThat(light).as("pixels of triangle edges").isGreaterThan(3_000);
  }

  /**
   * The smallest box {x0, y0, x1, y1} around the heatmap's (viridis) pixels: the first run of
   * columns from the left that have such pixels, so the colour bar further right is left out.
   */
  private static int[] heatmapBox(BufferedImage image) {
    int[] box = {-1, Integer.MAX_VALUE, -1, -1};
    for (int x = 0; x < image.getWidth(); x++) {
      int top = -1;
      int bottom = -1;
      for (int y = 0; y < image.getHeight(); y++) {
        if (viridisLike(image.getRGB(x, y))) {
          top = top < 0 ? y : top;
          bottom = y;
        }
      }
      if (top < 0) {
        if (box[0] >= 0) {
          break; // the end of the heatmap
        }
        continue;
      }
      box[0] = box[0] < 0 ? x : box[0];
      box[2] = x;
      box[1] = Math.min(box[1], top);
      box[3] = Math.max(box[3], bottom);
    }
    assertThat(box[0]).as("the image has heatmap colours").isNotNegative();
    return box;
  }

  private static boolean viridisLike(int rgb) {
    int r = rgb >> 16 & 0xFF;
    int g = rgb >> 8 & 0xFF;
    int b = rgb & 0xFF;
    int min = Math.min(r, Math.min(g, b));
    int max = Math.max(r, Math.max(g, b));
    return min < 100 && max - min > 60;
  }

  @Test
  void savePng_learnerND2D_isTheSameHeatmapAsALearner2D() throws IOException {
    Path csv2D = ringData(dir.resolve("learners/ring/data.csv"), 300);
    Path csvND = Runs.write(dir.resolve("learners/ringND/data.csv"),
        Files.readString(csv2D).replaceFirst("x,y,z", "x,y,value"));
    Path png2D = dir.resolve("2d.png");
    Path pngND = dir.resolve("nd.png");

    LearnerPlot.of(learner("ring", "learner2D", csv2D, history(300, 0.0123)))
        .savePng(png2D, 1000, 600);
    LearnerPlot.of(learner("ring", "learnerND", csvND, history(300, 0.0123)))
        .savePng(pngND, 1000, 600);

    assertThat(Pngs.colouredPixels(Pngs.assertChart(pngND, 1000, 600)))
        .isGreaterThan(1000L * 600 / 4)
        .isCloseTo(Pngs.colouredPixels(Pngs.assertChart(png2D, 1000, 600)), within(2_000L));
  }

  @Test
  void chart_learnerND3D_isEmptyAndSaysWhereItsPointsAre() {
    Path csv = Runs.write(dir.resolve("learners/ball/data.csv"),
        "x,y,z,value\n0,0,0,1\n1,0,0,2\n0,1,0,3\n0,0,1,4\n");
    LearnerStatus ball = learner("ball", "learnerND", csv, history(4, 1.0));

    JFreeChart chart = LearnerPlot.of(ball).chart(DataSnapshot.read(csv));

    assertThat(chart.getXYPlot().getNoDataMessage()).isEqualTo("a learner of 3 dimensions:"
        + " only 2-D learners are plotted; its points are in data.csv");
    for (int i = 0; i < chart.getXYPlot().getDatasetCount(); i++) {
      assertThat(DatasetUtils.isEmptyOrNull(chart.getXYPlot().getDataset(i))).isTrue();
    }
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
