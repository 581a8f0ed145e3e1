/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.runtime.RunState;
import io.adaptive.runtime.store.LearnerRecord;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code adaptive cancel}: asks the run manager to stop learners. */
@Command(
    name = "cancel",
    description = {
      "Asks the run manager of a live run to cancel learners.",
      "Writes a request file, <run>/requests/cancel-<epoch millis>-<random>.txt, with one"
          + " learner name per line (or '*' for all), which the run manager picks up. Learners"
          + " that are done, failed or cancelled already are left out. Refused if no run manager"
          + " is running on the directory.",
      ""
    })
final class CancelCommand implements Callable<Integer> {

  /** The request line that means every learner. */
  static final String ALL = "*";

  private static final SecureRandom RANDOM = new SecureRandom();

  @ParentCommand AdaptiveCli cli;
  @Spec CommandSpec spec;

  @Option(names = "--store", paramLabel = "DIR", description = "the run directory, e.g. runs/peaks")
  Path store;

  @Option(names = "--all", description = "cancel every learner of the run")
  boolean all;

  @Parameters(paramLabel = "[DIR] [LEARNER...]", hideParamSyntax = true,
      description = "the run directory (if not --store), then the learners to cancel")
  List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() {
    RunArguments target = RunArguments.of(spec, store, arguments);
    if (all == !target.rest().isEmpty()) {
      throw new ParameterException(spec.commandLine(), all
          ? "give learner names or --all, not both"
          : "which learners? give their names after the run directory, or --all");
    }
    RunState run = RunState.read(target.directory());
    if (!run.isLive()) {
      throw new IllegalStateException("no run manager is running on '" + run.directory()
          + "', so nobody would read a cancel request; its learners"
          + " run only while its program runs, so a stopped run has nothing to cancel");
    }
    List<String> lines = new ArrayList<>();
    PrintWriter err = spec.commandLine().getErr();
    if (all) {
      lines.add(ALL);
    } else {
      for (String name : new LinkedHashSet<>(target.rest())) {
        LearnerRecord learner = run.learner(name); // unknown names fail here, listing others
        if (CleanCommand.isSettled(learner.state())) {
          err.println("cancel: learner '" + name + "' is " + StatusCommand.state(learner.state())
              + " already; left out");
        } else {
          lines.add(name);
        }
      }
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    if (lines.isEmpty()) {
      out.println("nothing to cancel: every learner named is done, failed or cancelled already");
      out.flush();
      return AdaptiveCli.OK;
    }
    Path request = write(new RunDirectory(run.directory()).requests(), lines, cli.clock().millis());
    out.printf(Locale.ROOT, "asked the run manager to cancel %s: %s%n",
        all ? "every learner" : lines.size() == 1 ? "1 learner" : lines.size() + " learners",
        request);
    out.flush();
    return AdaptiveCli.OK;
  }

  /**
   * Writes a request file atomically: a temporary file in the same directory (a dot file, which
   * the run manager ignores), renamed to {@code cancel-<millis>-<random>.txt}.
   *
   * @return the request file
   */
  static Path write(Path requests, List<String> lines, long millis) {
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String name = "cancel-" + millis + "-" + HexFormat.of().formatHex(random) + ".txt";
    Path file = requests.resolve(name);
    Path temporary = requests.resolve("." + name + ".tmp");
    try {
      Files.createDirectories(requests);
      Files.writeString(temporary, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the first failure is the one to report
      }
      throw new UncheckedIOException("cannot write the cancel request into '" + requests + "'",
          e);
    }
    return file;
  }
}
