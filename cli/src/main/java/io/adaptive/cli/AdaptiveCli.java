/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.AdaptiveException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code adaptive} command: looks at a run directory while its run is live or after it ended
 * ({@code status}, {@code logs}, {@code charts}, {@code export}), tidies it ({@code clean}), asks
 * its run manager to stop learners ({@code cancel}), makes a stopped run start learners afresh
 * ({@code forget}), and serves a learner to programs in other
 * languages over standard input and output ({@code serve}).
 *
 * <pre>
 * java -jar cli/target/adaptive-cli.jar status runs/peaks      (or: bin/adaptive status runs/peaks)
 * </pre>
 *
 * <p>Exit codes: {@value #OK} success; {@value #PROBLEM} the command could not do its job (not a
 * run directory, unknown learner, run not live, unreadable file), with a message on standard error
 * that says what, where and the fix; {@value #USAGE} the command line itself is wrong.
 */
@Command(
    name = "adaptive",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = AdaptiveCli.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Looks at and manages the run directories of adaptive-java (runs/<experiment>), while a run"
          + " is live or after it ended, and serves learners to programs in other languages.",
      ""
    },
    subcommands = {
      StatusCommand.class,
      LogsCommand.class,
      ChartsCommand.class,
      ExportCommand.class,
      CleanCommand.class,
      CancelCommand.class,
      ForgetCommand.class,
      ServeCommand.class
    },
    footer = {
      "",
      "A run directory is given as --store DIR or as the first argument; without either, the"
          + " current directory if it is one.",
      "Exit codes: 0 success, 1 the command could not do its job (see the message), 2 usage error."
    })
public final class AdaptiveCli implements Callable<Integer> {

  /** Exit code of a command that did its job. */
  public static final int OK = 0;

  /** Exit code of a command that could not do its job; a message on standard error says why. */
  public static final int PROBLEM = 1;

  /** Exit code of a command line that is wrong: unknown option, missing argument. */
  public static final int USAGE = 2;

  private final Clock clock;
  private final InputStream in;

  @Spec CommandSpec spec;

  private AdaptiveCli(Clock clock, InputStream in) {
    this.clock = clock;
    this.in = in;
  }

  /**
   * Runs the command line {@code args} and ends the JVM with its exit code.
   *
   * @param args e.g. {@code status runs/peaks}
   */
  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(commandLine(Clock.systemUTC(), System.in, out, err).execute(args));
  }

  /**
   * The {@code adaptive} command with all its subcommands, writing to {@code out} and {@code err}
   * and reading {@code in} (for {@code serve}); {@code execute(args)} runs it and returns the exit
   * code. This is what tests drive.
   *
   * @param clock the time that "3s ago" is measured from, and cancel requests are stamped with
   * @param in what {@code serve} reads requests from
   * @param out where results go
   * @param err where messages go
   */
  public static CommandLine commandLine(
      Clock clock, InputStream in, PrintWriter out, PrintWriter err) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(in, "in");
    CommandLine commandLine = new CommandLine(new AdaptiveCli(clock, in));
    commandLine.setOut(Objects.requireNonNull(out, "out"));
    commandLine.setErr(Objects.requireNonNull(err, "err"));
    commandLine.setExitCodeExceptionMapper(e -> e instanceof ParameterException ? USAGE : PROBLEM);
    commandLine.setExecutionExceptionHandler(AdaptiveCli::report);
    commandLine.setParameterExceptionHandler(AdaptiveCli::usage);
    return commandLine;
  }

  /** Without a subcommand: the usage, and a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  Clock clock() {
    return clock;
  }

  InputStream in() {
    return in;
  }

  // Our exceptions say what, where and the fix: the message is the whole report. Anything else is
  // a bug, and its stack trace is what a bug report needs.
  private static int report(Exception e, CommandLine commandLine, ParseResult parsed) {
    PrintWriter err = commandLine.getErr();
    String prefix = commandLine.getCommandSpec().qualifiedName() + ": ";
    if (e instanceof AdaptiveException
        || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException
        || e instanceof UncheckedIOException) {
      String message = e.getMessage();
      if (e instanceof UncheckedIOException io && io.getCause() != null) {
        message += ": " + io.getCause().getMessage();
      }
      err.println(prefix + message);
    } else {
      err.println(prefix + "failed unexpectedly: " + e);
      e.printStackTrace(err);
    }
    err.flush();
    return PROBLEM;
  }

  // Picocli's own messages plus one line that says where the help is, rather than the whole help.
  private static int usage(ParameterException e, String[] args) {
    CommandLine commandLine = e.getCommandLine();
    PrintWriter err = commandLine.getErr();
    String name = commandLine.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("see: " + name + " --help");
    err.flush();
    return USAGE;
  }

  /** The version in the jar's manifest; {@code unknown} when run from classes. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = AdaptiveCli.class.getPackage().getImplementationVersion();
      return new String[] {"adaptive " + (version == null ? "(development build)" : version)};
    }
  }
}
