/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled experiment: every learner that runs, complete and immutable.
 *
 * <p>Built by {@code Experiment.compile()}. Where and how it runs (backend, store directory,
 * intervals) is not part of the plan but of the runner that runs it.
 *
 * @param experiment the experiment name; also the default store directory {@code runs/<experiment>}
 * @param learners the learners in a fixed order (stage order, then sweep order), names unique;
 *     each learner's {@link LearnerTask#dependsOn() dependencies} come before it, so this order is
 *     one in which they can run
 */
public record ExecutionPlan(String experiment, List<LearnerTask> learners) {

  public ExecutionPlan {
    Objects.requireNonNull(experiment, "experiment");
    learners = List.copyOf(learners);
    checkDependencies(experiment, learners);
  }

  // Dependencies must name earlier learners: then the plan order is a topological order, a cycle
  // cannot be written down, and a run manager needs no graph search to gate submissions.
  private static void checkDependencies(String experiment, List<LearnerTask> learners) {
    Set<String> earlier = new HashSet<>();
    for (LearnerTask task : learners) {
      for (String dependency : task.dependsOn()) {
        if (!earlier.contains(dependency)) {
          boolean inPlan = learners.stream().anyMatch(t -> t.name().equals(dependency));
          String why = dependency.equals(task.name()) ? "itself"
              : inPlan ? "'" + dependency + "', which comes later in the plan"
              : "'" + dependency + "', which the plan does not have";
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "in experiment '%s', learner '%s' depends on %s; a learner may only depend on"
                  + " learners listed before it", experiment, task.name(), why));
        }
      }
      earlier.add(task.name());
    }
  }

  /** Whether some learner waits for another; if not, every learner may start at once. */
  public boolean hasDependencies() {
    return learners.stream().anyMatch(task -> !task.dependsOn().isEmpty());
  }

  /**
   * Every learner that waits for {@code learner}, directly or through others, in plan order: what
   * can no longer run if {@code learner} fails.
   *
   * @param learner a learner of this plan
   * @return the names; empty if no learner waits for it
   * @throws IllegalArgumentException if the plan has no such learner
   */
  public List<String> downstreamOf(String learner) {
    int index = learners.indexOf(learner(learner));
    Set<String> waiting = new HashSet<>(Set.of(learner));
    List<String> downstream = new ArrayList<>();
    for (LearnerTask task : learners.subList(index + 1, learners.size())) {
      if (task.dependsOn().stream().anyMatch(waiting::contains)) {
        waiting.add(task.name());
        downstream.add(task.name());
      }
    }
    return List.copyOf(downstream);
  }

  /**
   * Every learner that {@code learner} waits for, directly or through others, in plan order: all
   * of them are done before it starts, so their data is final and it may read it.
   *
   * @param learner a learner of this plan
   * @return the names; empty for a learner without dependencies
   * @throws IllegalArgumentException if the plan has no such learner
   */
  public List<String> upstreamOf(String learner) {
    LearnerTask start = learner(learner);
    Map<String, LearnerTask> byName = new HashMap<>();
    learners.forEach(task -> byName.put(task.name(), task));
    Set<String> upstream = new HashSet<>();
    List<LearnerTask> open = new ArrayList<>(List.of(start));
    while (!open.isEmpty()) {
      LearnerTask task = open.remove(open.size() - 1);
      for (String dependency : task.dependsOn()) {
        if (upstream.add(dependency)) {
          open.add(byName.get(dependency));
        }
      }
    }
    return learners.stream().map(LearnerTask::name).filter(upstream::contains).toList();
  }

  /**
   * The learner called {@code name}.
   *
   * @throws IllegalArgumentException if the plan has no such learner; the message lists a few names
   */
  public LearnerTask learner(String name) {
    for (LearnerTask task : learners) {
      if (task.name().equals(name)) {
        return task;
      }
    }
    List<String> some = learners.stream().limit(5).map(LearnerTask::name).toList();
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "experiment '%s' has no learner '%s'; it has %d learners, for example %s",
        experiment, name, learners.size(), some));
  }

  /**
   * The SHA-256 fingerprint of what defines the plan's data, as 64 lowercase hex digits: derived
   * from the experiment name and each learner's {@linkplain LearnerTask#fingerprint() fingerprint},
   * in plan order. So it changes when a learner is added, removed, reordered or redefined, and not
   * when a goal, the resources or the dependencies change. Computed on each call.
   *
   * @return 64 lowercase hex digits
   */
  public String fingerprint() {
    return Fingerprint.of(this);
  }

  /**
   * What will run, as deterministic line-oriented text: the same plan gives the same text in every
   * JVM. Tools diff it, so its lines are stable API.
   *
   * <p>The first line names the experiment, counts its learners and gives the plan's {@linkplain
   * #fingerprint() fingerprint}; then one block per learner, whose last line is its {@linkplain
   * LearnerTask#fingerprint() fingerprint}. Both are shortened to their first and last four hex
   * digits ({@code 3557…4fa3}), as the run's messages shorten them when they refuse stored data.
   */
  public String explain() {
    StringBuilder text = new StringBuilder();
    text.append("experiment ").append(experiment).append(": ").append(learners.size())
        .append(learners.size() == 1 ? " learner" : " learners").append(", fingerprint ")
        .append(Fingerprint.abbreviate(fingerprint())).append('\n');
    for (LearnerTask task : learners) {
      text.append(PlanText.explain(task));
    }
    return text.toString();
  }
}
