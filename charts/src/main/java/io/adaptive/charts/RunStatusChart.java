/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.RunSnapshot;
import io.adaptive.runtime.store.JournalFile;
import io.adaptive.runtime.store.LearnerEvent;
import io.adaptive.runtime.store.RunDirectory;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * How many learners were pending, running, done, failed and cancelled over the course of a run, as
 * a stacked area chart replayed from the run's journal ({@code <run>/journal.tsv}, every change of
 * a learner's state or job, see {@link JournalFile}).
 *
 * <p>The time axis runs from the first event to a little past the last (2 % of the run, so that
 * the state after the last event shows), in seconds, minutes, hours or days since the first,
 * whichever fits; the learner axis from 0 to the number of learners, so the stack always fills it. Before its first event a learner is in that event's {@code from} state (pending in a
 * fresh run; after a restart, whatever the run store held), and a learner with no event at all is
 * pending throughout. The legend gives each state's count after the last event, so that a state too
 * rare to see as an area (3 failed learners among 10,000) is still read off the chart.
 *
 * <p>Readable at any size of run: the journal is replayed once and sampled at {@value #TIME_STEPS}
 * + 1 evenly spaced times from the first event to the last, so 100,000 events of 10,000 learners
 * draw as fast as 100. A state held only between two samples (a job that failed and was resubmitted within
 * a few seconds of a long run) may not show; the terminal states, which last, always do.
 *
 * <p>Values are immutable; a journal named by path is read each time the chart is saved, so one
 * {@code RunStatusChart} can be saved again as the run goes on.
 *
 * <pre>{@code
 * RunStatusChart.of(Path.of("runs/resonance/journal.tsv")).savePng(Path.of("status.png"), 1000, 600);
 * }</pre>
 */
public final class RunStatusChart {

  /** How many equal steps the journal is sampled in, from its first event to its last. */
  public static final int TIME_STEPS = 500;

  // Bottom to top: what has ended at the bottom, growing upwards; what waits at the top, shrinking.
  private static final LearnerState[] STACK = {
    LearnerState.DONE,
    LearnerState.FAILED,
    LearnerState.CANCELLED,
    LearnerState.RUNNING,
    LearnerState.QUEUED,
    LearnerState.PENDING,
  };

  private final List<LearnerEvent> events; // null: read from journal when saved
  private final Path journal; // null: events given
  private final int learners;
  private final String title;

  private RunStatusChart(List<LearnerEvent> events, Path journal, int learners, String title) {
    this.events = events;
    this.journal = journal;
    this.learners = learners;
    this.title = title;
  }

  /**
   * The status chart of a run whose journal holds {@code events}.
   *
   * @param events the journal's events, e.g. from {@link JournalFile#read}; any order, equal times
   *     kept in list order
   * @param learners how many learners the run has; those without an event count as pending
   *     throughout. If the events name more learners, the chart counts those.
   * @return the chart, titled "learner states"
   * @throws IllegalArgumentException if {@code learners} is negative
   * @throws NullPointerException if {@code events} or one of them is null
   */
  public static RunStatusChart of(List<LearnerEvent> events, int learners) {
    if (learners < 0) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "a run of %d learners cannot be charted; give the number of learners in the plan,"
                  + " or 0 to count those the events name",
              learners));
    }
    return new RunStatusChart(List.copyOf(events), null, learners, "learner states");
  }

  /**
   * The status chart of the run whose journal is {@code journal}, counting the learners it names.
   * Nothing is read yet: the file is read each time the chart is saved. Learners that have no event
   * yet are not counted; {@link #of(RunSnapshot)} knows them.
   *
   * @param journal a run's {@code journal.tsv}, e.g. {@code runs/resonance/journal.tsv}
   * @return the chart, titled "learner states"
   * @throws NullPointerException if {@code journal} is null
   */
  public static RunStatusChart of(Path journal) {
    Objects.requireNonNull(journal, "journal");
    return new RunStatusChart(null, journal, 0, "learner states");
  }

  /**
   * The status chart of the run {@code snapshot} belongs to: its journal, {@code
   * <store>/journal.tsv}, with every learner of the snapshot counted. Nothing is read yet: the
   * journal is read each time the chart is saved.
   *
   * @param snapshot the run, typically as a {@link io.adaptive.runtime.RunListener} receives it
   * @return the chart, titled with the snapshot's experiment name
   * @throws NullPointerException if {@code snapshot} is null
   */
  public static RunStatusChart of(RunSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return new RunStatusChart(
        null,
        new RunDirectory(snapshot.store()).journal(),
        snapshot.learners().size(),
        snapshot.experiment() + ": learner states");
  }

  /**
   * Reads the journal if the chart was made from a path, draws the chart and writes it as a PNG,
   * atomically: to a temporary file in the same directory, then renamed over {@code file}, so a
   * reader never sees half a picture. Missing parent directories are created. A journal that does
   * not exist or has no event yet draws an empty chart saying so. AWT is switched to headless mode
   * first unless the program set {@code java.awt.headless} itself.
   *
   * @param file where the PNG goes; replaced if it exists
   * @param width the image width in pixels, e.g. 1000
   * @param height the image height in pixels, e.g. 600
   * @throws IllegalArgumentException if {@code width} or {@code height} is not positive
   * @throws ChartException if the journal cannot be read or is malformed ({@link
   *     ChartException#file()} is the journal), or the PNG cannot be written (it is the PNG)
   * @throws NullPointerException if {@code file} is null
   */
  public void savePng(Path file, int width, int height) {
    Objects.requireNonNull(file, "file");
    AtomicPng.checkSize(width, height);
    Headless.ensure();
    AtomicPng.write(chart(), file, width, height);
  }

  StatusReplay replay() {
    return StatusReplay.of(events != null ? events : read(), learners);
  }

  private List<LearnerEvent> read() {
    try {
      return JournalFile.read(journal);
    } catch (IOException | RuntimeException e) {
      throw new ChartException(
          "cannot chart the learner states: the run's journal '"
              + journal
              + "' is unreadable: "
              + (e.getMessage() != null ? e.getMessage() : e.toString())
              + "; the run manager only appends to it, so a malformed line means it was edited or"
              + " damaged",
          journal,
          e);
    }
  }

  JFreeChart chart() {
    StatusReplay replay = replay();
    TimeScale unit = replay.isEmpty() ? TimeScale.SECONDS : TimeScale.fitting(span(replay));

    DefaultTableXYDataset dataset = new DefaultTableXYDataset();
    XYSeries[] series = new XYSeries[STACK.length];
    for (int s = 0; s < STACK.length; s++) {
      series[s] = new XYSeries(label(STACK[s]), false, false);
    }
    if (!replay.isEmpty()) {
      double[] times = sampleTimes(replay);
      int[][] counts = replay.sample(times);
      for (int i = 0; i < times.length; i++) {
        double x = (times[i] - replay.start()) / unit.millis;
        for (int s = 0; s < STACK.length; s++) {
          series[s].add(x, counts[i][STACK[s].ordinal()], false);
        }
      }
    }
    for (XYSeries s : series) {
      dataset.addSeries(s);
    }

    NumberAxis x = ChartStyle.valueAxis("time since start (" + unit.symbol + ")");
    double xMax = replay.isEmpty() ? 1 : (span(replay) + tail(replay)) / unit.millis;
    x.setRange(0, xMax);
    ChartStyle.niceTicks(x, 0, xMax, 10, false);
    NumberAxis y = ChartStyle.pointsAxis("learners");
    int top = Math.max(1, replay.total());
    y.setRange(0, top);
    ChartStyle.niceTicks(y, 0, top, 8, true);

    StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
    renderer.setRoundXCoordinates(true);
    LegendItemCollection legend = new LegendItemCollection();
    int[] end = replay.finalCounts();
    Rectangle2D box = new Rectangle2D.Double(-6, -6, 12, 12);
    for (int s = 0; s < STACK.length; s++) {
      renderer.setSeriesPaint(s, colour(STACK[s]));
    }
    // top of the stack first, as the areas lie
    for (int s = STACK.length - 1; s >= 0; s--) {
      LearnerState state = STACK[s];
      legend.add(
          new LegendItem(
              String.format(Locale.ROOT, "%s  %,d", label(state), end[state.ordinal()]),
              null,
              null,
              null,
              box,
              colour(state)));
    }
    XYPlot plot = new XYPlot(replay.isEmpty() ? null : dataset, x, y, renderer);
    plot.setFixedLegendItems(legend);
    plot.setNoDataMessage(
        events == null
            ? "no learner has changed state yet: " + journal.getFileName() + " has no events"
            : "no learner has changed state yet");
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartStyle.apply(chart, subtitle(replay));
    plot.setDomainGridlinesVisible(false); // vertical lines would only cut the areas
    plot.setRangeGridlinePaint(new Color(255, 255, 255, 110));
    chart.getLegend().setPosition(RectangleEdge.RIGHT);
    return chart;
  }

  private static long span(StatusReplay replay) {
    return replay.end() - replay.start();
  }

  // Without a tail, a change at the last event would be a sliver at the right edge, at odds with
  // the legend's counts; with every event at one instant, the tail is all there is to see.
  private static double tail(StatusReplay replay) {
    long span = span(replay);
    return span == 0 ? TimeScale.SECONDS.millis : span / 50.0;
  }

  // The first and last event are always sampled, so that the chart starts where the journal does
  // and its end shows the final counts.
  private static double[] sampleTimes(StatusReplay replay) {
    long span = span(replay);
    int steps = span == 0 ? 0 : TIME_STEPS;
    double[] times = new double[steps + 2];
    for (int i = 0; i <= steps; i++) {
      times[i] = replay.start() + (double) span * i / Math.max(1, steps);
    }
    times[steps] = replay.end();
    times[steps + 1] = replay.end() + tail(replay);
    return times;
  }

  private String subtitle(StatusReplay replay) {
    int total = replay.total();
    String text =
        String.format(Locale.ROOT, "%,d %s", total, total == 1 ? "learner" : "learners");
    if (replay.isEmpty()) {
      return text;
    }
    return text
        + String.format(
            Locale.ROOT,
            ", %,d %s from %s over %s; legend: counts at the end",
            replay.events(),
            replay.events() == 1 ? "event" : "events",
            START.format(Instant.ofEpochMilli(replay.start())),
            duration(span(replay)));
  }

  private static final DateTimeFormatter START =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static String duration(long millis) {
    long seconds = millis / 1000;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
    return String.format(Locale.ROOT, "%d d %02d h", seconds / 86_400, seconds % 86_400 / 3600);
  }

  private static String label(LearnerState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static Color colour(LearnerState state) {
    return switch (state) {
      case PENDING -> new Color(0xD9D4D0); // a pale grey: waiting is background
      case QUEUED -> new Color(0xA0CBE8); // a light blue: about to run
      case RUNNING -> new Color(0x4E79A7);
      case DONE -> new Color(0x59A14F);
      case FAILED -> new Color(0xE15759);
      case CANCELLED -> new Color(0xF28E2B);
    };
  }

  /** The unit of the time axis: the largest in which the run lasts at least two. */
  private enum TimeScale {
    SECONDS("s", 1_000),
    MINUTES("min", 60_000),
    HOURS("h", 3_600_000),
    DAYS("d", 86_400_000);

    final String symbol;
    final double millis;

    TimeScale(String symbol, double millis) {
      this.symbol = symbol;
      this.millis = millis;
    }

    static TimeScale fitting(long spanMillis) {
      TimeScale fit = SECONDS;
      for (TimeScale unit : values()) {
        if (spanMillis >= 2 * unit.millis) {
          fit = unit;
        }
      }
      return fit;
    }
  }
}
