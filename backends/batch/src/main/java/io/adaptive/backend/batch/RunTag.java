/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.AdaptiveException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short tag that marks a run's jobs at the scheduler: 4 characters of {@code [a-z0-9]}, made
 * once and kept in {@code <runDirectory>/jobs/run-tag}, so that a restarted run manager finds the
 * jobs of the run it resumes.
 */
final class RunTag {

  static final String FILE = "run-tag";
  private static final Pattern VALID = Pattern.compile("[a-z0-9]{4}");
  private static final Pattern JOB_SEQUENCE = Pattern.compile("j(\\d+)-.*");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_NAME_LENGTH = 15;

  private RunTag() {}

  /**
   * The tag of {@code runDirectory}: the one kept there, or a new one, kept from now on.
   *
   * @throws AdaptiveException if the file cannot be read or written, or holds something else
   */
  static String of(Path runDirectory) {
    Path file = runDirectory.toAbsolutePath().resolve("jobs").resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        SecureRandom random = new SecureRandom();
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 4; i++) {
          tag.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        try {
          Files.writeString(file, tag + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException raced) {
          // another session made it first: use that one
        }
      }
      String tag = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (!VALID.matcher(tag).matches()) {
        throw new AdaptiveException("the run tag in " + file + " is '" + tag + "', not 4 characters"
            + " of [a-z0-9]; fix: delete the file if no job of this run is alive (a new tag is then"
            + " made), or restore its old content");
      }
      return tag;
    } catch (IOException e) {
      throw new AdaptiveException("cannot read or create the run tag " + file + ": " + e
          + "; fix: make the run directory writable", e);
    }
  }

  /**
   * The scheduler job name of the run manager's job {@code job}: {@code <prefix><tag>-<n>}, where
   * {@code n} is the job's sequence number in its id {@code j<n>-...} (or {@code fallback}),
   * shortened to keep the name within 15 characters.
   */
  static String jobName(String prefix, String tag, String job, long fallback) {
    Matcher matcher = JOB_SEQUENCE.matcher(job);
    String number = matcher.matches() ? matcher.group(1) : Long.toString(fallback);
    int room = MAX_NAME_LENGTH - prefix.length() - tag.length() - 1;
    if (number.length() > room) {
      number = number.substring(number.length() - room);
    }
    return prefix + tag + "-" + number;
  }

  /** The job names of a run start with this. */
  static String namePrefix(String prefix, String tag) {
    return prefix + tag + "-";
  }

  /**
   * The scheduler comment of a job array (every task shows it):
   * {@code adaptive:run=<tag>;array=<first job>;tasks=<n>}.
   */
  static String arrayComment(String tag, String firstJob, int tasks) {
    return "adaptive:run=" + tag + ";array=" + firstJob + ";tasks=" + tasks;
  }

  /** The scheduler comment of a job: {@code adaptive:run=<tag>;job=<job>}. */
  static String comment(String tag, String job) {
    return "adaptive:run=" + tag + ";job=" + job;
  }
}
