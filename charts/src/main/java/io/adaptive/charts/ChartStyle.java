/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** The look every chart shares: white plot, light grid, a palette that stays visible on white. */
final class ChartStyle {

  private ChartStyle() {}

  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  static final Color TEXT = new Color(0x33, 0x33, 0x33);

  // Tableau 10: distinct for the colour-blind and readable on white, unlike JFreeChart's default
  // palette, whose pale yellow and light grey vanish there.
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
    new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
    new Color(0x9C755F), new Color(0xBAB0AC),
  };

  static Paint paint(int series) {
    return PALETTE[series % PALETTE.length];
  }

  /** Solid for the first round of colours, dashed for the second, dotted after that. */
  static Stroke stroke(int series, float width) {
    int round = series / PALETTE.length;
    if (round == 0) {
      return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    float[] dash = round == 1 ? new float[] {6f, 4f} : new float[] {2f, 3f};
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  static NumberAxis pointsAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  /**
   * A log axis with labels at whole powers of ten only (10^-0.8 helps nobody), over {@code [min,
   * max]} widened to 1, 2 or 5 times a power of ten, and further to a whole decade where needed so
   * that at least one power of ten, and so one label, lies inside. If {@code plainNumbers}, labels
   * read 10, 100, 1,000 instead of powers; for counts.
   */
  static LogAxis logAxis(String label, double min, double max, boolean plainNumbers) {
    LogAxis axis = new LogAxis(label);
    DecimalFormat exponent = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    TickUnits decades = new TickUnits();
    for (int step : new int[] {1, 2, 3, 5, 10, 20, 50, 100}) {
      decades.add(new NumberTickUnit(step, exponent));
    }
    axis.setStandardTickUnits(decades);
    if (plainNumbers) {
      axis.setNumberFormatOverride(
          new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }
    if (min > 0 && max >= min && Double.isFinite(max)) {
      double lo = niceBelow(min);
      double hi = niceAbove(max);
      double decadeBelow = Math.pow(10, Math.floor(Math.log10(lo) + 1e-9));
      double decadeAbove = Math.pow(10, Math.ceil(Math.log10(hi) - 1e-9));
      if (decadeAbove <= decadeBelow) {
        decadeAbove = decadeBelow * 10;
      }
      boolean powerInside = Math.ceil(Math.log10(lo) - 1e-9) <= Math.floor(Math.log10(hi) + 1e-9);
      if (!powerInside) {
        // widen towards the nearer power of ten, in log distance
        if (Math.log10(lo / decadeBelow) <= Math.log10(decadeAbove / hi)) {
          lo = decadeBelow;
        } else {
          hi = decadeAbove;
        }
      }
      if (hi <= lo) {
        hi = lo * 2;
      }
      axis.setRange(lo, hi);
    }
    return axis;
  }

  /** The largest 1, 2 or 5 times a power of ten at or below {@code v > 0}. */
  static double niceBelow(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {10, 5, 2, 1}) {
      if (m * decade <= v * (1 + 1e-12)) {
        return m * decade;
      }
    }
    return decade / 2;
  }

  /** The smallest 1, 2 or 5 times a power of ten at or above {@code v > 0}. */
  static double niceAbove(double v) {
    double decade = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * decade >= v * (1 - 1e-12)) {
        return m * decade;
      }
    }
    return decade * 20;
  }

  /**
   * Roughly {@code target} ticks at 1, 2, 2.5 or 5 times a power of ten; JFreeChart's own choice
   * crowds them.
   */
  static void niceTicks(NumberAxis axis, double min, double max, int target, boolean integers) {
    if (!(max > min) || !Double.isFinite(max - min)) {
      return; // no data or one value: the axis chooses
    }
    double raw = (max - min) / target;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double size = magnitude * 10;
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude >= raw) {
        size = factor * magnitude;
        break;
      }
    }
    if (integers) {
      size = Math.max(1, Math.round(size));
    }
    int decimals =
        Math.max(0, (int) -Math.floor(Math.log10(size) + 1e-9) + (size / magnitude == 2.5 ? 1 : 0));
    DecimalFormat format =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    axis.setTickUnit(new NumberTickUnit(size, format), false, true);
  }

  static NumberAxis valueAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  static void apply(JFreeChart chart, String subtitle) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.getTitle().setPaint(TEXT);
    if (!subtitle.isEmpty()) {
      TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      sub.setPaint(TEXT);
      chart.addSubtitle(0, sub);
    }
    // room for the last tick label of the points axis, which is centred on the plot's right edge
    chart.setPadding(new RectangleInsets(4, 8, 4, 24));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlinesVisible(true);
    plot.setRangeGridlinesVisible(true);
    plot.setOutlinePaint(GRID);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.ITALIC, 14));
    plot.setNoDataMessagePaint(TEXT);
    for (int i = 0; i < plot.getDomainAxisCount(); i++) {
      style(plot.getDomainAxis(i));
    }
    for (int i = 0; i < plot.getRangeAxisCount(); i++) {
      style(plot.getRangeAxis(i));
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    }
  }

  private static void style(ValueAxis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    axis.setTickLabelPaint(TEXT);
  }
}
