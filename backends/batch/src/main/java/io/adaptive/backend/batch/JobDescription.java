/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import io.adaptive.plan.ResourceShape;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a scheduler's directives describe for one job.
 *
 * @param name the job's name, {@code <prefix><runTag>-<n>}: letters, digits, {@code -} and
 *     {@code _}, starting with a letter, at most 15 characters
 * @param comment machine-readable identity, {@code adaptive:run=<runTag>;job=<manager job id>}
 * @param output the absolute path the job's standard output and error are appended to
 * @param resources what the job asks of the machine, complete (backends apply no defaults)
 */
public record JobDescription(String name, String comment, Path output, ResourceShape resources) {

  public JobDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(resources, "resources");
  }
}
