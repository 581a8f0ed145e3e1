/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of one job attempt in {@code <runDirectory>/jobs/}, named after the run manager's job
 * id (unique per attempt, known before submission, and never reused, unlike scheduler job ids,
 * which restart after a controller loses its state):
 *
 * <ul>
 *   <li>{@code <job>.<suffix>}: the job script, kept;
 *   <li>{@code <job>.start}: written by the script when it starts: {@code <host> <epoch seconds>
 *       <scheduler job id>};
 *   <li>{@code <job>.pid}: the worker JVM's process id, once it has started;
 *   <li>{@code <job>.walltime}: written when the walltime warning (USR1) arrives: epoch seconds;
 *   <li>{@code <job>.exit}: written when the worker has ended: {@code <status>} or
 *       {@code <status> walltime};
 *   <li>{@code <job>.evaluators}: the rendezvous of a multi-task job's evaluators.
 * </ul>
 *
 * All are written atomically (a temporary file, then a rename).
 *
 * @param directory {@code <runDirectory>/jobs}, absolute
 * @param job the run manager's job id
 * @param scriptSuffix the scheduler's script suffix
 */
record JobFiles(Path directory, String job, String scriptSuffix) {

  /** The files of {@code job} in {@code runDirectory}. */
  static JobFiles of(Path runDirectory, String job, String scriptSuffix) {
    return new JobFiles(runDirectory.toAbsolutePath().resolve("jobs"), job, scriptSuffix);
  }

  Path script() {
    return directory.resolve(job + "." + scriptSuffix);
  }

  Path start() {
    return directory.resolve(job + ".start");
  }

  Path pid() {
    return directory.resolve(job + ".pid");
  }

  Path walltime() {
    return directory.resolve(job + ".walltime");
  }

  Path exit() {
    return directory.resolve(job + ".exit");
  }

  Path evaluators() {
    return directory.resolve(job + ".evaluators");
  }

  /**
   * The exit file's content, if the script wrote it.
   *
   * @return empty if there is no exit file yet, or if it cannot be read or parsed (then it is
   *     read again at the next poll)
   */
  Optional<ExitRecord> readExit() {
    try {
      return ExitRecord.parse(Files.readString(exit(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  boolean started() {
    return Files.exists(start());
  }

  boolean warnedOfWalltime() {
    return Files.exists(walltime());
  }

  /**
   * What the job script wrote when its worker ended.
   *
   * @param status the worker's exit status
   * @param walltime true if the walltime warning had arrived before
   */
  record ExitRecord(int status, boolean walltime) {

    static Optional<ExitRecord> parse(String text) {
      String[] words = text.trim().split("\\s+");
      if (words.length == 0 || words.length > 2 || words[0].isEmpty()) {
        return Optional.empty();
      }
      if (words.length == 2 && !words[1].equals("walltime")) {
        return Optional.empty();
      }
      try {
        return Optional.of(new ExitRecord(Integer.parseInt(words[0]), words.length == 2));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return status + (walltime ? " walltime" : "");
    }
  }
}
