/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.learn.Learner2D;
import io.adaptive.runtime.learn.Learner2DLoss;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Align;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The heatmap of a {@code learner2D}'s data ({@link LearnerPlot} for that kind): the linear
 * interpolant on the Delaunay triangulation of the sampled points, that triangulation drawn in
 * thin white lines (up to {@value #TRIANGULATION_UP_TO} points; beyond, it would hide the colours),
 * the points on top as small dots, and a colour bar spanning the sampled values. One unit is as
 * long on both axes, so shapes are not distorted. Columns {@code x, y, z} (a vector learner's
 * {@code x, y, z0, z1, ...} shows {@code z0}).
 */
final class Learner2DHeatmap {

  /** Pixels of the interpolated image per side; the plot scales it to its data area. */
  static final int RESOLUTION = 400;

  /** Up to this many points the triangulation is drawn. */
  static final int TRIANGULATION_UP_TO = 2_000;

  /** Above this many points the dots shrink, so the colours stay visible where points crowd. */
  private static final int SMALL_DOTS_ABOVE = 1_000;

  private Learner2DHeatmap() {}

  static JFreeChart chart(String title, String subtitle, List<String> dataColumns,
      List<double[]> dataRows, String noData) {
    List<String> columns = dataColumns.size() >= 3 ? dataColumns : List.of("x", "y", "z");
    List<double[]> rows = new ArrayList<>();
    for (double[] row : dataRows) {
      if (row.length >= 3 && Double.isFinite(row[0]) && Double.isFinite(row[1])
          && Double.isFinite(row[2])) {
        rows.add(row);
      }
    }
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    double z0 = Double.POSITIVE_INFINITY;
    double z1 = Double.NEGATIVE_INFINITY;
    XYSeries points = new XYSeries("points", false, true);
    for (double[] row : rows) {
      x0 = Math.min(x0, row[0]);
      x1 = Math.max(x1, row[0]);
      y0 = Math.min(y0, row[1]);
      y1 = Math.max(y1, row[1]);
      z0 = Math.min(z0, row[2]);
      z1 = Math.max(z1, row[2]);
      points.add(row[0], row[1], false);
    }
    boolean area = !rows.isEmpty() && x1 > x0 && y1 > y0;
    if (!area) { // nothing to span: the plot's default frame
      x0 = 0;
      x1 = 1;
      y0 = 0;
      y1 = 1;
    }
    if (!(z1 > z0)) { // one value (or none): a colour bar of width 1 around it
      double mid = Double.isFinite(z0) ? z0 : 0;
      z0 = mid - 0.5;
      z1 = mid + 0.5;
    }
    Viridis scale = new Viridis(z0, z1);

    NumberAxis x = ChartStyle.valueAxis(columns.get(0));
    NumberAxis y = ChartStyle.valueAxis(columns.get(1));
    ChartStyle.niceTicks(x, x0, x1, 10, false);
    ChartStyle.niceTicks(y, y0, y1, 8, false);
    // exactly the sampled rectangle: the image fills the data area, so no margins
    x.setRange(x0, x1);
    y.setRange(y0, y1);

    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    double d = rows.size() > SMALL_DOTS_ABOVE ? 2.0 : 3.5;
    dots.setSeriesShape(0, new Ellipse2D.Double(-d / 2, -d / 2, d, d));
    dots.setSeriesPaint(0, new Color(0, 0, 0, rows.size() > SMALL_DOTS_ABOVE ? 110 : 170));
    dots.setSeriesOutlineStroke(0, new BasicStroke(0f));

    XYSeriesCollection dataset = new XYSeriesCollection();
    if (!rows.isEmpty()) {
      dataset.addSeries(points);
    }
    XYPlot plot = new EqualScalePlot(dataset, x, y, dots, (x1 - x0) / (y1 - y0));
    plot.setNoDataMessage(noData);

    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    ChartStyle.apply(chart, subtitle);
    if (area && rows.size() >= 3) {
      BufferedImage image = interpolated(rows, x0, x1, y0, y1, scale);
      if (image != null) {
        plot.setBackgroundImage(image);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1.0f);
      }
    }
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setBackgroundPaint(new Color(0xF4, 0xF4, 0xF4)); // where nothing is interpolated

    NumberAxis zAxis = ChartStyle.valueAxis(columns.get(2));
    ChartStyle.niceTicks(zAxis, z0, z1, 6, false);
    zAxis.setRange(z0, z1);
    zAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    zAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    zAxis.setLabelPaint(ChartStyle.TEXT);
    zAxis.setTickLabelPaint(ChartStyle.TEXT);
    PaintScaleLegend bar = new PaintScaleLegend(scale, zAxis);
    bar.setPosition(RectangleEdge.RIGHT);
    bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    bar.setStripWidth(16);
    bar.setSubdivisionCount(256);
    // the bottom margin is about the x axis's height, so the bar spans the data area, not beyond
    bar.setMargin(new RectangleInsets(0, 14, 38, 0));
    bar.setBackgroundPaint(Color.WHITE);
    bar.setStripOutlineVisible(false);
    chart.addSubtitle(bar);
    return chart;
  }

  /**
   * The interpolant as an image, row 0 at the top (largest y); null if no pixel could be
   * interpolated, as before the rectangle's four corners are sampled.
   */
  private static BufferedImage interpolated(List<double[]> rows, double x0, double x1, double y0,
      double y1, Viridis scale) {
    Learner2D learner = Learner2D.of(x0, x1, y0, y1, new Learner2DLoss.Uniform());
    List<double[]> ps = new ArrayList<>(rows.size());
    List<Double> zs = new ArrayList<>(rows.size());
    for (double[] row : rows) {
      ps.add(new double[] {row[0], row[1]});
      zs.add(row[2]);
    }
    learner.load(ps, zs);
    // The image has the data's aspect ratio, as the plot does, so lines stay as thin both ways.
    double aspect = (x1 - x0) / (y1 - y0);
    int w = aspect >= 1 ? RESOLUTION : Math.max(1, (int) Math.round(RESOLUTION * aspect));
    int h = aspect >= 1 ? Math.max(1, (int) Math.round(RESOLUTION / aspect)) : RESOLUTION;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    boolean any = false;
    for (int j = 0; j < h; j++) {
      double yy = y1 - (j + 0.5) / h * (y1 - y0);
      for (int i = 0; i < w; i++) {
        double xx = x0 + (i + 0.5) / w * (x1 - x0);
        double z = learner.interpolate(xx, yy);
        if (Double.isFinite(z)) {
          image.setRGB(i, j, scale.rgb(z));
          any = true;
        }
      }
    }
    if (!any) {
      return null;
    }
    if (rows.size() <= TRIANGULATION_UP_TO) {
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(255, 255, 255, 120));
      g.setStroke(new BasicStroke(0.6f));
      Path2D.Double edges = new Path2D.Double();
      double sx = w / (x1 - x0);
      double sy = h / (y1 - y0);
      learner.forEachTriangle(c -> {
        edges.moveTo((c[0] - x0) * sx, (y1 - c[1]) * sy);
        edges.lineTo((c[2] - x0) * sx, (y1 - c[3]) * sy);
        edges.lineTo((c[4] - x0) * sx, (y1 - c[5]) * sy);
        edges.closePath();
      });
      g.draw(edges);
      g.dispose();
    }
    return image;
  }

  /**
   * A plot whose data area has the data's aspect ratio: it draws into the largest such area that
   * fits, centred, so one unit is as long on both axes.
   */
  private static final class EqualScalePlot extends XYPlot {

    private final double aspect;

    EqualScalePlot(XYSeriesCollection dataset, NumberAxis x, NumberAxis y,
        XYLineAndShapeRenderer renderer, double aspect) {
      super(dataset, x, y, renderer);
      this.aspect = aspect;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
        PlotRenderingInfo info) {
      AxisSpace space = calculateAxisSpace(g2, area);
      Rectangle2D data = space.shrink(area, null);
      double width = data.getWidth();
      double height = data.getHeight();
      if (width > 0 && height > 0 && Double.isFinite(aspect) && aspect > 0) {
        if (width / height > aspect) {
          width = height * aspect;
        } else {
          height = width / aspect;
        }
        double dx = (data.getWidth() - width) / 2;
        double dy = (data.getHeight() - height) / 2;
        area = new Rectangle2D.Double(area.getX() + dx, area.getY() + dy,
            area.getWidth() - 2 * dx, area.getHeight() - 2 * dy);
      }
      super.draw(g2, area, anchor, parentState, info);
    }
  }

  /** The viridis colour map (matplotlib's default), linear between 9 of its 256 colours. */
  static final class Viridis implements PaintScale {

    private static final int[] STOPS = {
      0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725
    };

    private final double lower;
    private final double upper;

    Viridis(double lower, double upper) {
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    public double getLowerBound() {
      return lower;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      return new Color(rgb(value), true);
    }

    /** ARGB of {@code value}, clamped to the bounds; NaN is transparent. */
    int rgb(double value) {
      if (Double.isNaN(value)) {
        return 0;
      }
      double t = (value - lower) / (upper - lower);
      t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
      int k = Math.min((int) t, STOPS.length - 2);
      double f = t - k;
      int a = STOPS[k];
      int b = STOPS[k + 1];
      int r = mix(a >> 16, b >> 16, f);
      int g = mix(a >> 8, b >> 8, f);
      int bl = mix(a, b, f);
      return 0xFF000000 | r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
      return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
  }
}
