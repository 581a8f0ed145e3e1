/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerNames;
import io.adaptive.plan.LearnerTask;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compiles the stages of a pipeline into one plan: orders them (upstream first), works out what
 * each learner waits for, compiles each stage as {@link ExperimentCompiler} compiles an
 * experiment, and checks what only the whole can get wrong (stage names, selectors). Every problem of every stage is
 * reported together.
 *
 * <p>No cycle check: experiments are immutable and {@code after(..)} takes existing values, so
 * the stages reachable from a pipeline form a DAG. Two stages with one name could still look like
 * a cycle by name; that is reported as such.
 */
final class Stages {

  static final UpstreamSelector SAME_AXIS_VALUES = (point, upstream) -> {
    Map<String, Object> mine = new HashMap<>();
    point.parameters().forEach(p -> mine.put(p.axis(), p.value()));
    return upstream.stream()
        .filter(u -> u.parameters().stream()
            .allMatch(p -> !mine.containsKey(p.axis()) || mine.get(p.axis()).equals(p.value())))
        .map(Point::name)
        .collect(Collectors.toList());
  };

  /** One stage: its experiment and one point per learner of it. */
  private record Stage(ExperimentDraft experiment, List<SweepPoint> learners) {}

  private Stages() {}

  /**
   * @param name the plan's name
   * @param roots the stages given; their upstream stages are added
   * @param pipeline whether {@code name} and {@code roots} come from {@code pipeline(..)}, whose
   *     name and stage list are checked here; else the one root checks its own name
   */
  static ExecutionPlan compile(String name, List<Experiment> roots, boolean pipeline) {
    List<ExperimentDraft> order = new ArrayList<>();
    for (Experiment root : roots) {
      visit((ExperimentDraft) root, order);
    }
    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    if (pipeline) {
      checks.add(pipelineName(name));
      if (roots.isEmpty()) {
        checks.add(problem("pipeline", "it lists no stages; give it at least one experiment,"
            + " e.g. pipeline(" + DslText.string(name) + ", scan, refine)"));
      }
    }
    checks.addAll(stageNames(order));

    // Learner names escape the stage name injectively (see LearnerNames), so learners of stages
    // with different names never share a name; stages with one name are reported above.
    Map<String, Stage> stages = new LinkedHashMap<>();
    Map<String, Integer> index = new HashMap<>(); // learner name -> plan index
    for (ExperimentDraft experiment : order) {
      Stage stage = new Stage(experiment, learnerPoints(experiment));
      stages.putIfAbsent(experiment.name(), stage);
      for (SweepPoint learner : stage.learners()) {
        index.putIfAbsent(learner.name(), index.size());
      }
    }

    List<Validation<Seq<Problem>, List<LearnerTask>>> compiled = new ArrayList<>();
    for (ExperimentDraft experiment : order) {
      compiled.add(stage(experiment, stages, index));
    }
    Validation<Seq<Problem>, ExecutionPlan> plan = Validation.combine(
            Validation.<Problem, Object>sequence(checks).mapError(Function.identity()),
            Validation.sequence(compiled).mapError(Function.identity()))
        .ap((ok, tasks) -> new ExecutionPlan(name,
            tasks.flatMap(Function.identity()).toJavaList()))
        .mapError(parts -> parts.flatMap(Function.identity()));
    if (plan.isInvalid()) {
      throw new InvalidExperimentException(name, plan.getError().toJavaList());
    }
    return plan.get();
  }

  // Post-order: every stage after the stages it waits for. Equal experiments are one stage.
  private static void visit(ExperimentDraft experiment, List<ExperimentDraft> order) {
    if (order.contains(experiment)) {
      return;
    }
    if (experiment.learn() == null || experiment.goal() == null) {
      // Only reachable by casting an earlier step to Experiment.
      throw new IllegalStateException("experiment '" + experiment.name() + "' is not complete:"
          + " call learn(..) and until(..) before using it as a stage");
    }
    for (Experiment upstream : experiment.after()) {
      visit((ExperimentDraft) upstream, order);
    }
    order.add(experiment);
  }

  private static Validation<Seq<Problem>, Object> pipelineName(String name) {
    if (name.isBlank()) {
      return problem("pipeline", "the name " + DslText.quote(name) + " is blank; give the"
          + " pipeline a name, e.g. pipeline(\"resonance-study\", scan, refine)");
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      return problem("pipeline", "the name " + DslText.quote(name)
          + " contains a control character; use printable characters only");
    }
    return Validation.valid(Boolean.TRUE);
  }

