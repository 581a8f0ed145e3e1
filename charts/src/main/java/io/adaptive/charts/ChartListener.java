/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunListener;
import io.adaptive.runtime.RunSnapshot;
import io.adaptive.runtime.store.RunDirectory;
import java.awt.AWTError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a run's charts current while it runs: after every progress interval and at the end it
 * writes {@code convergence.png} (a {@link ConvergenceChart}), {@code status.png} (a {@link
 * RunStatusChart} of the run's journal, once it has one) and one {@code <learner name>.png} (a
 * {@link LearnerPlot}) per learner that can be plotted, into one directory.
 *
 * <p>Built for sweeps of 10,000 learners. A learner's plot is drawn again only when its data
 * snapshot changed since this listener last drew it (its size, modification time or file identity
 * differ), so a pass costs one file-attribute read per learner plus the plots of the learners that
 * moved; the convergence chart is skipped when no learner's status changed, and the status chart
 * when the journal ({@code <store>/journal.tsv}) has not grown. Drawing happens on one
 * background thread ({@code adaptive-charts}, a daemon that ends when idle), so the run manager is
 * never held up: {@link #onProgress} only hands over the snapshot, and if several arrive during a
 * long pass only the newest is drawn next (while a pass is long, the convergence chart is still
 * refreshed from the newest snapshot every few seconds, and so is the status chart). {@link #onFinish} waits until the final
 * snapshot is drawn, so the charts are complete when the run returns. Every PNG is replaced
 * atomically, so a browser or the CLI can read them at any time.
 *
 * <p>Charts never stop a run: a failure to read a learner's snapshot or to draw or write a chart is
 * logged (SLF4J logger {@code io.adaptive.charts.ChartListener}, level WARN, at most a few per
 * pass) and the listener goes on; a learner whose plot failed is tried again when its snapshot
 * changes. A learner without a snapshot yet, or of a kind {@link LearnerPlot#canPlot} refuses, gets
 * no plot.
 *
 * <p>File names: a learner's plot is named after the learner, with characters that are unsafe in a
 * file name replaced by {@code _} and, when anything was replaced, a short hash of the full name
 * appended so that two learners never share a file.
 *
 * <p>A listener remembers what it drew: register one instance per run. Copy-modifiers return a new
 * listener that has drawn nothing yet.
 *
 * <pre>{@code
 * Runner.on(Local.processes(4)).listener(ChartListener.intoChartsDirectory()).run(plan);
 * }</pre>
 */
public final class ChartListener implements RunListener {

  /** Default image width in pixels. */
  public static final int DEFAULT_WIDTH = 1000;

  /** Default image height in pixels. */
  public static final int DEFAULT_HEIGHT = 600;

  /** The convergence chart's file name inside the directory. */
  public static final String CONVERGENCE_FILE = "convergence.png";

  /** The status chart's file name inside the directory. */
  public static final String STATUS_FILE = "status.png";

  private static final Logger LOG = LoggerFactory.getLogger(ChartListener.class);

  // An unwritable directory fails every learner: 10,000 warnings per pass would bury the log.
  private static final int WARNINGS_PER_PASS = 5;

  // In a pass that plots thousands of learners, the convergence chart is not left minutes behind.
  private static final long CONVERGENCE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Path directory; // null: each snapshot's chartsDirectory()
  private final int width;
  private final int height;
  private final Executor executor;

  private final Object lock = new Object();
  private RunSnapshot pending; // guarded by lock: the newest snapshot not drawn yet
  private boolean busy; // guarded by lock: a drain task is scheduled or running

  // Touched only by the drain task, of which at most one runs at a time.
  private final Map<String, DataStamp> drawn = new HashMap<>();
  private List<LearnerStatus> lastConvergence;
  private long lastConvergenceNanos;
  private DataStamp lastJournal; // the journal as the status chart last drew (or failed) it
  private int lastJournalLearners;
  private Path lastDirectory;

  ChartListener(Path directory, int width, int height, Executor executor) {
    this.directory = directory;
    this.width = width;
    this.height = height;
    this.executor = executor;
  }

  private ChartListener(Path directory, int width, int height) {
    this(directory, width, height, backgroundThread());
  }

  private static Executor backgroundThread() {
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "adaptive-charts");
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /**
   * A listener writing into {@code directory}, created if missing, at {@value #DEFAULT_WIDTH} x
   * {@value #DEFAULT_HEIGHT} pixels.
   *
   * @param directory where the PNGs go, e.g. {@code runs/resonance/charts}
   * @return a new listener that has drawn nothing yet
   * @throws NullPointerException if {@code directory} is null
   */
  public static ChartListener into(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return new ChartListener(directory, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * A listener writing into each run's own charts directory, {@link RunSnapshot#chartsDirectory()}
   * ({@code <store>/charts}), at {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} pixels.
   *
   * @return a new listener that has drawn nothing yet
   */
  public static ChartListener intoChartsDirectory() {
    return new ChartListener(null, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * Sets the size of every image. Default: {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT}.
   *
   * @param width image width in pixels
   * @param height image height in pixels
   * @return a copy with this size that has drawn nothing yet; this listener is unchanged
   * @throws IllegalArgumentException if {@code width} or {@code height} is not positive
   */
  public ChartListener size(int width, int height) {
    AtomicPng.checkSize(width, height);
    return new ChartListener(directory, width, height);
  }

  /**
   * Hands {@code snapshot} to the drawing thread and returns at once: the convergence chart and the
   * plots of learners whose data changed are written soon after. Never throws.
   */
  @Override
  public void onProgress(RunSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    offer(snapshot);
  }

  /**
   * Draws the final snapshot as {@link #onProgress} does and waits until it is written, so that the
   * charts are complete when the run returns. Never throws; an interrupt stops the wait.
   */
  @Override
  public void onFinish(RunSnapshot last) {
    Objects.requireNonNull(last, "last");
    offer(last);
    awaitIdle();
  }

  @Override
  public String toString() {
    return "ChartListener[into "
        + (directory != null ? directory : "<store>/charts")
        + ", "
        + width
        + "x"
        + height
        + "]";
  }

  private void offer(RunSnapshot snapshot) {
    boolean schedule;
    synchronized (lock) {
      pending = snapshot;
      schedule = !busy;
      busy = true;
    }
    if (schedule) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        LOG.warn("cannot start drawing charts: {}", e.toString(), e);
        synchronized (lock) {
          busy = false;
          lock.notifyAll();
        }
      }
    }
  }

  void awaitIdle() {
    synchronized (lock) {
      while (busy) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void drain() {
    try {
      while (true) {
        RunSnapshot snapshot;
        synchronized (lock) {
          snapshot = pending;
          pending = null;
          if (snapshot == null) {
            busy = false;
            lock.notifyAll();
            return;
          }
        }
        drawPass(snapshot);
      }
    } catch (RuntimeException | Error e) {
      LOG.warn("drawing charts failed: {}", e.toString(), e);
      synchronized (lock) {
        busy = false;
        lock.notifyAll();
      }
    }
  }

  private void drawPass(RunSnapshot snapshot) {
    Path target = directory != null ? directory : snapshot.chartsDirectory();
    if (!target.equals(lastDirectory)) {
      drawn.clear();
      lastConvergence = null;
      lastJournal = null;
      lastDirectory = target;
    }
    drawConvergence(snapshot, target);
    drawStatus(snapshot, target);
    int failed = 0;
    for (LearnerStatus learner : snapshot.learners()) {
      if (!drawLearner(learner, target, failed < WARNINGS_PER_PASS)) {
        failed++;
      }
      refreshConvergenceIfBehind(target);
    }
    if (failed > WARNINGS_PER_PASS) {
      LOG.warn(
          "{} more learner plots failed in '{}'; each is tried again when its data changes",
          failed - WARNINGS_PER_PASS,
          target);
    }
  }

  private void refreshConvergenceIfBehind(Path target) {
    if (System.nanoTime() - lastConvergenceNanos < CONVERGENCE_EVERY_NANOS) {
      return;
    }
    RunSnapshot newer;
    synchronized (lock) {
      newer = pending; // peeked, not taken: the next pass still plots its learners
    }
    if (newer != null && target.equals(directory != null ? directory : newer.chartsDirectory())) {
      drawConvergence(newer, target);
      drawStatus(newer, target);
    }
  }

  private void drawConvergence(RunSnapshot snapshot, Path target) {
    if (snapshot.learners().equals(lastConvergence)) {
      return;
    }
    lastConvergenceNanos = System.nanoTime();
    try {
      ConvergenceChart.of(snapshot).savePng(target.resolve(CONVERGENCE_FILE), width, height);
      lastConvergence = snapshot.learners();
    } catch (RuntimeException | AWTError | LinkageError e) {
      warn(e, "cannot draw the convergence chart of experiment '" + snapshot.experiment() + "'");
    }
  }

  // The run manager only appends to the journal, so a new size or time means new events; a run
  // without a journal yet (or one from before journals) gets no status chart.
  private void drawStatus(RunSnapshot snapshot, Path target) {
    DataStamp journal = DataStamp.of(new RunDirectory(snapshot.store()).journal());
    int learners = snapshot.learners().size();
    if (journal == null || (journal.equals(lastJournal) && learners == lastJournalLearners)) {
      return;
    }
    // remembered before drawing, as for learner plots: a bad journal is logged once per change
    lastJournal = journal;
    lastJournalLearners = learners;
    try {
      RunStatusChart.of(snapshot).savePng(target.resolve(STATUS_FILE), width, height);
    } catch (RuntimeException | AWTError | LinkageError e) {
      warn(e, "cannot draw the status chart of experiment '" + snapshot.experiment() + "'");
    }
  }

  /** Draws the learner's plot if it can and its data changed; false if that failed. */
  private boolean drawLearner(LearnerStatus learner, Path target, boolean log) {
    if (!LearnerPlot.canPlot(learner.kind())) {
      return true;
    }
    DataStamp stamp = DataStamp.of(learner.data());
    if (stamp == null || stamp.equals(drawn.get(learner.name()))) {
      return true; // no snapshot yet, or drawn (or failed) already
    }
    // Remember it before drawing: a snapshot that fails is logged once, not at every pass, and is
    // tried again when the worker publishes a new one.
    drawn.put(learner.name(), stamp);
    try {
      LearnerPlot.of(learner)
          .savePng(target.resolve(ChartFiles.learnerFile(learner.name())), width, height);
      return true;
    } catch (RuntimeException | AWTError | LinkageError e) {
      if (log) {
        warn(e, "cannot plot learner '" + learner.name() + "'");
      }
      return false;
    }
  }

  // Our own exceptions say what and where in their message, so a stack trace adds nothing but
  // length; anything else is a bug worth its trace.
  private static void warn(Throwable e, String what) {
    if (e instanceof ChartException) {
      LOG.warn(e.getMessage());
      LOG.debug("stack trace of the failure above", e);
    } else {
      LOG.warn("{}: {}", what, e.toString(), e);
    }
  }

  /** What identifies one published version of a data snapshot, or a journal, without reading it. */
  record DataStamp(Object fileKey, long size, FileTime modified) {

    // Workers publish by renaming a new file over the old one, so the file key (the inode on
    // Unix) changes even when the size and a coarse modification time do not.
    static DataStamp of(Path data) {
      try {
        BasicFileAttributes a = Files.readAttributes(data, BasicFileAttributes.class);
        return new DataStamp(a.fileKey(), a.size(), a.lastModifiedTime());
      } catch (NoSuchFileException e) {
        return null;
      } catch (IOException | RuntimeException e) {
        LOG.debug("cannot read the attributes of '{}': {}", data, e.toString());
        return null;
      }
    }
  }
}
