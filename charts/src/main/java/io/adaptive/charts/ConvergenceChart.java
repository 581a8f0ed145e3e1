/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.RunSnapshot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A chart of every learner's loss against its number of points, from the progress reports in a
 * {@link RunSnapshot}: how a sweep converges.
 *
 * <p>The loss axis is logarithmic; the points axis is linear unless {@link #logPoints()}. Reports
 * with an infinite, NaN, zero or negative loss are left out (a learner reports an infinite loss
 * before it has one), and a learner with no other report draws nothing.
 *
 * <p>Up to {@link #DEFAULT_BANDS_ABOVE} learners draw one line each, with a legend of their names
 * when there are at most {@link #LEGEND_MAX}. Above that the chart stays readable at any number of
 * learners by drawing their distribution instead: at each of about 200 point counts n, the median,
 * the 10–90 % band and the min–max band of the loss each learner had after at most n points (a
 * learner that stopped earlier keeps its final loss, one that has not reported by n is left out
 * there), plus the {@value #WORST} learners with the highest final loss as named lines.
 *
 * <p>Values are immutable: {@code logPoints()} and {@code bandsAbove(..)} return copies. The chart
 * is drawn when saved, headless (see {@link #savePng}).
 *
 * <pre>{@code
 * ConvergenceChart.of(snapshot).logPoints().savePng(Path.of("resonance.png"), 1000, 600);
 * }</pre>
 */
public final class ConvergenceChart {

  /** Default for {@link #bandsAbove}: more learners than this are drawn as quantile bands. */
  public static final int DEFAULT_BANDS_ABOVE = 20;

  /** With lines per learner, a legend of names is shown for at most this many learners. */
  public static final int LEGEND_MAX = 12;

  /** How many learners with the highest final loss are drawn as named lines over the bands. */
  public static final int WORST = 5;

  static final int GRID_SIZE = 200;

  private static final Color BAND = new Color(0x4E, 0x79, 0xA7, 0x40);
  private static final Color INNER_BAND = new Color(0x4E, 0x79, 0xA7, 0x70);
  private static final Color MEDIAN = new Color(0x1F, 0x3A, 0x5F);
  private static final Color[] WORST_PAINTS = {
    new Color(0xE15759),
    new Color(0xF28E2B),
    new Color(0xB07AA1),
    new Color(0x9C755F),
    new Color(0x59A14F),
  };

  private final RunSnapshot snapshot;
  private final boolean logPoints;
  private final int bandsAbove;

  private ConvergenceChart(RunSnapshot snapshot, boolean logPoints, int bandsAbove) {
    this.snapshot = snapshot;
    this.logPoints = logPoints;
    this.bandsAbove = bandsAbove;
  }

  /**
   * The convergence chart of a run as of {@code snapshot}: linear points axis, log loss axis, bands
   * above {@link #DEFAULT_BANDS_ABOVE} learners. Nothing is read or drawn yet.
   *
   * @param snapshot the run, typically as a {@link io.adaptive.runtime.RunListener} receives it
   * @return the chart, titled with the snapshot's experiment name
   * @throws NullPointerException if {@code snapshot} is null
   */
  public static ConvergenceChart of(RunSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return new ConvergenceChart(snapshot, false, DEFAULT_BANDS_ABOVE);
  }

  /**
   * The convergence chart of a finished run: {@link #of(RunSnapshot)} of its last snapshot.
   *
   * <pre>{@code
   * RunResult result = Runner.on(Local.processes(4)).run(plan);
   * ConvergenceChart.of(result).savePng(Path.of("resonance.png"), 1000, 600);
   * }</pre>
   *
   * @param result what {@link io.adaptive.runtime.Runner#run} returned
   * @return the chart, titled with the run's experiment name
   * @throws NullPointerException if {@code result} is null
   */
  public static ConvergenceChart of(RunResult result) {
    Objects.requireNonNull(result, "result");
    return of(result.last());
  }

  /**
   * Makes the points axis logarithmic too, which suits sweeps whose learners reach very different
   * point counts. Reports at 0 points are then left out as well.
   *
   * @return a copy with a log points axis; this chart is unchanged
   */
  public ConvergenceChart logPoints() {
    return new ConvergenceChart(snapshot, true, bandsAbove);
  }

  /**
   * Sets how many learners are drawn as one line each before the chart switches to quantile bands.
   * Only learners with at least one drawable report count. Default: {@link #DEFAULT_BANDS_ABOVE}
   * (20); {@code 0} always draws bands.
   *
   * @param learners the most learners drawn as individual lines
   * @return a copy with this threshold; this chart is unchanged
   * @throws IllegalArgumentException if {@code learners} is negative
   */
  public ConvergenceChart bandsAbove(int learners) {
    if (learners < 0) {
      throw new IllegalArgumentException(
          "bandsAbove("
              + learners
              + ") is negative; give 0 to always draw bands, or the most learners to draw as"
              + " lines");
    }
    return new ConvergenceChart(snapshot, logPoints, learners);
  }

  /**
   * Draws the chart and writes it as a PNG, atomically: to a temporary file in the same directory,
   * then renamed over {@code file}, so a reader never sees half a picture. Missing parent
   * directories are created. AWT is switched to headless mode first unless the program set {@code
   * java.awt.headless} itself.
   *
   * @param file where the PNG goes; replaced if it exists
   * @param width the image width in pixels, e.g. 1000
   * @param height the image height in pixels, e.g. 600
   * @throws IllegalArgumentException if {@code width} or {@code height} is not positive
   * @throws ChartException if the file cannot be written
   * @throws NullPointerException if {@code file} is null
   */
  public void savePng(Path file, int width, int height) {
    Objects.requireNonNull(file, "file");
    AtomicPng.checkSize(width, height);
    Headless.ensure();
    AtomicPng.write(chart(), file, width, height);
  }

  /** Whether the chart draws bands rather than one line per learner. */
  boolean drawsBands() {
    return curves().size() > bandsAbove;
  }

  private List<LossCurve> curves() {
    List<LossCurve> curves = new ArrayList<>();
    for (LearnerStatus learner : snapshot.learners()) {
      LossCurve curve = LossCurve.of(learner, logPoints);
      if (!curve.isEmpty()) {
        curves.add(curve);
      }
    }
    return curves;
  }

  JFreeChart chart() {
    List<LossCurve> curves = curves();
    double minLoss = Double.POSITIVE_INFINITY;
    double maxLoss = Double.NEGATIVE_INFINITY;
    long minPoints = Long.MAX_VALUE;
    long maxPoints = Long.MIN_VALUE;
    for (LossCurve curve : curves) {
      for (int i = 0; i < curve.size(); i++) {
        minLoss = Math.min(minLoss, curve.loss(i));
        maxLoss = Math.max(maxLoss, curve.loss(i));
      }
      minPoints = Math.min(minPoints, curve.firstPoints());
      maxPoints = Math.max(maxPoints, curve.lastPoints());
    }
    ValueAxis x;
    if (logPoints) {
      x = ChartStyle.logAxis("points", minPoints, maxPoints, true);
    } else {
      NumberAxis linear = ChartStyle.pointsAxis("points");
      ChartStyle.niceTicks(linear, minPoints, maxPoints, 10, true);
      x = linear;
    }
    ValueAxis y = ChartStyle.logAxis("loss", minLoss, maxLoss, false);
    XYPlot plot = new XYPlot(null, x, y, null);
    plot.setNoDataMessage("no learner has reported a finite loss yet");
    boolean legend;
    if (curves.size() > bandsAbove) {
      drawBands(plot, curves);
      legend = true;
    } else {
      drawLines(plot, curves);
      legend = !curves.isEmpty() && curves.size() <= LEGEND_MAX;
    }
    JFreeChart chart =
        new JFreeChart(
            snapshot.experiment() + ": convergence", JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
    ChartStyle.apply(chart, subtitle(curves.size()));
    if (legend) {
      LegendTitle title = chart.getLegend();
      title.setPosition(curves.size() > bandsAbove ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
    }
    return chart;
  }

  private static void drawLines(XYPlot plot, List<LossCurve> curves) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    Set<String> keys = new HashSet<>();
    for (int s = 0; s < curves.size(); s++) {
      LossCurve curve = curves.get(s);
      // plans name learners uniquely, but JFreeChart refuses a repeated key outright
      String key = curve.name();
      for (int copy = 2; !keys.add(key); copy++) {
        key = curve.name() + " (" + copy + ")";
      }
      dataset.addSeries(series(curve, key));
      renderer.setSeriesPaint(s, ChartStyle.paint(s));
      renderer.setSeriesStroke(s, ChartStyle.stroke(s, 1.8f));
      // a single report has no line to draw; show it as a dot instead of not at all
      renderer.setSeriesShapesVisible(s, curve.size() == 1);
    }
    plot.setDataset(dataset);
    plot.setRenderer(renderer);
  }

  private static void drawBands(XYPlot plot, List<LossCurve> curves) {
    LossBands bands = LossBands.of(curves, plot.getDomainAxis() instanceof LogAxis, GRID_SIZE);

    YIntervalSeries outer = new YIntervalSeries("min–max");
    YIntervalSeries inner = new YIntervalSeries("10–90 %");
    XYSeries median = new XYSeries("median", false, true);
    for (int g = 0; g < bands.size(); g++) {
      outer.add(bands.npoints[g], bands.median[g], bands.min[g], bands.max[g]);
      inner.add(bands.npoints[g], bands.median[g], bands.p10[g], bands.p90[g]);
      median.add(bands.npoints[g], bands.median[g]);
    }
    YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
    bandData.addSeries(outer);
    bandData.addSeries(inner);
    DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
    bandRenderer.setAlpha(1f); // the colours carry their own alpha
    bandRenderer.setSeriesFillPaint(0, BAND);
    bandRenderer.setSeriesFillPaint(1, INNER_BAND);
    bandRenderer.setSeriesPaint(0, BAND);
    bandRenderer.setSeriesPaint(1, INNER_BAND);

    XYLineAndShapeRenderer medianRenderer = new XYLineAndShapeRenderer(true, false);
    medianRenderer.setSeriesPaint(0, MEDIAN);
    medianRenderer.setSeriesStroke(
        0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));

    List<LossCurve> worst = new ArrayList<>(curves);
    worst.sort(Comparator.comparingDouble(LossCurve::finalLoss).reversed());
    worst = worst.subList(0, Math.min(WORST, worst.size()));
    XYSeriesCollection worstData = new XYSeriesCollection();
    XYLineAndShapeRenderer worstRenderer = new XYLineAndShapeRenderer(true, false);
    LegendItemCollection legend = new LegendItemCollection();
    Line2D lineShape = new Line2D.Double(-8, 0, 8, 0);
    Rectangle2D box = new Rectangle2D.Double(-8, -5, 16, 10);
    legend.add(
        new LegendItem(
            "median", null, null, null, lineShape, medianRenderer.getSeriesStroke(0), MEDIAN));
    legend.add(new LegendItem("10–90 %", null, null, null, box, INNER_BAND));
    legend.add(new LegendItem("min–max", null, null, null, box, BAND));
    for (int s = 0; s < worst.size(); s++) {
      LossCurve curve = worst.get(s);
      String label = worstLabel(curve);
      worstData.addSeries(series(curve, label));
      worstRenderer.setSeriesPaint(s, WORST_PAINTS[s]);
      BasicStroke stroke = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
      worstRenderer.setSeriesStroke(s, stroke);
      worstRenderer.setSeriesShapesVisible(s, curve.size() == 1);
      legend.add(new LegendItem(label, null, null, null, lineShape, stroke, WORST_PAINTS[s]));
    }

    plot.setDataset(0, bandData);
    plot.setRenderer(0, bandRenderer);
    plot.setDataset(1, new XYSeriesCollection(median));
    plot.setRenderer(1, medianRenderer);
    plot.setDataset(2, worstData);
    plot.setRenderer(2, worstRenderer);
    // bands at the bottom, the wide one under the narrow one; lines on top
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setFixedLegendItems(legend);
  }

  private static String worstLabel(LossCurve curve) {
    String label = String.format(Locale.ROOT, "%s (%.3g)", curve.name(), curve.finalLoss());
    return curve.state() == LearnerState.FAILED ? label + " failed" : label;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static XYSeries series(LossCurve curve, String key) {
    XYSeries series = new XYSeries(key, false, true);
    for (int i = 0; i < curve.size(); i++) {
      series.add(curve.npoints(i), curve.loss(i), false);
    }
    return series;
  }

  private String subtitle(int drawn) {
    int total = snapshot.learners().size();
    StringJoiner states = new StringJoiner(", ", ": ", "");
    for (LearnerState state : LearnerState.values()) {
      long n = snapshot.count(state);
      if (n > 0) {
        states.add(count(n) + " " + state.name().toLowerCase(Locale.ROOT));
      }
    }
    String text =
        count(total) + (total == 1 ? " learner" : " learners") + (total > 0 ? states : "");
    if (drawn < total) {
      text += "; " + count(total - drawn) + " without a finite loss yet";
    }
    if (drawn > bandsAbove) {
      text += "; bands: loss after at most n points, across learners";
    }
    return text;
  }
}
