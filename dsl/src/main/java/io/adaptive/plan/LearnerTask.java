/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.List;
import java.util.Objects;

/**
 * One learner of a plan: what it learns, until when, on what resources, and which learners must
 * be done before it starts.
 *
 * @param name unique in the plan, readable and file-system safe, e.g. {@code peak[a=0.01,x0=0.2]}
 * @param parameters the sweep coordinates that produced this learner, in axis order
 * @param spec the learner's algorithm, domain, loss and function
 * @param goal when the learner is done
 * @param resources what its job asks for
 * @param dependsOn the names of the learners of the same plan that must be done before this one
 *     is submitted, in plan order, each once; empty for a learner that can start at once. Not part
 *     of the learner's fingerprint: it says when the learner runs, not what its data is. {@link
 *     ExecutionPlan} checks that each names an earlier learner of the plan
 */
public record LearnerTask(
    String name,
    List<Parameter> parameters,
    LearnerSpec spec,
    Goal goal,
    ResourceShape resources,
    List<String> dependsOn) {

  public LearnerTask {
    Objects.requireNonNull(name, "name");
    parameters = List.copyOf(parameters);
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(goal, "goal");
    Objects.requireNonNull(resources, "resources");
    dependsOn = List.copyOf(dependsOn);
    if (dependsOn.stream().distinct().count() != dependsOn.size()) {
      throw new IllegalArgumentException("learner '" + name + "' lists a dependency twice: "
          + dependsOn);
    }
  }

  /**
   * A learner that waits for no other learner.
   *
   * @throws NullPointerException if an argument is null
   */
  public LearnerTask(
      String name, List<Parameter> parameters, LearnerSpec spec, Goal goal, ResourceShape resources) {
    this(name, parameters, spec, goal, resources, List.of());
  }

  /**
   * The SHA-256 fingerprint of what defines this learner's data, as 64 lowercase hex digits.
   *
   * <p>In it: the learner's {@linkplain #name() name}, its {@linkplain LearnerSpec#type() type},
   * its sweep {@linkplain #parameters() parameters} (axis names and values) and every field its
   * spec {@linkplain LearnerSpec#define defines}: bounds, the loss and its parameters, and so on.
   * Not in it: the {@linkplain #goal() goal}, the {@linkplain #resources() resources} and the
   * {@linkplain #dependsOn() dependencies}, so tightening a goal or asking for more cores, memory
   * or walltime keeps the learner's stored data; nor the function, which no fingerprint can see
   * into.
   *
   * <p>A run's store keeps each learner's fingerprint and refuses to continue a learner whose
   * fingerprint has changed. The same definition gives the same fingerprint in every JVM and every
   * release that keeps the fingerprint format; computed on each call, in time linear in the size of
   * the definition.
   *
   * @return 64 lowercase hex digits
   */
  public String fingerprint() {
    return Fingerprint.of(this);
  }

  /**
   * This learner, waiting for {@code dependsOn} instead.
   *
   * @param dependsOn learner names of the same plan, in plan order
   * @return a copy; this task is unchanged
   */
  public LearnerTask withDependsOn(List<String> dependsOn) {
    return new LearnerTask(name, parameters, spec, goal, resources, dependsOn);
  }
}
