/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Objects;

/**
 * One learner of a plan: what it learns, until when, on what resources.
 *
 * @param name unique in the plan, readable and file-system safe, e.g. {@code peak[a=0.01,x0=0.2]}
 * @param parameters the sweep coordinates that produced this learner, in axis order
 * @param spec the learner's algorithm, domain, loss and function
 * @param goal when the learner is done
 * @param resources what its job asks for
 */
public record LearnerTask(
    String name, List<Parameter> parameters, LearnerSpec spec, Goal goal, ResourceShape resources) {

  public LearnerTask {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(resources, "resources");
  }
}
