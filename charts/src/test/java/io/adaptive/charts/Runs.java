/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.Progress;
import io.adaptive.runtime.RunSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/** Hand-built runs: snapshots, learner statuses, progress histories and data snapshots. */
final class Runs {

  private Runs() {}

  static final Instant TIME = Instant.parse("2026-11-27T12:00:00Z");

  static RunSnapshot snapshot(Path store, List<LearnerStatus> learners) {
    return new RunSnapshot("resonance", store, TIME, learners);
  }

  static LearnerStatus learner1D(String name, Path data, List<Progress> history) {
    return learner(name, "learner1D", data, history);
  }

  static LearnerStatus learner(String name, String kind, Path data, List<Progress> history) {
    Progress last =
        history.isEmpty()
            ? new Progress(0, 0, Double.POSITIVE_INFINITY)
            : history.get(history.size() - 1);
    LearnerState state = history.isEmpty() ? LearnerState.PENDING : LearnerState.RUNNING;
    return new LearnerStatus(name, kind, state, last.npoints(), last.loss(), 0, "", data, history);
  }

  static LearnerStatus withState(LearnerStatus l, LearnerState state) {
    return new LearnerStatus(
        l.name(),
        l.kind(),
        state,
        l.npoints(),
        l.loss(),
        l.failures(),
        l.lastError(),
        l.data(),
        l.history());
  }

  /**
   * A plausible history: an infinite loss at first, then {@code scale * n^-rate} with 20 %
   * multiplicative noise, {@code reports} reports up to {@code maxPoints}.
   */
  static List<Progress> history(
      SplittableRandom random, long maxPoints, int reports, double scale, double rate) {
    List<Progress> history = new ArrayList<>();
    history.add(new Progress(0, 0, Double.POSITIVE_INFINITY));
    for (int i = 1; i <= reports; i++) {
      long n = Math.max(2, maxPoints * i / reports);
      double loss = scale * Math.pow(n, -rate) * (0.8 + 0.4 * random.nextDouble());
      history.add(new Progress(1000L * i, n, loss));
    }
    return history;
  }

  static List<Progress> history(double... npointsThenLoss) {
    List<Progress> history = new ArrayList<>();
    for (int i = 0; i < npointsThenLoss.length; i += 2) {
      history.add(new Progress(1000L * i, (long) npointsThenLoss[i], npointsThenLoss[i + 1]));
    }
    return history;
  }

  /** A sweep of {@code count} learners with different convergence rates, seeded. */
  static List<LearnerStatus> sweep(Path store, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LearnerStatus> learners = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long maxPoints = 200 + random.nextInt(1800);
      double rate = 0.6 + random.nextDouble();
      String name =
          String.format(java.util.Locale.ROOT, "resonance[damping=%.4f]", 0.01 + 0.3 * i / count);
      Path data = store.resolve("learners").resolve(name).resolve("data.csv");
      learners.add(learner1D(name, data, history(random, maxPoints, 30, 1.0, rate)));
    }
    return learners;
  }

  /** Writes a data snapshot as a worker does: header {@code x,y}, rows in told (unsorted) order. */
  static Path writeData(Path csv, int points, DoubleUnaryOperator f, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder("x,y\n");
    for (int i = 0; i < points; i++) {
      double x = i < 2 ? 3.0 * i : 3.0 * random.nextDouble();
      text.append(Double.toString(x))
          .append(',')
          .append(Double.toString(f.applyAsDouble(x)))
          .append('\n');
    }
    return write(csv, text.toString());
  }

  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      // published as workers do, so that the file's identity changes
      return Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A driven oscillator's response, as in the README. */
  static DoubleUnaryOperator resonance(double zeta) {
    return w -> 1 / Math.hypot(1 - w * w, 2 * zeta * w);
  }
}
