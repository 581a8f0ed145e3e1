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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptive clean}: removes the logs and job files of finished jobs. */
@Command(
    name = "clean",
    description = {
      "Removes the logs and job files of finished jobs.",
      "Every log of a learner that is done, failed or cancelled, and the logs of other learners'"
          + " earlier jobs; likewise the files batch backends keep in jobs/ (each job's script,"
          + " .start, .pid, .walltime, .exit files; a job array's script once all its jobs ended)."
          + " Keeps each learner's current job's files, the data, the charts and everything else."
          + " Safe while the run is live: a file written after the run manager last published"
          + " status.tsv may belong to a job it started since, and is kept.",
      ""
    })
final class CleanCommand implements Callable<Integer> {

  // <job>.<ext> or <first job>-array.<ext>; the run manager's job ids are j<n>-<base-36 millis>.
  private static final Pattern JOB_FILE = Pattern.compile("(j[0-9]+-[0-9a-z]+)(-array)?\\.");
  private static final Pattern ARRAY_TASK = Pattern.compile("^ *[0-9]+\\) # job (\\S+) of ");

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
    Set<String> current = new HashSet<>();
    for (LearnerRecord learner : run.learners()) {
      boolean settled = isSettled(learner.state());
      if (!settled && !learner.job().isEmpty()) {
        current.add(learner.job());
      }
      for (Path log : run.logs(learner.name())) {
        boolean isCurrent = !learner.job().isEmpty()
            && log.getFileName().toString().equals(learner.name() + "." + learner.job() + ".log");
        if ((settled || !isCurrent) && !newerThan(log, published)) {
          finished.add(log);
        }
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    Removed logs = remove(finished, out, true);
    out.printf(Locale.ROOT, "%s %d %s of finished jobs (%s) from %s%n",
        dryRun ? "would remove" : "removed", logs.files(), logs.files() == 1 ? "log" : "logs",
        size(logs.bytes()), run.directory().resolve("logs"));
    Path jobs = run.directory().resolve("jobs");
    if (Files.isDirectory(jobs)) {
      List<Path> jobFiles = finishedJobFiles(jobs, current, published);
      Removed removed = remove(jobFiles, out, false);
      out.printf(Locale.ROOT, "%s %d %s of finished jobs (%s) from %s%n",
          dryRun ? "would remove" : "removed", removed.files(),
          removed.files() == 1 ? "job file" : "job files", size(removed.bytes()), jobs);
    }
    out.flush();
    return AdaptiveCli.OK;
  }

  private record Removed(int files, long bytes) {}

  private Removed remove(List<Path> files, PrintWriter out, boolean logs) {
    long bytes = 0;
    int removed = 0;
    for (Path file : files) {
      try {
        long size = Files.readAttributes(file, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS).size();
        if (dryRun) {
          out.println("would remove " + file);
        } else {
          Files.delete(file); // a link itself, never what it points to
          if (logs) {
            // The local backend keeps the job's pid beside its log, for adoption after a restart.
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".pid"));
          }
        }
        bytes += size;
        removed++;
      } catch (NoSuchFileException e) {
        // removed meanwhile: nothing left to do
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove '" + file + "' (" + removed
            + " removed before it); check its directory's permissions and run clean again", e);
      }
    }
    return new Removed(removed, bytes);
  }

  /**
   * The files that the batch backends keep in {@code jobs/} for jobs that have ended: each job's
   * script and its {@code .start}, {@code .pid}, {@code .walltime}, {@code .exit} and {@code
   * .evaluators} files ({@code <job>.<ext>}), and a job array's script and output links ({@code
   * <first job>-array.<ext>}) once none of the array's jobs is current. A job is current if it is
   * the job of a learner that is not done, failed or cancelled; files written after the status
   * was published may be of a job started since, and are kept, as is everything not named after
   * a job ({@code run-tag}).
   */
  static List<Path> finishedJobFiles(Path jobs, Set<String> current, FileTime published) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(jobs)) {
      listed.sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the job files in '" + jobs + "'; check its"
          + " permissions and run clean again", e);
    }
    Map<String, Boolean> arrays = new HashMap<>();
    List<Path> finished = new ArrayList<>();
    for (Path file : files) {
      Matcher name = JOB_FILE.matcher(file.getFileName().toString());
      if (!name.lookingAt()) {
        continue;
      }
      String job = name.group(1);
      boolean ended = name.group(2) == null ? !current.contains(job)
          : arrays.computeIfAbsent(job, first -> arrayEnded(files, first, current));
      if (ended && !newerThan(file, published)) {
        finished.add(file);
      }
    }
    return finished;
  }

  // An array's script names each task's job: "  0) # job j12-lq3k9x1 of learner ...".
  private static boolean arrayEnded(List<Path> files, String first, Set<String> current) {
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.startsWith(first + "-array.") && !name.endsWith(".log") && !name.endsWith(".tmp")
          && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
          return lines.map(ARRAY_TASK::matcher).filter(Matcher::find)
              .noneMatch(task -> current.contains(task.group(1)));
        } catch (IOException | UncheckedIOException e) {
          return false; // cannot tell which jobs it runs: keep it
        }
      }
    }
    return false; // no script to say which jobs it runs: keep its links
  }

  /** Whether no job will run the learner again in this run: done, failed or cancelled. */
  static boolean isSettled(LearnerState state) {
    return state != LearnerState.PENDING && state != LearnerState.QUEUED
        && state != LearnerState.RUNNING;
  }

  private static boolean newerThan(Path file, FileTime time) {
    try {
      return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(time) > 0;
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
