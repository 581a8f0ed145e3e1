/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static io.adaptive.charts.Runs.learner;
import static io.adaptive.charts.Runs.learner1D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.store.DataSnapshot;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LearnerPlotTest {

  @TempDir Path dir;

  private LearnerStatus learnerWithData(int points) {
    Path csv =
        Runs.writeData(dir.resolve("learners/peak/data.csv"), points, Runs.resonance(0.1), 42);
    return learner1D(
        "resonance[damping=0.1]", csv, history(0, Double.POSITIVE_INFINITY, points, 0.0123));
  }

  // ---- canPlot, of -------------------------------------------------------------------------

  @Test
  void canPlot_learner1DLearner2DAndLearnerND_only() {
    assertThat(LearnerPlot.canPlot("learner1D")).isTrue();
    assertThat(LearnerPlot.canPlot("learner2D")).isTrue();
    assertThat(LearnerPlot.canPlot("learnerND")).isTrue();
    assertThat(LearnerPlot.canPlot("average")).isFalse();
  }

  @Test
  void of_unplottableKind_isRefusedListingKinds() {
    LearnerStatus learner =
        learner("surface[a=1]", "average", dir.resolve("data.csv"), List.of());

    assertThatThrownBy(() -> LearnerPlot.of(learner))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot plot learner 'surface[a=1]': kind 'average' has no plot yet; available:"
                + " [learner1D, learner2D, learnerND]; check LearnerPlot.canPlot(kind) first");
  }

  @Test
  void of_null_throwsNpeNamingLearner() {
    assertThatThrownBy(() -> LearnerPlot.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("learner");
  }

  // ---- chart -------------------------------------------------------------------------------

  @Test
  void chart_unsortedPoints_drawnInOrderOfX_axesNamedAfterColumns() {
    LearnerStatus learner = learnerWithData(50);

    JFreeChart chart = LearnerPlot.of(learner).chart(DataSnapshot.read(learner.data()));

    XYPlot plot = chart.getXYPlot();
    XYDataset dataset = plot.getDataset();
    assertThat(chart.getTitle().getText()).isEqualTo("resonance[damping=0.1]");
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("x");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("y");
    assertThat(dataset.getSeriesCount()).isEqualTo(1);
    assertThat(dataset.getItemCount(0)).isEqualTo(50);
    for (int i = 1; i < 50; i++) {
      assertThat(dataset.getXValue(0, i)).isGreaterThanOrEqualTo(dataset.getXValue(0, i - 1));
    }
    assertThat(((XYLineAndShapeRenderer) plot.getRenderer()).getDefaultShapesVisible()).isTrue();
    assertThat(chart.getLegend()).isNull();
  }

  @Test
  void chart_vectorOutput_oneLinePerOutputWithLegend() {
    Path csv =
        Runs.write(dir.resolve("data.csv"), "x,y0,y1\n0.5,1.0,2.0\n0.0,0.0,1.0\n1.0,NaN,3.0\n");
    LearnerStatus learner = learner1D("v", csv, List.of());

    JFreeChart chart = LearnerPlot.of(learner).chart(DataSnapshot.read(csv));

    XYDataset dataset = chart.getXYPlot().getDataset();
    assertThat(dataset.getSeriesCount()).isEqualTo(2);
    assertThat(dataset.getItemCount(0)).as("NaN left out").isEqualTo(2);
    assertThat(dataset.getItemCount(1)).isEqualTo(3);
    assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("y0, y1");
    assertThat(chart.getLegend()).isNotNull();
  }

  // ---- savePng -----------------------------------------------------------------------------

  @Test
  void savePng_learner1D_writesNonBlankPngOfRequestedSize() {
    Path png = dir.resolve("charts/resonance[damping=0.1].png");

    LearnerPlot.of(learnerWithData(200)).savePng(png, 900, 500);

    BufferedImage image = Pngs.assertChart(png, 900, 500);
    assertThat(Pngs.colouredPixels(image)).as("pixels of the line").isGreaterThan(500);
  }

  @Test
  void savePng_manyPoints_drawsLineWithoutMarkers() {
    LearnerStatus learner = learnerWithData(LearnerPlot.MARKERS_UP_TO + 1);
    Path png = dir.resolve("charts/big.png");

    LearnerPlot.of(learner).savePng(png, 500, 300);

    Pngs.assertChart(png, 500, 300);
    XYPlot plot = LearnerPlot.of(learner).chart(DataSnapshot.read(learner.data())).getXYPlot();
    assertThat(((XYLineAndShapeRenderer) plot.getRenderer()).getDefaultShapesVisible()).isFalse();
  }

  @Test
  void savePng_noSnapshotYet_writesPlotSayingSo() {
    LearnerStatus learner = learner1D("new", dir.resolve("learners/new/data.csv"), List.of());
    Path png = dir.resolve("charts/new.png");

    LearnerPlot.of(learner).savePng(png, 400, 300);

    Pngs.assertChart(png, 400, 300);
    assertThat(
            LearnerPlot.of(learner)
                .chart(DataSnapshot.read(learner.data()))
                .getXYPlot()
                .getNoDataMessage())
        .isEqualTo("no points yet: the worker has not published data.csv");
  }

  @Test
  void savePng_brokenSnapshot_throwsChartExceptionNamingSnapshot() {
    Path csv = Runs.write(dir.resolve("data.csv"), "x,y\n0.5,1.0\n0.7,oops\n");
    LearnerStatus learner = learner1D("broken", csv, List.of());
    Path png = dir.resolve("charts/broken.png");

    assertThatThrownBy(() -> LearnerPlot.of(learner).savePng(png, 400, 300))
        .isInstanceOfSatisfying(ChartException.class, e -> assertThat(e.file()).isEqualTo(csv))
        .hasMessage(
            "cannot plot learner 'broken': its data snapshot '"
                + csv
                + "' is unreadable: line 3 of '"
                + csv
                + "' has 'oops' in column 2, which is not a number;"
                + " it is rewritten at the worker's next save, so plot again then");
    assertThat(png).doesNotExist();
  }
}
