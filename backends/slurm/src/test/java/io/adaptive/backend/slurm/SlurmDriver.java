/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link SlurmSweepProgram} started by a test as a driver JVM, with the test's command wrappers
 * first on its PATH (the jobs inherit that PATH) and its output in a file.
 */
record SlurmDriver(Process process, Path outputFile) {

  static SlurmDriver start(Path dir, Path store, CommandWrappers wrappers, String... args)
      throws IOException {
    return start(dir, store, wrappers, System.getProperty("java.class.path"), args);
  }

  /**
   * Like {@link #start(Path, Path, CommandWrappers, String...)}, but with every class path entry
   * relative to {@code dir}, the driver's working directory, as in {@code java -cp
   * target/app.jar Main} typed in a project directory.
   */
  static SlurmDriver startWithRelativeClassPath(Path dir, Path store, CommandWrappers wrappers,
      String... args) throws IOException {
    List<String> relative = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      relative.add(dir.toAbsolutePath().relativize(Path.of(entry).toAbsolutePath()).toString());
    }
    return start(dir, store, wrappers, String.join(java.io.File.pathSeparator, relative), args);
  }

  private static SlurmDriver start(Path dir, Path store, CommandWrappers wrappers,
      String classPath, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
        "-cp", classPath, SlurmSweepProgram.class.getName(), store.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "driver", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).directory(dir.toFile());
    builder.environment().put("PATH", wrappers.path());
    return new SlurmDriver(builder.start(), output);
  }

  /** Waits for the driver's exit; on a timeout kills it and fails with its output. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the driver did not finish in " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  /** Kills the driver with SIGKILL (no shutdown hook runs) and waits until it is gone. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  String output() {
    try {
      return Files.readString(outputFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
