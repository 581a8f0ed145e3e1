/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the integration tests read from a run directory: saved rows, job logs, resume counts. */
final class RunDirectoryFiles {

  private static final Pattern RESUMED = Pattern.compile("resumed from (\\d+) saved points");

  private RunDirectoryFiles() {}

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

  /** The job logs, oldest job first. */
  static List<Path> logs(Path store) throws IOException {
    try (Stream<Path> files = Files.list(store.resolve("logs"))) {
      return files.filter(p -> p.toString().endsWith(".log"))
          .sorted((a, b) -> Long.compare(jobNumber(a), jobNumber(b))).toList();
    }
  }

  /** For each job log, oldest first, how many saved points its worker started from. */
  static List<Long> resumedCounts(Path store) throws IOException {
    List<Long> counts = new ArrayList<>();
    for (Path log : logs(store)) {
      Matcher m = RESUMED.matcher(Files.readString(log));
      if (m.find()) {
        counts.add(Long.parseLong(m.group(1)));
      }
    }
    return counts;
  }

  // Job logs are named <learner>.j<n>-<time>.log; n counts up within one driver's run.
  private static long jobNumber(Path log) {
    Matcher m = Pattern.compile("\\.j(\\d+)-([0-9a-z]+)\\.log$").matcher(log.getFileName().toString());
    return m.find() ? Long.parseLong(m.group(2), 36) * 1000 + Long.parseLong(m.group(1)) : 0;
  }
}
