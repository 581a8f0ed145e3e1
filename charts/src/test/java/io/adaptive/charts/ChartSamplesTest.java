/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.charts;

import static io.adaptive.charts.Runs.history;
import static io.adaptive.charts.Runs.learner1D;
import static io.adaptive.charts.Runs.snapshot;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Renders one sample of each chart for a person to look at; charts are never compared by pixels.
 * Off unless asked for: {@code mvn -o -q test -pl charts -Dtest=ChartSamplesTest
 * -Dcharts.samples=/tmp/charts-sample}.
 */
@EnabledIfSystemProperty(named = "charts.samples", matches = ".+")
final class ChartSamplesTest {

  private final Path out = Path.of(System.getProperty("charts.samples", "unused"));

  @Test
  void convergence_fourLearners() {
    List<LearnerStatus> learners = new ArrayList<>(Runs.sweep(out.resolve("store"), 4, 1));
    learners.set(0, Runs.withState(learners.get(0), LearnerState.DONE));
    ConvergenceChart.of(snapshot(out.resolve("store"), learners))
        .savePng(out.resolve("convergence-4.png"), 1000, 600);
  }

  @Test
  void convergence_fifteenLearners_logPoints() {
    ConvergenceChart.of(snapshot(out.resolve("store"), Runs.sweep(out.resolve("store"), 15, 2)))
        .logPoints()
        .savePng(out.resolve("convergence-15-logpoints.png"), 1000, 600);
  }

  @Test
  void convergence_tenThousandLearners() {
    List<LearnerStatus> learners = new ArrayList<>(Runs.sweep(out.resolve("store"), 10_000, 3));
    learners.add(
        learner1D(
            "resonance[damping=0.0001]",
            out.resolve("x.csv"),
            history(10, 2.0, 500, 1.5, 1500, 1.2)));
    learners.set(7, Runs.withState(learners.get(7), LearnerState.FAILED));
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    for (String round : List.of("first", "second", "third")) {
      long start = cpu.getCurrentThreadCpuTime();
      var chart = ConvergenceChart.of(snapshot(out.resolve("store"), learners));
      chart.chart();
      long built = cpu.getCurrentThreadCpuTime();
      chart.savePng(out.resolve("convergence-10000.png"), 1000, 600);
      long end = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          Locale.ROOT,
          "10,001 learners, %s time: chart built in %d ms CPU, built and saved in %d ms CPU%n",
          round,
          (built - start) / 1_000_000,
          (end - built) / 1_000_000);
    }
  }

  @Test
  void status_tenThousandLearners() throws java.io.IOException {
    var events = Journals.simulated(10_000, 800, 42);
    java.nio.file.Files.createDirectories(out.resolve("store"));
    java.nio.file.Files.deleteIfExists(out.resolve("store/journal.tsv"));
    Path journal = Journals.write(out.resolve("store/journal.tsv"), events);
    long start = System.nanoTime();
    RunStatusChart.of(journal).savePng(out.resolve("status.png"), 1000, 600);
    System.out.printf(
        Locale.ROOT,
        "%,d events of 10,000 learners: read, replayed and saved in %d ms%n",
        events.size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void status_handMade() {
    RunStatusChart.of(
            List.of(
                Journals.event(1, "a", LearnerState.PENDING, LearnerState.RUNNING),
                Journals.event(1, "b", LearnerState.PENDING, LearnerState.RUNNING),
                Journals.event(20, "a", LearnerState.RUNNING, LearnerState.DONE),
                Journals.event(30, "b", LearnerState.RUNNING, LearnerState.PENDING),
                Journals.event(30, "c", LearnerState.RUNNING, LearnerState.FAILED),
                Journals.event(40, "b", LearnerState.PENDING, LearnerState.RUNNING),
                Journals.event(50, "d", LearnerState.PENDING, LearnerState.CANCELLED),
                Journals.event(60, "b", LearnerState.RUNNING, LearnerState.DONE)),
            5)
        .savePng(out.resolve("status-5.png"), 1000, 600);
  }

  @Test
  void learnerPlot_resonance() {
    Path csv = out.resolve("store/learners/resonance[damping=0.05]/data.csv");
    int points = writeAdaptively(csv, Runs.resonance(0.05), 0.0, 3.0, 120);
    LearnerStatus learner =
        learner1D(
            "resonance[damping=0.05]", csv, history(0, Double.POSITIVE_INFINITY, points, 0.0042));
    LearnerPlot.of(learner).savePng(out.resolve("learner-resonance.png"), 1000, 600);
  }

  @Test
  void learnerPlot_noDataYet() {
    LearnerStatus learner =
        learner1D("resonance[damping=0.3]", out.resolve("store/none/data.csv"), List.of());
    LearnerPlot.of(learner).savePng(out.resolve("learner-empty.png"), 1000, 600);
  }

  // Roughly what Learner1D does: split the interval that is longest in scaled (x, y), and write the
  // points in the order they were told, not sorted.
  private static int writeAdaptively(Path csv, DoubleUnaryOperator f, double a, double b, int n) {
    TreeMap<Double, Double> points = new TreeMap<>();
    StringBuilder told = new StringBuilder("x,y\n");
    for (double x : new double[] {a, b}) {
      points.put(x, f.applyAsDouble(x));
      told.append(x).append(',').append(points.get(x)).append('\n');
    }
    while (points.size() < n) {
      double yScale =
          points.values().stream().mapToDouble(v -> v).max().orElse(1)
              - points.values().stream().mapToDouble(v -> v).min().orElse(0);
      double bestX = a;
      double best = -1;
      Double previous = null;
      for (var e : points.entrySet()) {
        if (previous != null) {
          double dx = (e.getKey() - previous) / (b - a);
          double dy = (e.getValue() - points.get(previous)) / yScale;
          double length = Math.hypot(dx, dy);
          if (length > best) {
            best = length;
            bestX = (e.getKey() + previous) / 2;
          }
        }
        previous = e.getKey();
      }
      points.put(bestX, f.applyAsDouble(bestX));
      told.append(bestX).append(',').append(points.get(bestX)).append('\n');
    }
    Runs.write(csv, told.toString());
    return points.size();
  }
}
