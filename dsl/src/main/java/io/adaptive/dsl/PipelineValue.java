/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.ExecutionPlan;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The one implementation of {@link Pipeline}. */
record PipelineValue(String name, List<Experiment> stages) implements Pipeline {

  PipelineValue {
    Objects.requireNonNull(name, "name");
    stages = List.copyOf(stages);
  }

  @Override
  public ExecutionPlan compile() {
    return ExperimentCompiler.compile(name, stages);
  }

  /** The pipeline as DSL text, e.g. {@code pipeline("study", refine, report)}. */
  @Override
  public String toString() {
    return stages.stream().map(stage -> ", " + stage.name())
        .collect(Collectors.joining("", "pipeline(" + DslText.string(name), ")"));
  }
}
