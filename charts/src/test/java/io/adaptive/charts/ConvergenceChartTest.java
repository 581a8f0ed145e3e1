/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static io.adaptive.charts.Runs.learner1D;
import static io.adaptive.charts.Runs.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.RunSnapshot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ConvergenceChartTest {

  @TempDir Path dir;

  // ---- of ----------------------------------------------------------------------------------

  @Test
  void of_null_throwsNpeNamingParameter() {
    assertThatThrownBy(() -> ConvergenceChart.of((RunSnapshot) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("snapshot");
    assertThatThrownBy(() -> ConvergenceChart.of((RunResult) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("result");
  }

  @Test
  void of_runResult_chartsItsLastSnapshot() {
    RunSnapshot last = snapshot(dir, Runs.sweep(dir, 3, 1));
    Path png = dir.resolve("convergence.png");

    ConvergenceChart.of(new RunResult(last)).savePng(png, 500, 300);

    Pngs.assertChart(png, 500, 300);
    assertThat(
            ConvergenceChart.of(new RunResult(last))
                .chart()
                .getXYPlot()
                .getDataset()
                .getSeriesCount())
        .isEqualTo(3);
  }

  @Test
  void of_fewLearners_labelsAxesAndTitlesWithExperiment() {
    JFreeChart chart = ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 4, 1))).chart();
    XYPlot plot = chart.getXYPlot();

    assertThat(chart.getTitle().getText()).isEqualTo("resonance: convergence");
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("points");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("loss");
    assertThat(plot.getDomainAxis()).isInstanceOf(NumberAxis.class);
    assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
  }

  @Test
  void of_twelveLearners_oneLineEachWithLegend() {
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 12, 1)));

    assertThat(chart.drawsBands()).isFalse();
    assertThat(chart.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(12);
    assertThat(chart.chart().getLegend()).isNotNull();
  }

  @Test
  void of_thirteenLearners_linesWithoutLegend() {
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 13, 1)));

    assertThat(chart.drawsBands()).isFalse();
    assertThat(chart.chart().getLegend()).isNull();
  }

  @Test
  void of_twentyOneLearners_drawsBands() {
    assertThat(ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 20, 1))).drawsBands()).isFalse();
    assertThat(ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 21, 1))).drawsBands()).isTrue();
  }

  @Test
  void of_bands_legendNamesTheFiveWorstLearners() {
    List<LearnerStatus> learners = new ArrayList<>(Runs.sweep(dir, 50, 3));
    learners.add(learner1D("stuck", dir.resolve("stuck.csv"), history(10, 5.0, 2000, 4.0)));

    JFreeChart chart = ConvergenceChart.of(snapshot(dir, learners)).chart();

    List<String> labels = new ArrayList<>();
    LegendItemCollection items = chart.getXYPlot().getLegendItems();
    for (int i = 0; i < items.getItemCount(); i++) {
      labels.add(items.get(i).getLabel());
    }
    assertThat(labels).hasSize(3 + ConvergenceChart.WORST);
    assertThat(labels.subList(0, 3)).containsExactly("median", "10–90 %", "min–max");
    assertThat(labels.get(3)).isEqualTo("stuck (4.00)");
  }

  // ---- logPoints, bandsAbove -----------------------------------------------------------------

  @Test
  void logPoints_makesPointsAxisLogarithmic_receiverUnchanged() {
    ConvergenceChart linear = ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 3, 1)));
    ConvergenceChart log = linear.logPoints();

    assertThat(log.chart().getXYPlot().getDomainAxis()).isInstanceOf(LogAxis.class);
    assertThat(linear.chart().getXYPlot().getDomainAxis()).isInstanceOf(NumberAxis.class);
  }

  @Test
  void bandsAbove_zero_drawsBandsForOneLearner() {
    assertThat(ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 1, 1))).bandsAbove(0).drawsBands())
        .isTrue();
  }

  @Test
  void bandsAbove_negative_isRefusedWithFix() {
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, List.of()));

    assertThatThrownBy(() -> chart.bandsAbove(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bandsAbove(-1) is negative; give 0 to always draw bands, or the most learners to draw"
                + " as lines");
  }

  // ---- savePng -----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} learners")
  @ValueSource(ints = {1, 4, 15, 500})
  void savePng_sweep_writesNonBlankPngOfRequestedSize(int learners) {
    Path png = dir.resolve("charts").resolve("convergence.png");

    ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, learners, learners))).savePng(png, 800, 500);

    BufferedImage image = Pngs.assertChart(png, 800, 500);
    assertThat(Pngs.colouredPixels(image)).as("pixels of lines and bands").isGreaterThan(1000);
  }

  @Test
  void savePng_fiveHundredLearnersLogPoints_writesBands() {
    Path png = dir.resolve("convergence.png");

    ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 500, 7))).logPoints().savePng(png, 1000, 600);

    BufferedImage image = Pngs.assertChart(png, 1000, 600);
    assertThat(Pngs.colouredPixels(image)).isGreaterThan(10_000);
  }

  @Test
  void savePng_learnersWithoutFiniteLoss_areSkipped() {
    List<LearnerStatus> learners = new ArrayList<>(Runs.sweep(dir, 3, 1));
    learners.add(learner1D("new", dir.resolve("new.csv"), List.of()));
    learners.add(
        learner1D(
            "infinite",
            dir.resolve("inf.csv"),
            history(0, Double.POSITIVE_INFINITY, 10, Double.POSITIVE_INFINITY)));
    learners.add(learner1D("nan", dir.resolve("nan.csv"), history(10, Double.NaN, 20, 0.0)));
    RunSnapshot snapshot = snapshot(dir, learners);
    Path png = dir.resolve("convergence.png");

    ConvergenceChart.of(snapshot).savePng(png, 600, 400);

    Pngs.assertChart(png, 600, 400);
    assertThat(ConvergenceChart.of(snapshot).chart().getXYPlot().getDataset().getSeriesCount())
        .isEqualTo(3);
  }

  @ParameterizedTest(name = "bandsAbove {0}")
  @ValueSource(ints = {0, 20})
  void savePng_noFiniteLossAnywhere_writesChartSayingSo(int bandsAbove) {
    List<LearnerStatus> learners =
        List.of(
            learner1D("a", dir.resolve("a.csv"), history(0, Double.POSITIVE_INFINITY)),
            learner1D("b", dir.resolve("b.csv"), List.of()));
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, learners)).bandsAbove(bandsAbove);
    Path png = dir.resolve("convergence.png");

    chart.savePng(png, 600, 400);

    Pngs.assertChart(png, 600, 400);
    assertThat(chart.chart().getXYPlot().getNoDataMessage())
        .isEqualTo("no learner has reported a finite loss yet");
  }

  @Test
  void savePng_repeatedLearnerName_bothDrawn() {
    List<LearnerStatus> learners = List.of(
        learner1D("twin", dir.resolve("a.csv"), history(10, 0.5, 20, 0.2)),
        learner1D("twin", dir.resolve("b.csv"), history(10, 0.4, 20, 0.1)));
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, learners));

    chart.savePng(dir.resolve("convergence.png"), 400, 300);

    assertThat(chart.chart().getXYPlot().getDataset().getSeriesKey(1)).isEqualTo("twin (2)");
  }

  @Test
  void savePng_noLearners_writesChart() {
    Path png = dir.resolve("convergence.png");

    ConvergenceChart.of(snapshot(dir, List.of())).savePng(png, 400, 300);

    Pngs.assertChart(png, 400, 300);
  }

  @Test
  void savePng_existingFile_isReplaced() throws IOException {
    Path png = dir.resolve("convergence.png");
    Files.writeString(png, "not a png");

    ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 3, 1))).savePng(png, 640, 480);

    Pngs.assertChart(png, 640, 480);
  }

  @Test
  void savePng_permissionsLikeAnyNewFile_notOwnerOnly() throws IOException {
    Assumptions.assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX file system");
    Path png = dir.resolve("convergence.png");
    Path plain = Files.createFile(dir.resolve("plain"));

    ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 2, 1))).savePng(png, 200, 100);

    assertThat(Files.getPosixFilePermissions(png)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  void savePng_zeroWidth_isRefused() {
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, List.of()));

    assertThatThrownBy(() -> chart.savePng(dir.resolve("c.png"), 0, 600))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a chart of 0 x 600 pixels has no area; give a positive width and height, e.g. 1000 x"
                + " 600");
  }

  @Test
  void savePng_parentIsAFile_throwsChartExceptionNamingFile() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    Path png = blocker.resolve("convergence.png");
    ConvergenceChart chart = ConvergenceChart.of(snapshot(dir, Runs.sweep(dir, 2, 1)));

    assertThatThrownBy(() -> chart.savePng(png, 100, 100))
        .isInstanceOfSatisfying(ChartException.class, e -> assertThat(e.file()).isEqualTo(png))
        .hasMessageStartingWith("cannot write chart '" + png + "': ")
        .hasMessageEndingWith(
            "; check that its directory is writable and its file system has space");
  }
}
