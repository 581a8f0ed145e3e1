/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.spi;

import io.adaptive.AdaptiveException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Some jobs of a {@link BackendSession#submitAll} call were submitted and others were not: it says
 * which is which, so that the run manager keeps the jobs that exist and fails only the learners
 * whose jobs do not.
 */
public final class PartialSubmissionException extends AdaptiveException {

  private static final long serialVersionUID = 1L;

  private final List<String> jobIds;
  private final transient Map<Integer, RuntimeException> failures;

  /**
   * @param jobIds for each request, in order, the id of its job; the empty string for a request
   *     whose job was not submitted
   * @param failures why each request that was not submitted failed, keyed by its index in the
   *     requests; one for every empty id, and no other
   * @throws IllegalArgumentException if {@code failures} is empty, or its keys do not match the
   *     empty ids
   */
  public PartialSubmissionException(List<String> jobIds, Map<Integer, RuntimeException> failures) {
    super(message(jobIds, failures), first(failures));
    this.jobIds = List.copyOf(jobIds);
    this.failures = Collections.unmodifiableMap(new TreeMap<>(failures));
    List<Integer> empty = new ArrayList<>();
    for (int i = 0; i < jobIds.size(); i++) {
      if (jobIds.get(i).isEmpty()) {
        empty.add(i);
      }
    }
    if (failures.isEmpty() || !empty.equals(List.copyOf(this.failures.keySet()))) {
      throw new IllegalArgumentException("the failures " + this.failures.keySet() + " must be"
          + " exactly the requests without a job id " + empty);
    }
  }

  /** The failure of the first request that was not submitted; null if none. */
  private static RuntimeException first(Map<Integer, RuntimeException> failures) {
    return failures.isEmpty() ? null : new TreeMap<>(failures).firstEntry().getValue();
  }

  private static String message(List<String> jobIds, Map<Integer, RuntimeException> failures) {
    Objects.requireNonNull(jobIds, "jobIds");
    Objects.requireNonNull(failures, "failures");
    RuntimeException first = first(failures);
    return String.format(Locale.ROOT, "%d of %d jobs could not be submitted; the first failure: %s",
        failures.size(), jobIds.size(), first == null ? "none" : first.getMessage());
  }

  /** For each request, in order, its job's id; the empty string if it was not submitted. */
  public List<String> jobIds() {
    return jobIds;
  }

  /** Why each request that was not submitted failed, keyed by its index in the requests. */
  public Map<Integer, RuntimeException> failures() {
    return failures;
  }
}
