/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.store.DataSnapshot;
import java.awt.geom.Ellipse2D;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A plot of the points one learner has sampled so far, read from the data snapshot its worker
 * publishes ({@link LearnerStatus#data()}).
 *
 * <p>For a {@code learner1D} the points are drawn sorted by x as a line with small markers (markers
 * are left out above {@value #MARKERS_UP_TO} points, where they would merge into a thick line), the
 * axes are labelled with the snapshot's column names ({@code x}, {@code y}) and the title is the
 * learner's name. A vector-valued learner (columns {@code x, y0, y1, ...}) gets one line per output
 * and a legend. Points with a non-finite coordinate are left out. A {@code learner2D} (columns
 * {@code x, y, z}) is drawn as a heatmap: the linear interpolant on the Delaunay triangulation of
 * its points, the points as small dots on top, and a colour bar over the range of z. Other learner
 * kinds cannot be plotted yet: check {@link #canPlot(String)}.
 *
 * <pre>{@code
 * for (LearnerStatus learner : snapshot.learners()) {
 *   if (LearnerPlot.canPlot(learner.kind())) {
 *     LearnerPlot.of(learner).savePng(dir.resolve(learner.name() + ".png"), 1000, 600);
 *   }
 * }
 * }</pre>
 */
public final class LearnerPlot {

  /** Above this many points the line is drawn without markers. */
  public static final int MARKERS_UP_TO = 2_000;

  private static final List<String> KINDS = List.of("learner1D", "learner2D", "learnerND");

  private final LearnerStatus learner;

  private LearnerPlot(LearnerStatus learner) {
    this.learner = learner;
  }

  /**
   * Whether a learner of this kind can be plotted: {@code learner1D} (a curve per output),
   * {@code learner2D} and {@code learnerND} (a heatmap; for a learnerND of three or more
   * dimensions an empty plot that says so).
   *
   * @param kind a learner type as in {@link LearnerStatus#kind()}
   * @return true if {@link #of} accepts learners of this kind
   * @throws NullPointerException if {@code kind} is null
   */
  public static boolean canPlot(String kind) {
    Objects.requireNonNull(kind, "kind");
    return KINDS.contains(kind);
  }

  /**
   * The plot of {@code learner}'s sampled points. Nothing is read yet: the data snapshot is read
   * each time the plot is saved, so one {@code LearnerPlot} can be saved again as the learner
   * progresses.
   *
   * @param learner a learner whose kind {@link #canPlot} plot
   * @return the plot, titled with the learner's name
   * @throws IllegalArgumentException if the learner's kind cannot be plotted
   * @throws NullPointerException if {@code learner} is null
   */
  public static LearnerPlot of(LearnerStatus learner) {
    Objects.requireNonNull(learner, "learner");
    if (!canPlot(learner.kind())) {
      throw new IllegalArgumentException(
          "cannot plot learner '"
              + learner.name()
              + "': kind '"
              + learner.kind()
              + "' has no plot yet; available: "
              + KINDS
              + "; check LearnerPlot.canPlot(kind) first");
    }
    return new LearnerPlot(learner);
  }

  /**
   * Reads the learner's data snapshot, draws the plot and writes it as a PNG, atomically: to a
   * temporary file in the same directory, then renamed over {@code file}. Missing parent
   * directories are created. If the snapshot does not exist yet, the plot is written empty with a
   * note saying so. AWT is switched to headless mode first unless the program set {@code
   * java.awt.headless} itself.
   *
   * @param file where the PNG goes; replaced if it exists
   * @param width the image width in pixels, e.g. 1000
   * @param height the image height in pixels, e.g. 600
   * @throws IllegalArgumentException if {@code width} or {@code height} is not positive
   * @throws ChartException if the data snapshot exists but cannot be read or parsed ({@link
   *     ChartException#file()} is the snapshot), or the PNG cannot be written (it is the PNG)
   * @throws NullPointerException if {@code file} is null
   */
  public void savePng(Path file, int width, int height) {
    Objects.requireNonNull(file, "file");
    AtomicPng.checkSize(width, height);
    Headless.ensure();
    AtomicPng.write(chart(read()), file, width, height);
  }

  private DataSnapshot read() {
    Path data = learner.data();
    try {
      return DataSnapshot.read(data);
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // DataSnapshot names the file and line of a bad row; for an I/O failure the cause says more
      String why = e instanceof UncheckedIOException ? e.getCause().toString() : e.getMessage();
      throw new ChartException(
          "cannot plot learner '"
              + learner.name()
              + "': its data snapshot '"
              + data
              + "' is unreadable: "
              + why
              + "; it is rewritten at the worker's next save, so plot again then",
          data,
          e);
    }
  }

  JFreeChart chart(DataSnapshot data) {
    if (learner.kind().equals("learner2D") || learner.kind().equals("learnerND")) {
      // columns x, y, value; a learnerND of d dimensions has d + 1
      boolean flat = data.columns().size() <= 3;
      return Learner2DHeatmap.chart(learner.name(), subtitle(data.rows().size()),
          flat ? data.columns() : List.of(), flat ? data.rows() : List.of(),
          !flat ? "a learner of " + (data.columns().size() - 1) + " dimensions: only 2-D"
              + " learners are plotted; its points are in " + learner.data().getFileName()
              : data.columns().isEmpty()
                  ? "no points yet: the worker has not published " + learner.data().getFileName()
                  : "no points with finite values yet");
    }
    List<String> columns = data.columns().isEmpty() ? List.of("x", "y") : data.columns();
    List<double[]> rows = new ArrayList<>(data.rows());
    rows.sort(Comparator.comparingDouble(row -> row[0]));

    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    double diameter = 4.5;
    Ellipse2D marker = new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    int drawn = 0;
    for (int column = 1; column < columns.size(); column++) {
      XYSeries series = new XYSeries(columns.get(column), false, true);
      for (double[] row : rows) {
        if (row.length > column && Double.isFinite(row[0]) && Double.isFinite(row[column])) {
          series.add(row[0], row[column], false);
        }
      }
      drawn = Math.max(drawn, series.getItemCount());
      int s = column - 1;
      dataset.addSeries(series);
      renderer.setSeriesPaint(s, ChartStyle.paint(s));
      renderer.setSeriesStroke(s, ChartStyle.stroke(s, 1.5f));
      renderer.setSeriesShape(s, marker);
    }
    renderer.setDefaultShapesVisible(drawn <= MARKERS_UP_TO);

    String yLabel = String.join(", ", columns.subList(1, columns.size()));
    NumberAxis x = ChartStyle.valueAxis(columns.get(0));
    NumberAxis y = ChartStyle.valueAxis(yLabel);
    if (drawn > 0) {
      ChartStyle.niceTicks(
          x,
          DatasetUtils.findMinimumDomainValue(dataset).doubleValue(),
          DatasetUtils.findMaximumDomainValue(dataset).doubleValue(),
          10,
          false);
      ChartStyle.niceTicks(
          y,
          DatasetUtils.findMinimumRangeValue(dataset).doubleValue(),
          DatasetUtils.findMaximumRangeValue(dataset).doubleValue(),
          8,
          false);
    } else {
      // an empty plot's default axes run from 0 to 1 in steps of 0.05
      ChartStyle.niceTicks(x, 0, 1, 5, false);
      ChartStyle.niceTicks(y, 0, 1, 5, false);
    }
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    plot.setNoDataMessage(
        !data.columns().isEmpty()
            ? (rows.isEmpty() ? "no points yet" : "no points with finite values yet")
            : "no points yet: the worker has not published " + learner.data().getFileName());
    boolean legend = columns.size() > 2;
    JFreeChart chart = new JFreeChart(learner.name(), JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
    ChartStyle.apply(chart, subtitle(rows.size()));
    if (legend) {
      LegendTitle title = chart.getLegend();
      title.setPosition(RectangleEdge.BOTTOM);
    }
    return chart;
  }

  private String subtitle(int points) {
    String loss =
        Double.isFinite(learner.loss())
            ? String.format(Locale.ROOT, "loss %.3g", learner.loss())
            : "no loss yet";
    return String.format(
        Locale.ROOT,
        "%s, %d %s, %s",
        learner.state().name().toLowerCase(Locale.ROOT),
        points,
        points == 1 ? "point" : "points",
        loss);
  }
}