  private static List<Validation<Seq<Problem>, ?>> stageNames(List<ExperimentDraft> order) {
    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    Set<String> selfWaiting = new LinkedHashSet<>();
    for (ExperimentDraft stage : order) {
      for (Experiment upstream : stage.after()) {
        if (upstream.name().equals(stage.name()) && selfWaiting.add(stage.name())) {
          checks.add(problem(stageWhere(stage.name()) + "after(" + stage.name() + ")", "the stage"
              + " runs after a stage with its own name, so it would wait for itself; give the"
              + " stages different names, or drop this after(..)"));
        }
      }
    }
    Map<String, Long> perName = order.stream().collect(
        Collectors.groupingBy(ExperimentDraft::name, LinkedHashMap::new, Collectors.counting()));
    perName.forEach((name, count) -> {
      if (count > 1 && !selfWaiting.contains(name)) {
        checks.add(problem("pipeline", (count == 2 ? "two" : count.toString())
            + " different stages are named " + DslText.quote(name) + "; give each stage its own"
            + " name, or build the stage once and pass that value to every after(..) and"
            + " pipeline(..) that means it"));
      }
    });
    return checks;
  }

  /** One point per learner: the sweep points, or one for a balanced sweep's single learner. */
  private static List<SweepPoint> learnerPoints(ExperimentDraft experiment) {
    if (experiment.balanceStrategy() != null) {
      return List.of(new SweepPoint(LearnerNames.of(experiment.name(), List.of()), List.of(),
          List.of()));
    }
    return ExperimentCompiler.points(experiment.name(), experiment.axes());
  }

  private static Validation<Seq<Problem>, List<LearnerTask>> stage(ExperimentDraft experiment,
      Map<String, Stage> stages, Map<String, Integer> index) {
    String stageWhere = stageWhere(experiment.name());
    List<Stage> upstream = experiment.after().stream()
        .map(u -> stages.get(u.name())).distinct().toList();
    List<Point> upstreamPoints = upstream.stream()
        .flatMap(u -> u.learners().stream()).map(Point.class::cast).toList();
    Set<String> upstreamNames = upstreamPoints.stream().map(Point::name)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    String where = stageWhere + "after(" + experiment.after().stream().map(Experiment::name)
        .collect(Collectors.joining(", ")) + (experiment.afterSelector() == null ? ")" : ", ..)");

    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    Map<String, List<String>> dependsOn = new HashMap<>();
    for (SweepPoint learner : learnerPoints(experiment)) {
      List<String> picked;
      if (experiment.afterSelector() == null) {
        picked = List.copyOf(upstreamNames);
      } else {
        try {
          picked = experiment.afterSelector().select(learner, upstreamPoints);
        } catch (Exception e) {
          String message = e.getMessage() == null ? " (no message)" : " " + DslText.quote(e.getMessage());
          checks.add(problem(where, "for learner " + DslText.quote(learner.name())
              + ", the selector threw " + e.getClass().getName() + message
              + "; make it return upstream learner names for every learner"));
          continue;
        }
        if (picked == null || picked.stream().anyMatch(java.util.Objects::isNull)) {
          checks.add(problem(where, "for learner " + DslText.quote(learner.name())
              + ", the selector returned " + (picked == null ? "null" : "a null name")
              + "; return a list of upstream learner names, or an empty list to wait for none"));
          continue;
        }
        picked.stream().filter(n -> !upstreamNames.contains(n)).distinct()
            .forEach(n -> unknown.add(DslText.quote(n) + " for " + DslText.quote(learner.name())));
      }
      dependsOn.put(learner.name(), picked.stream().filter(upstreamNames::contains).distinct()
          .sorted((a, b) -> Integer.compare(index.get(a), index.get(b))).toList());
    }
    if (!unknown.isEmpty()) {
      String shown = String.join(", ", unknown.subList(0, Math.min(3, unknown.size())))
          + (unknown.size() > 3 ? " and " + (unknown.size() - 3) + " more" : "");
      checks.add(problem(where, "the selector returned names that are not upstream learners: "
          + shown + "; return names of the upstream points it is given, such as "
          + (upstreamNames.isEmpty() ? "none: the upstream stages have no learners"
              : DslText.quote(upstreamNames.iterator().next()))));
    }

    // The learn function sees, on each point, what its learner waits for.
    boolean balanced = experiment.balanceStrategy() != null;
    List<SweepPoint> points = ExperimentCompiler.points(experiment.name(), experiment.axes())
        .stream()
        .map(p -> p.withAfter(dependsOn.getOrDefault(balanced
            ? LearnerNames.of(experiment.name(), List.of()) : p.name(), List.of())))
        .toList();
    Validation<Seq<Problem>, List<LearnerTask>> tasks = ExperimentCompiler.stage(experiment, points)
        .mapError(problems -> problems.map(p -> new Problem(stageWhere + p.where(), p.message())))
        .map(plan -> plan.learners().stream()
            .map(t -> t.withDependsOn(dependsOn.getOrDefault(t.name(), List.of())))
            .toList());
    return Validation.combine(tasks, Validation.<Problem, Object>sequence(checks)
            .mapError(Function.identity()))
        .ap((all, ok) -> all)
        .mapError(parts -> parts.flatMap(Function.identity()));
  }

  private static String stageWhere(String stage) {
    return "stage " + DslText.quote(stage) + " > ";
  }

  private static <T> Validation<Seq<Problem>, T> problem(String where, String message) {
    return Validation.invalid(Vector.of(new Problem(where, message)));
  }
}
