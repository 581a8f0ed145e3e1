/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link SweepProgram} started as a driver JVM by a test, with its output in a file. */
record Driver(Process process, Path outputFile) {

  static Driver start(Path dir, Path store, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), SweepProgram.class.getName(),
        store.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "driver", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    return new Driver(process, output);
  }

  /** The worker JVMs the driver runs now. */
  List<ProcessHandle> workers() {
    return process.children().toList();
  }

  /**
   * Waits until {@code learner} has at least {@code points} saved rows; on a timeout the error
   * shows the driver's output and the job logs, so that a slow or stuck run can be told apart.
   */
  void awaitRows(Path store, String learner, long points) throws IOException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (RunDirectoryFiles.rows(store, learner) < points) {
      if (System.nanoTime() > end || !process.isAlive()) {
        StringBuilder logs = new StringBuilder();
        if (Files.isDirectory(store.resolve("logs"))) {
          for (Path log : RunDirectoryFiles.logs(store)) {
            logs.append("--- ").append(log.getFileName()).append('\n')
                .append(Files.readString(log));
          }
        }
        throw new AssertionError(learner + " has " + RunDirectoryFiles.rows(store, learner)
            + " saved rows, not " + points + (process.isAlive() ? " after 2 minutes" : " and the"
            + " driver exited") + "; driver output:\n" + output() + "\njob logs:\n" + logs);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  int awaitExit() throws InterruptedException {
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("the driver did not finish in 3 minutes:\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    try {
      return Files.readString(outputFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
