/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.runtime.spi.JobRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * One job attempt made ready for submission: its name, files and script text. Making it has no
 * side effect; {@link #write()} puts the script in the run directory.
 *
 * @param description the job's name, comment, output and shape
 * @param files where its script, start and exit files go
 * @param script the job script's text
 * @param tag the run tag
 */
record PreparedJob(JobDescription description, JobFiles files, String script, String tag) {

  /**
   * Prepares {@code request}.
   *
   * @param sequence the session's count of jobs, for job names when the manager's job id has no
   *     number
   * @param command the user's program as it was started (the request's relaunch command)
   */
  static PreparedJob of(Scheduler scheduler, BatchSettings settings, JobRequest request,
      String tag, long sequence, List<String> command) {
    Path runDirectory = request.runDirectory().toAbsolutePath();
    JobFiles files = JobFiles.of(runDirectory, request.job(), scheduler.scriptSuffix());
    JobDescription description = new JobDescription(
        RunTag.jobName(settings.namePrefix(), tag, request.job(), sequence),
        RunTag.comment(tag, request.job()), request.log().toAbsolutePath(), request.resources());
    List<String> worker = WorkerCommand.of(command, settings.java(), settings.javaOptions(),
        request.resources());
    String text = JobScript.render(scheduler, description, request.learner(), runDirectory,
        request.launch().environment(), files, worker);
    return new PreparedJob(description, files, text, tag);
  }

  /**
   * Writes the script (atomically) and makes the directories of its files and of the job's log.
   *
   * @throws IOException if they cannot be written
   */
  void write() throws IOException {
    Files.createDirectories(files.directory());
    Files.createDirectories(description.output().getParent());
    Path temporary = files.script().resolveSibling(files.script().getFileName() + ".tmp");
    Files.writeString(temporary, script, StandardCharsets.UTF_8);
    Files.move(temporary, files.script(), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
