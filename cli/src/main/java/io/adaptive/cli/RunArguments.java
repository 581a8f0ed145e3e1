/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The run directory and the other arguments of a command: the directory is {@code --store DIR},
 * else the first argument, else the current directory if it is a run directory.
 *
 * @param directory the run directory
 * @param rest the arguments after it, e.g. learner names
 */
record RunArguments(Path directory, List<String> rest) {

  /**
   * Splits a command's arguments.
   *
   * <p>Without {@code --store}, the first argument is taken as the learner name rather than the
   * directory when it is not a directory and the current directory is a run directory, so that
   * {@code cd runs/peaks; adaptive logs 'peaks[a=1]'} works.
   *
   * @throws ParameterException if no run directory is given and the current one is none
   */
  static RunArguments of(CommandSpec spec, Path store, List<String> arguments) {
    List<String> all = arguments == null ? List.of() : List.copyOf(arguments);
    if (store != null) {
      return new RunArguments(store, all);
    }
    Path here = Path.of("");
    boolean hereIsARun = isRunDirectory(here);
    if (!all.isEmpty() && (!hereIsARun || Files.isDirectory(Path.of(all.get(0))))) {
      return new RunArguments(Path.of(all.get(0)), all.subList(1, all.size()));
    }
    if (hereIsARun) {
      return new RunArguments(here.toAbsolutePath(), all);
    }
    throw new ParameterException(spec.commandLine(), "which run? give its directory, e.g. "
        + spec.qualifiedName() + " runs/peaks (or --store runs/peaks); the current directory is"
        + " not a run directory");
  }

  /** Refuses arguments after the directory, for commands that take none. */
  RunArguments noMore(CommandSpec spec) {
    if (!rest.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "unexpected argument '" + rest.get(0)
          + "' after the run directory '" + directory + "'; " + spec.qualifiedName()
          + " takes only the run directory");
    }
    return this;
  }

  private static boolean isRunDirectory(Path directory) {
    return Files.exists(directory.resolve("status.tsv"))
        || Files.exists(directory.resolve("run.db"));
  }
}
