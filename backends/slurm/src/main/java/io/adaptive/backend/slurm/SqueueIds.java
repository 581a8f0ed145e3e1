/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The job ids in squeue's {@code %i}: a job {@code 123}, an array task {@code 123_4}, or pending
 * array tasks folded into one line, {@code 123_[0-7]}, {@code 123_[0-1,4-7]} or with a throttle
 * {@code 123_[2-7%4]}. With {@code --array} SLURM 22.05 prints every task on its own line
 * (checked); folded lines are read anyway, since other versions and the plain command print them.
 */
final class SqueueIds {

  private static final Pattern FOLDED = Pattern.compile("(\\d+)_\\[([0-9,\\-]+)(%\\d+)?\\]");
  private static final Pattern RANGE = Pattern.compile("(\\d+)(?:-(\\d+))?");
  /** More tasks than any MaxArraySize allows: a line that claims them is not read as a range. */
  private static final int MOST = 4_000_001;

  private SqueueIds() {}

  /**
   * The ids {@code field} stands for: itself, or one {@code <array>_<index>} per task of a folded
   * line.
   *
   * @throws IllegalArgumentException if a folded line's ranges cannot be read
   */
  static List<String> expand(String field) {
    Matcher folded = FOLDED.matcher(field);
    if (!folded.matches()) {
      if (field.contains("[")) {
        throw new IllegalArgumentException("job id '" + field + "' looks like folded array tasks,"
            + " but not like 123_[0-7] or 123_[0-1,4-7%2]");
      }
      return List.of(field);
    }
    String array = folded.group(1);
    List<String> ids = new ArrayList<>();
    for (String part : folded.group(2).split(",")) {
      Matcher range = RANGE.matcher(part);
      if (!range.matches()) {
        throw new IllegalArgumentException("job id '" + field + "' holds the range '" + part
            + "', not <from>-<to> or <index>");
      }
      long from = Long.parseLong(range.group(1));
      long to = range.group(2) == null ? from : Long.parseLong(range.group(2));
      if (to < from || to - from + ids.size() > MOST) {
        throw new IllegalArgumentException("job id '" + field + "' holds the range '" + part
            + "', which is empty or larger than any array");
      }
      for (long index = from; index <= to; index++) {
        ids.add(array + "_" + index);
      }
    }
    return ids;
  }
}
