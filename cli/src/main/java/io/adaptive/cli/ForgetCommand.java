/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.JournalFile;
import io.adaptive.runtime.store.LearnerEvent;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDatabase;
import io.adaptive.runtime.store.RunDirectory;
import io.adaptive.runtime.store.RunStoreLockedException;
import io.adaptive.runtime.store.StatusFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code adaptive forget}: removes learners from a stopped run's store so that its next run starts
 * them afresh, and sets their data aside.
 */
@Command(
    name = "forget",
    description = {
      "Makes a stopped run forget learners, so that its next run starts them afresh.",
      "For a learner whose definition changed (the run manager refuses it: its stored fingerprint"
          + " differs) or that should be computed again. Removes the learner's record and progress"
          + " history from run.db (its journal keeps a line saying it was forgotten), and from"
          + " status.tsv and history.tsv; moves its data directory learners/<name> to"
          + " learners/<name>.forgotten-<UTC time>, so nothing is lost. Refused while a run"
          + " manager is running on the directory or a worker of a named learner still runs,"
          + " and for a name the run does not know; then nothing is changed.",
      ""
    })
final class ForgetCommand implements Callable<Integer> {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int NAMES_SHOWN = 5;

  @ParentCommand AdaptiveCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Parameters(paramLabel = "[DIR] LEARNER...", hideParamSyntax = true,
      description = "the run directory (if not --store), then the learners to forget")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    RunArguments target = RunArguments.of(spec, store, arguments);
    if (target.rest().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "which learners? give their names after"
          + " the run directory, e.g. " + spec.qualifiedName() + " runs/peaks 'peaks[a=1]'");
    }
    RunDirectory directory = new RunDirectory(target.directory());
    if (!Files.isRegularFile(directory.runDatabase())) {
      throw new IllegalStateException("'" + target.directory() + "' has no run store run.db, so"
          + " there is nothing to forget; give the directory a run was stored in"
          + " (Runner.store(..), default runs/<experiment>)");
    }
    Set<String> names = new LinkedHashSet<>(target.rest());
    long now = cli.clock().millis();
    String stamp = STAMP.format(cli.clock().instant());
    Map<String, Path> moved = new LinkedHashMap<>();
    Map<String, Integer> reports = new LinkedHashMap<>();
    List<LearnerEvent> events = new ArrayList<>();
    try (RunDatabase database = open(directory)) {
      for (String name : names) {
        if (database.learner(name).isEmpty()) {
          throw new IllegalArgumentException(unknown(directory, database.learners(), name));
        }
      }
      for (String name : names) {
        Path lock = directory.dataFile(name).resolveSibling("data.db.lock");
        if (isLocked(lock)) {
          throw new IllegalStateException("a worker of learner '" + name + "' is still running"
              + " (it holds " + lock + "), though no run manager is; so nothing was forgotten;"
              + " wait for its job to end, or cancel the job with the scheduler, then forget"
              + " again");
        }
      }
      // Data first: if the store's commit then failed, forgetting again finishes the job, and
      // a learner whose record is gone never meets its old data.
      for (String name : names) {
        moved.put(name, setAside(directory, name, stamp));
      }
      for (String name : names) {
        reports.put(name, database.history(name).size());
        Path aside = moved.get(name);
        events.add(database.forget(name, now, "adaptive forget"
            + (aside == null ? "" : "; its data was moved to learners/" + aside.getFileName())));
      }
      database.commit();
    }
    // The views readers follow: without the forgotten learners, as the next manager writes them.
    try {
      dropFromStatus(directory.status(), names);
      dropFromHistory(directory.history(), names);
      try (JournalFile journal = new JournalFile(directory.journal())) {
        events.forEach(journal::append);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("forgot " + names + " in run.db, but cannot update the"
          + " files readers see in '" + target.directory() + "'; the next run rewrites"
          + " status.tsv, so only its history.tsv may still show their old reports", e);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String name : names) {
      Path aside = moved.get(name);
      out.printf(Locale.ROOT, "forgot learner '%s': removed its record and %d progress %s from"
              + " run.db; %s%n", name, reports.get(name),
          reports.get(name) == 1 ? "report" : "reports",
          aside == null ? "it had no data directory" : "its data is now in " + aside);
    }
    out.println("the next run of " + target.directory() + " starts "
        + (names.size() == 1 ? "it" : "them") + " afresh");
    out.flush();
    return AdaptiveCli.OK;
  }

  // Taking the store's lock is what proves no run manager is running on it, and keeps one out.
  private static RunDatabase open(RunDirectory directory) {
    try {
      return RunDatabase.open(directory.runDatabase());
    } catch (RunStoreLockedException e) {
      throw new IllegalStateException("a run manager is running on '" + directory.root() + "'"
          + e.owner().map(owner -> " (pid " + owner.pid() + " on host " + owner.host()
              + ", since " + owner.since() + ")").orElse("")
          + " and holds its run.db.lock, so nothing was forgotten; stop the run first (end its"
          + " program, or wait for it to end), then forget again", e);
    }
  }

  // A worker holds its learner's data.db.lock while it runs, and may outlive its run manager.
  private static boolean isLocked(Path lock) {
    FileChannel channel;
    try {
      channel = FileChannel.open(lock, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open '" + lock + "' to see whether a worker still"
          + " runs; check its permissions and forget again", e);
    }
    try {
      FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
      if (probe != null) {
        probe.release();
      }
      channel.close();
      return probe == null;
    } catch (OverlappingFileLockException e) {
      // Held by this JVM: closing this channel would drop that lock, so it stays open.
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot see whether a worker holds '" + lock + "'", e);
    }
  }

  private static String unknown(RunDirectory directory, List<LearnerRecord> learners,
      String name) {
    List<String> shown = RunState.namesLike(learners, name, NAMES_SHOWN);
    return String.format(Locale.ROOT, "the run store of '%s' has no learner '%s', so nothing was"
            + " forgotten; it has %d %s%s%s; list them all with: adaptive status %s",
        directory.root(), name, learners.size(), learners.size() == 1 ? "learner" : "learners",
        learners.isEmpty() ? "" : learners.size() <= NAMES_SHOWN ? ": " : ", for example ",
        String.join(", ", shown), directory.root());
  }

  /** Moves {@code learners/<name>} aside; null if it does not exist. */
  private static Path setAside(RunDirectory directory, String name, String stamp) {
    Path data = directory.learnerDirectory(name);
    if (!Files.exists(data)) {
      return null;
    }
    Path aside = data.resolveSibling(name + ".forgotten-" + stamp);
    for (int n = 2; Files.exists(aside); n++) { // forgotten twice within one second
      aside = data.resolveSibling(name + ".forgotten-" + stamp + "-" + n);
    }
    try {
      return Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the data of learner '" + name + "' from '"
          + data + "' to '" + aside + "', so nothing was forgotten; make learners/ writable and"
          + " forget again", e);
    }
  }

  private static void dropFromStatus(Path status, Set<String> names) throws IOException {
    if (!Files.exists(status)) {
      return;
    }
    List<LearnerRecord> kept = new ArrayList<>();
    for (LearnerRecord r : StatusFile.read(status)) {
      if (!names.contains(r.name())) {
        kept.add(r);
      }
    }
    StatusFile.write(status, kept);
  }

  // history.tsv: <millis>\t<learner>\t...; learner names hold no tab. A last line without its
  // newline is a write cut short, which readers ignore: it is dropped, as completing it would
  // make it a malformed line.
  private static void dropFromHistory(Path history, Set<String> names) throws IOException {
    if (!Files.exists(history)) {
      return;
    }
    String text = Files.readString(history, StandardCharsets.UTF_8);
    StringBuilder kept = new StringBuilder();
    int end = text.lastIndexOf('\n');
    for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n", -1)) {
      String[] fields = line.split("\t", 3);
      if (fields.length < 2 || !names.contains(fields[1])) {
        kept.append(line).append('\n');
      }
    }
    Path temporary = history.resolveSibling(history.getFileName() + ".tmp");
    Files.writeString(temporary, kept, StandardCharsets.UTF_8);
    Files.move(temporary, history, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
