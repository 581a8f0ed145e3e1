/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.LearnerRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptive logs}: a learner's job logs. */
@Command(
    name = "logs",
    description = {
      "Prints a learner's job logs.",
      "The log of its latest job (logs/<learner>.<job>.log), or with --all of every job, oldest"
          + " first, each under a line '==> FILE <=='. Jobs run as threads of the run manager"
          + " (Local.inProcess()) write no logs.",
      ""
    })
final class LogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Option(names = "--all", description = "every job's log, oldest first, not only the latest")
  boolean all;

  @Option(names = "--tail", paramLabel = "N", description = "only the last N lines of each log")
  Integer tail;

  @Parameters(paramLabel = "[DIR] LEARNER", hideParamSyntax = true, arity = "1..2",
      description = "the run directory (if not --store), then the learner's name")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    RunArguments target = RunArguments.of(spec, store, arguments);
    if (target.rest().isEmpty() && store == null && !Files.isDirectory(target.directory())) {
      throw new ParameterException(spec.commandLine(), "which run? give its directory before the"
          + " learner, e.g. adaptive logs runs/peaks '" + target.directory() + "' (or --store"
          + " runs/peaks); the current directory is not a run directory");
    }
    if (target.rest().size() != 1) {
      throw new ParameterException(spec.commandLine(), target.rest().isEmpty()
          ? "which learner? give its name after the run directory, e.g. logs runs/peaks"
              + " 'peaks[a=0.01,x0=0]'"
          : "one learner at a time; got " + target.rest());
    }
    if (tail != null && tail < 0) {
      throw new ParameterException(spec.commandLine(),
          "--tail " + tail + ": give a number of lines, 0 or more");
    }
    String learner = target.rest().get(0);
    RunState run = RunState.read(target.directory());
    List<Path> logs = run.logs(learner);
    if (logs.isEmpty()) {
      LearnerRecord record = run.learner(learner);
      String why;
      if (CleanCommand.isSettled(record.state())) {
        why = "; it is " + StatusCommand.state(record.state()) + ", and 'adaptive clean' removes"
            + " the logs of finished jobs";
      } else if (record.job().isEmpty()) {
        why = "; it has no job now";
      } else {
        why = "; jobs that run as threads of the run manager (Local.inProcess()) write none";
      }
      throw new IllegalStateException("learner '" + learner + "' has no job logs in '"
          + run.directory().resolve("logs") + "'" + why);
    }
    List<Path> shown = all ? logs : logs.subList(logs.size() - 1, logs.size());
    PrintWriter out = spec.commandLine().getOut();
    boolean headers = all;
    for (int i = 0; i < shown.size(); i++) {
      if (headers) {
        out.println((i == 0 ? "" : "\n") + "==> " + shown.get(i) + " <==");
      }
      print(shown.get(i), out);
    }
    out.flush();
    return AdaptiveCli.OK;
  }

  private void print(Path log, PrintWriter out) {
    try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
      if (tail == null) {
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
          out.write(buffer, 0, n);
        }
        return;
      }
      Deque<String> last = new ArrayDeque<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        last.addLast(line);
        if (last.size() > tail) {
          last.removeFirst();
        }
      }
      last.forEach(out::println);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the log '" + log + "'", e);
    }
  }
}
