/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@link PbsSweepProgram} started as a driver JVM by a test, with its output in a file. */
record PbsDriver(Process process, Path outputFile, Path store) {

  static PbsDriver start(Path dir, Path store, Path bin, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), PbsSweepProgram.class.getName(),
        store.toString(), bin.toString()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(dir, "driver", ".out");
    // In the test's directory: slurm-wlm-torque's jobs leave <script>.o<id> files in it.
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    return new PbsDriver(process, output, store);
  }

  /** Points in the learner's published data snapshot. */
  long rows(String learner) throws IOException {
    Path csv = store.resolve("learners").resolve(learner).resolve("data.csv");
    if (!Files.exists(csv)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(csv)) {
      return Math.max(0, lines.count() - 1);
    }
  }

  /** Waits until {@code learner} has {@code points} saved rows; the error shows what happened. */
  void awaitRows(String learner, long points) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (rows(learner) < points) {
      if (System.nanoTime() > end || !process.isAlive()) {
        throw new AssertionError(learner + " has " + rows(learner) + " saved rows, not " + points
            + (process.isAlive() ? " after 2 minutes" : " and the driver exited")
            + "; driver output:\n" + output() + "\njob logs:\n" + logs());
      }
      Thread.sleep(100);
    }
  }

  int awaitExit() throws InterruptedException {
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("the driver did not finish in 4 minutes:\n" + output() + logs());
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

  /** Every job log of the run, oldest first by name, with its text. */
  String logs() {
    StringBuilder text = new StringBuilder();
    Path dir = store.resolve("logs");
    if (!Files.isDirectory(dir)) {
      return "(no logs)";
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path log : files.sorted().toList()) {
        text.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    } catch (IOException e) {
      text.append(e);
    }
    return text.toString();
  }

  /** The start files of the run's jobs ({@code <host> <epoch> <job id>}), in name order. */
  List<String> startFiles() throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("jobs"))) {
      List<String> lines = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".start")).sorted().toList()) {
        lines.add(Files.readString(f).strip());
      }
      return lines;
    }
  }

  /** The exit files of the run's jobs ({@code jobs/<job>.exit}), by job, in name order. */
  List<String> exitFiles() throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("jobs"))) {
      List<String> lines = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".exit")).sorted().toList()) {
        lines.add(f.getFileName() + " " + Files.readString(f).strip());
      }
      return lines;
    }
  }
}
