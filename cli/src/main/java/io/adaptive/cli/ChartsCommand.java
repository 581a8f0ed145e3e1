/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.charts.ChartListener;
import io.adaptive.charts.LearnerPlot;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunSnapshot;
import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptive charts}: draws a run's charts again. */
@Command(
    name = "charts",
    description = {
      "Draws the run's charts again.",
      "As the run's ChartListener does: convergence.png, status.png (learner states over time,"
          + " from the run's journal) and one <learner>.png per learner that can be plotted and"
          + " has data; into <run>/charts, or --out DIR. Works while the run is live: every PNG is"
          + " replaced atomically.",
      ""
    })
final class ChartsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Option(names = "--out", paramLabel = "DIR", description = "where the PNGs go; default"
      + " <run>/charts")
  Path out;

  @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1000",
      description = "image width; default ${DEFAULT-VALUE}")
  int width;

  @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "600",
      description = "image height; default ${DEFAULT-VALUE}")
  int height;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "the run directory, if not --store")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    if (width < 1 || height < 1) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
          "--width %d --height %d: give a positive size in pixels, e.g. --width 1000 --height"
              + " 600", width, height));
    }
    RunState run = RunState.read(RunArguments.of(spec, store, arguments).noMore(spec).directory());
    RunSnapshot snapshot = run.snapshot();
    Path target = out != null ? out : snapshot.chartsDirectory();
    boolean journal = Files.exists(new RunDirectory(snapshot.store()).journal());
    int plottable = 0;
    for (LearnerStatus learner : snapshot.learners()) {
      if (LearnerPlot.canPlot(learner.kind()) && Files.exists(learner.data())) {
        plottable++;
      }
    }
    Map<Path, Object> before = pngs(target);
    // The listener names and draws the files exactly as during the run; failures are logged as
    // warnings on stderr, and counted here from the files it did not replace.
    ChartListener.into(target).size(width, height).onFinish(snapshot);
    Map<Path, Object> after = pngs(target);
    Path convergence = target.resolve(ChartListener.CONVERGENCE_FILE);
    Path status = target.resolve(ChartListener.STATUS_FILE);
    boolean convergenceWritten = false;
    boolean statusWritten = false;
    int plots = 0;
    for (Map.Entry<Path, Object> png : after.entrySet()) {
      if (!Objects.equals(before.get(png.getKey()), png.getValue())) {
        if (png.getKey().equals(convergence)) {
          convergenceWritten = true;
        } else if (png.getKey().equals(status)) {
          statusWritten = true;
        } else {
          plots++;
        }
      }
    }
    PrintWriter console = spec.commandLine().getOut();
    List<String> written = new ArrayList<>();
    if (convergenceWritten) {
      written.add(ChartListener.CONVERGENCE_FILE);
    }
    if (statusWritten) {
      written.add(ChartListener.STATUS_FILE);
    }
    console.printf(Locale.ROOT, "wrote %s%d learner %s into %s%n",
        written.isEmpty() ? "" : String.join(", ", written) + " and ", plots,
        plots == 1 ? "plot" : "plots", target);
    console.flush();
    // a run without a journal (not started, or from before journals) has no status chart to draw
    int missing = (convergenceWritten ? 0 : 1) + (journal && !statusWritten ? 1 : 0)
        + Math.max(0, plottable - plots);
    if (missing > 0) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "%d of %d charts could not be drawn; the warnings above say which and why", missing,
          1 + (journal ? 1 : 0) + plottable));
    }
    return AdaptiveCli.OK;
  }

  // Each PNG is written to a temporary file and renamed over the old one, so a chart drawn again
  // is a new file: its identity (or, where the file system has none, its time) changes.
  private static Map<Path, Object> pngs(Path directory) {
    Map<Path, Object> found = new HashMap<>();
    if (!Files.isDirectory(directory)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.png")) {
      for (Path file : files) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        Object key = attributes.fileKey();
        found.put(file, List.of(key == null ? "" : key, attributes.lastModifiedTime()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the charts in '" + directory + "'", e);
    }
    return found;
  }
}
