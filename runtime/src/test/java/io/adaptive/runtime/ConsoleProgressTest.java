/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The driver's progress output without a console (to a file or a pipe): one line with the counts
 * of learners in each state, at most every 10 seconds, and always a last one at the end.
 */
final class ConsoleProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ConsoleProgress progress =
      new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

  @Test
  void withoutAConsole_theFirstSnapshotPrintsALineWithTheCountsOfEveryState() {
    progress.onProgress(snapshot(0, 1, 2, 3, 4, 5, 6));

    assertThat(text()).isEqualTo("sweep: 15/21 learners settled; pending 1, queued 2, running 3,"
        + " done 4, failed 5; " + pointsOf(snapshot(0, 1, 2, 3, 4, 5, 6)) + " points\n");
  }

  @Test
  void withoutAConsole_linesAreAtMostEveryTenSeconds_butTheEndIsAlwaysPrinted() {
    progress.onProgress(snapshot(0, 4, 0, 0, 0, 0, 0));
    progress.onProgress(snapshot(9_999, 3, 0, 1, 0, 0, 0));
    assertThat(text().lines()).as("a second line within 10 s").hasSize(1);

    progress.onProgress(snapshot(10_000, 2, 0, 1, 1, 0, 0));
    assertThat(text().lines()).hasSize(2).last().asString()
        .contains("1/4 learners settled; pending 2, queued 0, running 1, done 1, failed 0");

    progress.onFinish(snapshot(10_001, 0, 0, 0, 3, 1, 0));
    assertThat(text().lines()).hasSize(3).last().asString()
        .contains("4/4 learners settled; pending 0, queued 0, running 0, done 3, failed 1");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** A snapshot at {@code millis} after a fixed instant with this many learners in each state. */
  private static RunSnapshot snapshot(long millis, int pending, int queued, int running, int done,
      int failed, int cancelled) {
    List<LearnerStatus> learners = new ArrayList<>();
    int[] counts = {pending, queued, running, done, failed, cancelled};
    LearnerState[] states = {LearnerState.PENDING, LearnerState.QUEUED, LearnerState.RUNNING,
        LearnerState.DONE, LearnerState.FAILED, LearnerState.CANCELLED};
    for (int s = 0; s < states.length; s++) {
      for (int i = 0; i < counts[s]; i++) {
        learners.add(new LearnerStatus(states[s].name() + i, "Learner1D", states[s],
            10L * (s + 1) + i, 0.5, 0, "", Path.of("data.csv"), List.of()));
      }
    }
    return new RunSnapshot("sweep", Path.of("store"),
        Instant.parse("2026-01-01T00:00:00Z").plusMillis(millis), learners);
  }

  private static long pointsOf(RunSnapshot snapshot) {
    return snapshot.learners().stream().mapToLong(LearnerStatus::npoints).sum();
  }
}
