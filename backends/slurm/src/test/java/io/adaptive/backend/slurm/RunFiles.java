/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the SLURM integration tests read from a run directory: saved rows, job logs. */
final class RunFiles {

  private static final Pattern RESUMED = Pattern.compile("resumed from (\\d+) saved points");
  private static final Pattern STOPPED =
      Pattern.compile("saved at (\\d+) points and stopped: ([^\\n]*)");

  private RunFiles() {}

  /** Points in the learner's published data snapshot. */
  static long rows(Path store, String learner) throws IOException {
    Path csv = store.resolve("learners").resolve(learner).resolve("data.csv");
    if (!Files.exists(csv)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(csv)) {
      return Math.max(0, lines.count() - 1);
    }
  }

  /** The job logs of {@code learner}, oldest job first (the run manager numbers its jobs). */
  static List<Path> logs(Path store, String learner) throws IOException {
    Path dir = store.resolve("logs");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(learner + ".j"))
          .filter(p -> p.toString().endsWith(".log"))
          .sorted((a, b) -> Long.compare(jobNumber(a), jobNumber(b))).toList();
    }
  }

  /** For each job log of {@code learner}, oldest first, how many saved points its worker loaded. */
  static List<Long> resumedCounts(Path store, String learner) throws IOException {
    List<Long> counts = new ArrayList<>();
    for (Path log : logs(store, learner)) {
      Matcher m = RESUMED.matcher(Files.readString(log));
      if (m.find()) {
        counts.add(Long.parseLong(m.group(1)));
      }
    }
    return counts;
  }

  /** True once the learner's latest job log says its worker loaded its data and started. */
  static boolean working(Path store, String learner) throws IOException {
    List<Path> logs = logs(store, learner);
    return !logs.isEmpty() && RESUMED.matcher(Files.readString(logs.get(logs.size() - 1))).find();
  }

  /** "saved at N points and stopped: why" in a job log: N, or -1 if the log has no such line. */
  static long savedWhenStopped(Path log, String why) throws IOException {
    Matcher m = STOPPED.matcher(Files.readString(log));
    while (m.find()) {
      if (m.group(2).startsWith(why)) {
        return Long.parseLong(m.group(1));
      }
    }
    return -1;
  }

  /** Everything in the job logs of the run, for failure messages. */
  static String allLogs(Path store) {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.list(store.resolve("logs"))) {
      for (Path log : files.sorted().toList()) {
        text.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    } catch (IOException e) {
      text.append("(no logs: ").append(e).append(")");
    }
    return text.toString();
  }

  // Job logs are named <learner>.j<n>-<base-36 millis>.log.
  private static long jobNumber(Path log) {
    Matcher m = Pattern.compile("\\.j(\\d+)-([0-9a-z]+)\\.log$").matcher(log.getFileName().toString());
    return m.find() ? Long.parseLong(m.group(2), 36) * 1000 + Long.parseLong(m.group(1)) : 0;
  }
}
