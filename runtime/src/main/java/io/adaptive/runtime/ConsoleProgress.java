/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The driver's live view: a progress bar over all learners with the counts of pending, running,
 * done and failed ones and the points evaluated. Without a console (output to a file or a pipe) it
 * prints one line at most every 10 seconds instead.
 */
final class ConsoleProgress implements RunListener {

  private static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

  private final PrintStream out;
  private final boolean console;
  private ProgressBar bar;
  private long lastLineMillis = Long.MIN_VALUE;

  ConsoleProgress(PrintStream out, boolean console) {
    this.out = out;
    this.console = console;
  }

  @Override
  public void onProgress(RunSnapshot snapshot) {
    long settled = snapshot.count(LearnerState.DONE) + snapshot.count(LearnerState.FAILED)
        + snapshot.count(LearnerState.CANCELLED);
    String counts = counts(snapshot);
    if (console) {
      if (bar == null) {
        bar = new ProgressBarBuilder().setTaskName(snapshot.experiment())
            .setInitialMax(snapshot.learners().size()).setStyle(ProgressBarStyle.ASCII)
            .setUnit(" learners", 1).continuousUpdate().build();
      }
      bar.stepTo(settled);
      bar.setExtraMessage("| " + counts);
    } else {
      long now = snapshot.time().toEpochMilli();
      // No line yet: now - Long.MIN_VALUE would overflow to a negative gap and print nothing.
      if (lastLineMillis == Long.MIN_VALUE || now - lastLineMillis >= PLAIN_EVERY.toMillis()) {
        out.printf(Locale.ROOT, "%s: %d/%d learners settled; %s%n", snapshot.experiment(),
            settled, snapshot.learners().size(), counts);
        lastLineMillis = now;
      }
    }
  }

  @Override
  public void onFinish(RunSnapshot last) {
    if (bar != null) {
      bar.close();
    } else {
      lastLineMillis = Long.MIN_VALUE;
      onProgress(last);
    }
  }

  private static String counts(RunSnapshot snapshot) {
    long points = snapshot.learners().stream().mapToLong(LearnerStatus::npoints).sum();
    return String.format(Locale.ROOT,
        "pending %d, queued %d, running %d, done %d, failed %d; %d points",
        snapshot.count(LearnerState.PENDING), snapshot.count(LearnerState.QUEUED),
        snapshot.count(LearnerState.RUNNING),
        snapshot.count(LearnerState.DONE), snapshot.count(LearnerState.FAILED), points);
  }
}
