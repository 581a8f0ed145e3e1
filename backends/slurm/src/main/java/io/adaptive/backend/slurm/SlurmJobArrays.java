/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.backend.batch.JobArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * SLURM job arrays (checked against 22.05): {@code #SBATCH --array=0-<n-1>}, task {@code i} of
 * array {@code 123} is {@code 123_i} in squeue and scancel, and each task's output goes to its own
 * file through {@code %a}.
 *
 * @param maxTasks the most tasks per array; SLURM refuses indexes from its {@code MaxArraySize}
 *     on (default 1001)
 */
record SlurmJobArrays(int maxTasks) implements JobArrays {

  SlurmJobArrays {
    if (maxTasks < 2) {
      throw new IllegalArgumentException("an array of at most " + maxTasks + " tasks is no array");
    }
  }

  @Override
  public List<String> directives(List<String> jobDirectives, int tasks) {
    List<String> lines = new ArrayList<>(jobDirectives);
    lines.add("#SBATCH --array=0-" + (tasks - 1));
    return lines;
  }

  @Override
  public String indexPlaceholder() {
    return "%a";
  }

  @Override
  public String indexExpression() {
    return "\"${SLURM_ARRAY_TASK_ID}\"";
  }

  @Override
  public String taskIdExpression() {
    // SLURM_JOB_ID of a task is a number of its own; squeue and scancel know it as <array>_<index>.
    return "\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"";
  }

  @Override
  public String taskId(String arrayJobId, int index) {
    return arrayJobId + "_" + index;
  }

  @Override
  public String arrayJobId(String taskId) {
    int underscore = taskId.indexOf('_');
    return underscore < 0 ? taskId : taskId.substring(0, underscore);
  }
}
