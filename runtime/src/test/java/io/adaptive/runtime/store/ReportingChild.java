/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A child JVM for the kill tests: it prints {@code opened <n>} first, then one line per completed
 * save or commit, holding the count it reached; the test kills it at a chosen moment.
 */
final class ReportingChild {

  final Process process;
  final Path stderr;
  final List<String> lines = new CopyOnWriteArrayList<>();

  private ReportingChild(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  static ReportingChild start(Class<?> main, Path stderr, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    ReportingChild child = new ReportingChild(process, stderr);
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  child.lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed
              }
            });
    reader.setDaemon(true);
    reader.start();
    return child;
  }

  /** What the child reported at open; -1 before it did. */
  long opened() {
    return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).substring("opened ".length()));
  }

  /** How many saves or commits it reported completed. */
  int reports() {
    return Math.max(0, lines.size() - 1);
  }

  /** The count of its last completed save or commit; 0 if none. */
  long lastReported() {
    return reports() == 0 ? 0 : Long.parseLong(lines.get(lines.size() - 1));
  }

  String stderr() throws IOException {
    return Files.exists(stderr) ? Files.readString(stderr) : "";
  }
}
