/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.JobRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several job attempts of one shape made ready for submission as one job array: task {@code i}
 * runs {@code jobs().get(i)}. Each job keeps its own files ({@code <job>.start},
 * {@code .exit}, ...) and log, as if it were submitted alone. Making it has no side effect; {@link #write()} puts the
 * script, and the links that lead each task's output into its job's log, in the run directory:
 *
 * <ul>
 *   <li>{@code <first job>-array.<suffix>}: the array's script, kept; {@code <job>.<suffix>} of
 *       each job links to it;
 *   <li>{@code <first job>-array.<i>.log}: where the scheduler writes task {@code i}'s output, a
 *       link to its job's log, so that the scheduler's own lines (a cancel, a time limit) land
 *       there too.
 * </ul>
 *
 * @param description the array's name, comment, output pattern and shape
 * @param jobs the jobs, one per task, in index order
 * @param script where the array's script goes
 * @param text the script's text
 * @param tag the run tag
 */
record PreparedArray(JobDescription description, List<PreparedJob> jobs, Path script, String text,
    String tag) {

  PreparedArray {
    jobs = List.copyOf(jobs);
  }

  /**
   * Prepares {@code requests} as one array.
   *
   * @param firstSequence the session's count of jobs for the first request (the next ones follow)
   * @param command the user's program as it was started; the same for every request
   * @throws IllegalArgumentException if the requests differ in resources, run directory or
   *     command, or are fewer than 2 or more than {@code arrays.maxTasks()}
   */
  static PreparedArray of(Scheduler scheduler, JobArrays arrays, BatchSettings settings,
      List<JobRequest> requests, String tag, long firstSequence, List<String> command) {
    if (requests.size() < 2 || requests.size() > arrays.maxTasks()) {
      throw new IllegalArgumentException("a job array has 2 to " + arrays.maxTasks()
          + " tasks, not " + requests.size());
    }
    JobRequest first = requests.get(0);
    ResourceShape shape = first.resources();
    Path runDirectory = first.runDirectory().toAbsolutePath();
    for (JobRequest request : requests) {
      if (!request.resources().equals(shape)
          || !request.runDirectory().toAbsolutePath().equals(runDirectory)
          || !request.launch().command().equals(first.launch().command())) {
        throw new IllegalArgumentException("job " + request.job() + " differs from job "
            + first.job() + " in its resources, run directory or command; an array holds jobs"
            + " that differ only in their learners");
      }
    }
    List<PreparedJob> jobs = new ArrayList<>();
    List<JobScript.ArrayTask> tasks = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      JobRequest request = requests.get(i);
      PreparedJob job = PreparedJob.of(scheduler, settings, request, tag, firstSequence + i,
          command);
      jobs.add(job);
      tasks.add(new JobScript.ArrayTask(request.learner(), request.launch().environment(),
          job.files()));
    }
    Path directory = jobs.get(0).files().directory();
    String base = first.job() + "-array";
    JobDescription description = new JobDescription(
        RunTag.jobName(settings.namePrefix(), tag, first.job(), firstSequence),
        RunTag.arrayComment(tag, first.job(), requests.size()),
        directory.resolve(base + "." + arrays.indexPlaceholder() + ".log"), shape);
    List<String> directives = arrays.directives(scheduler.directives(description),
        requests.size());
    String text = JobScript.renderArray(scheduler, arrays, directives, tasks, shape, runDirectory,
        WorkerCommand.of(command, settings.java(), settings.javaOptions(), shape));
    return new PreparedArray(description, jobs, directory.resolve(base + "."
        + scheduler.scriptSuffix()), text, tag);
  }

  /**
   * How jobs go into arrays: the indexes of {@code keys}, grouped by equal key in order of first
   * appearance, each group cut into chunks of at most {@code most}. A chunk of one is a job
   * submitted alone.
   */
  static List<List<Integer>> chunks(List<?> keys, int most) {
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      groups.computeIfAbsent(keys.get(i), key -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> chunks = new ArrayList<>();
    for (List<Integer> group : groups.values()) {
      for (int from = 0; from < group.size(); from += most) {
        chunks.add(group.subList(from, Math.min(group.size(), from + most)));
      }
    }
    return chunks;
  }

  /** Where the scheduler writes the output of task {@code index}: a link to its job's log. */
  Path output(int index) {
    return script.resolveSibling(jobs.get(0).files().job() + "-array." + index + ".log");
  }

  /**
   * Writes the script (atomically), links each job's script name to it and each task's output to
   * its job's log, and makes the directories of the logs.
   *
   * @throws IOException if they cannot be written
   */
  void write() throws IOException {
    Files.createDirectories(script.getParent());
    Path temporary = script.resolveSibling(script.getFileName() + ".tmp");
    Files.writeString(temporary, text, StandardCharsets.UTF_8);
    Files.move(temporary, script, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    for (int i = 0; i < jobs.size(); i++) {
      PreparedJob job = jobs.get(i);
      Path log = job.description().output();
      Files.createDirectories(log.getParent());
      link(job.files().script(), script.getFileName());
      link(output(i), log);
    }
  }

  private static void link(Path link, Path target) throws IOException {
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, target);
  }
}
