/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.LearnerRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptive clean}: removes the logs of finished jobs. */
@Command(
    name = "clean",
    description = {
      "Removes the logs of finished jobs.",
      "Every log of a learner that is done, failed or cancelled, and the logs of other learners'"
          + " earlier jobs. Keeps each learner's current job's log, the data, the charts and"
          + " everything else. Safe while the run is live: a log written after the run manager last"
          + " published status.tsv may belong to a job it started since, and is kept.",
      ""
    })
final class CleanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Option(names = "--dry-run", description = "list what would be removed, and remove nothing")
  boolean dryRun;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "the run directory, if not --store")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    RunState run = RunState.read(RunArguments.of(spec, store, arguments).noMore(spec).directory());
    FileTime published = FileTime.from(run.publishedAt());
    List<Path> finished = new ArrayList<>();
    for (LearnerRecord learner : run.learners()) {
      boolean settled = isSettled(learner.state());
      for (Path log : run.logs(learner.name())) {
        boolean current = !learner.job().isEmpty()
            && log.getFileName().toString().equals(learner.name() + "." + learner.job() + ".log");
        if ((settled || !current) && !newerThan(log, published)) {
          finished.add(log);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    long bytes = 0;
    int removed = 0;
    for (Path log : finished) {
      try {
        long size = Files.size(log);
        if (dryRun) {
          out.println("would remove " + log);
        } else {
          Files.delete(log);
          // The local backend keeps the job's pid beside its log, for adoption after a restart.
          Files.deleteIfExists(log.resolveSibling(log.getFileName() + ".pid"));
        }
        bytes += size;
        removed++;
      } catch (NoSuchFileException e) {
        // removed meanwhile: nothing left to do
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the log '" + log + "' (" + removed
            + " removed before it)", e);
      }
    }
    out.printf(Locale.ROOT, "%s %d %s of finished jobs (%s) from %s%n",
        dryRun ? "would remove" : "removed", removed, removed == 1 ? "log" : "logs", size(bytes),
        run.directory().resolve("logs"));
    out.flush();
    return AdaptiveCli.OK;
  }

  /** Whether no job will run the learner again in this run: done, failed or cancelled. */
  static boolean isSettled(LearnerState state) {
    return state != LearnerState.PENDING && state != LearnerState.QUEUED
        && state != LearnerState.RUNNING;
  }

  private static boolean newerThan(Path file, FileTime time) {
    try {
      return Files.getLastModifiedTime(file).compareTo(time) > 0;
    } catch (IOException e) {
      return true; // cannot tell: keep it
    }
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }
}
