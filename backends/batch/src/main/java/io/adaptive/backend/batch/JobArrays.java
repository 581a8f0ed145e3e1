/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.util.List;

/**
 * How a scheduler submits several jobs of one shape as one job array: one submission, one task per
 * job, each task choosing its job by its index. Offered by {@link Scheduler#jobArrays()} when the
 * backend was asked for arrays. Implementations are immutable and thread-safe.
 *
 * <p>A task is a job like any other for the batch core: its id ({@link #taskId}) is what the
 * status command lists, what {@code cancelCommand} and {@code killCommand} take, and what a
 * restarted run manager adopts.
 */
public interface JobArrays {

  /** The most tasks one array may have, at least 2; larger groups are split. */
  int maxTasks();

  /**
   * The directive lines of an array of {@code tasks} tasks with indexes 0 to {@code tasks - 1}.
   *
   * @param jobDirectives the scheduler's {@link Scheduler#directives} for the array as one job:
   *     its name, comment and output (which holds {@link #indexPlaceholder()}), and its shape
   * @param tasks how many tasks, 2 to {@link #maxTasks()}
   */
  List<String> directives(List<String> jobDirectives, int tasks);

  /**
   * What the scheduler replaces by a task's index in the output path, e.g. {@code %a}; each task's
   * output goes to its own file.
   */
  String indexPlaceholder();

  /**
   * A shell expression that expands, inside a task, to its index, e.g.
   * {@code "${SLURM_ARRAY_TASK_ID}"}.
   */
  String indexExpression();

  /** A shell expression that expands, inside a task, to its id as {@link #taskId} makes it. */
  String taskIdExpression();

  /**
   * The id of task {@code index} of the array that {@link Scheduler#parseSubmitted} returned as
   * {@code arrayJobId}, as the status command lists it, e.g. {@code 123_4}.
   */
  String taskId(String arrayJobId, int index);

  /** The array's own id, given the id of any of its tasks (or the array's id itself). */
  String arrayJobId(String taskId);
}
