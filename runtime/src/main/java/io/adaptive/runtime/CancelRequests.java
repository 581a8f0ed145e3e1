/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancel requests left in {@code <run>/requests/} by {@code bin/adaptive cancel}: files named
 * {@code cancel-*.txt}, each holding learner names one per line, or {@code *} for all. They are
 * written atomically (temporary file, then rename), so a file that is there is complete.
 */
final class CancelRequests {

  private static final Logger log = LoggerFactory.getLogger(CancelRequests.class);

  private CancelRequests() {}

  /** The names in every request file, each file removed once read. */
  static List<String> take(Path requests) {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(requests)) {
      return names;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(requests, "cancel-*.txt")) {
      for (Path file : files) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank()) {
            names.add(line.strip());
          }
        }
        Files.delete(file);
      }
    } catch (IOException e) {
      log.warn("reading cancel requests in {} failed: {}", requests, e.toString());
    }
    return names;
  }
}
