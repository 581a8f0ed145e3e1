/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.AverageLearner1DSpec;
import io.adaptive.plan.AverageLearnerSpec;
import io.adaptive.plan.BalancingLearnerSpec;
import io.adaptive.plan.BalancingStrategy;
import io.adaptive.plan.DataSaverSpec;
import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.Goal;
import io.adaptive.plan.IntegratorLearnerSpec;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.LearnerNames;
import io.adaptive.plan.LearnerSpec;
import io.adaptive.plan.LearnerTask;
import io.adaptive.plan.Learner2DSpec;
import io.adaptive.plan.LearnerNDSpec;
import io.adaptive.plan.LossND;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Loss2D;
import io.adaptive.plan.VectorLearner2DSpec;
import io.adaptive.plan.VectorLearnerNDSpec;
import io.adaptive.plan.Memory;
import io.adaptive.plan.Parameter;
import io.adaptive.plan.ResourceShape;
import io.adaptive.plan.SequenceLearnerSpec;
import io.adaptive.plan.VectorLearner1DSpec;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns an {@link ExperimentDraft} into an {@link ExecutionPlan}, or into every problem at once.
 *
 * <p>Each part (name, sweep, learners, goal, resources) is checked on its own into a vavr
 * {@code Validation}, and the parts are combined so that no problem hides another. vavr stays in
 * here: what leaves is a plan or an {@link InvalidExperimentException} with a {@code List<Problem>}.
 */
final class ExperimentCompiler {

  private static final String SUPPORTED_TYPES = "String, Boolean, Integer, Long, Double or enum";
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String THRESHOLD_FIX = "use a positive threshold such as lossBelow(1e-3)";
  private static final String BOUND_FIX = ", or bound it: .or(points(10_000))";

  // How problems inside a learner are ordered across learners: the learn call, then the learner's
  // own fields, then its loss; within a rank, sweep order.
  private static final int RANK_LEARN = 0;
  private static final int RANK_LEARNER = 1;
  private static final int RANK_LOSS = 2;

  /** A problem of one learner, before problems shared by several learners are merged. */
  private record Finding(String path, int rank, String message) {}

  private record LearnerFinding(Finding finding, String learner) {}

  /** What the learn function gave for one sweep point: a learner, or the finding that it gave none. */
  private record Built(SweepPoint point, LearnerDefinition definition, Finding failure) {}

  private ExperimentCompiler() {}

  static ExecutionPlan compile(ExperimentDraft experiment) {
    if (!experiment.after().isEmpty()) {
      return Stages.compile(experiment.name(), List.of(experiment), false);
    }
    Validation<Seq<Problem>, ExecutionPlan> plan =
        stage(experiment, points(experiment.name(), experiment.axes()));
    if (plan.isInvalid()) {
      throw new InvalidExperimentException(experiment.name(), plan.getError().toJavaList());
    }
    return plan.get();
  }

  /** Compiles the stages of a pipeline named {@code name}; see {@link Pipeline#compile()}. */
  static ExecutionPlan compile(String name, List<Experiment> stages) {
    return Stages.compile(name, stages, true);
  }

  /**
   * One experiment's learners, with {@code points} as its sweep points (they carry what each
   * learner waits for), in a plan of their own; or every problem of the experiment.
   */
  static Validation<Seq<Problem>, ExecutionPlan> stage(ExperimentDraft experiment,
      List<SweepPoint> points) {
    List<Built> built = new ArrayList<>(points.size());
    for (SweepPoint point : points) {
      built.add(build(experiment.learn(), point));
    }
    BalancingStrategy balance = experiment.balanceStrategy();
    return Validation.combine(
            name(experiment.name()),
            sweep(experiment.axes()),
            learners(built, balance),
            goal(experiment.goal(), built),
            resources(experiment, points))
        .ap((name, axes, specs, goal, shapes) -> plan(name, points, balance, specs, goal, shapes))
        .mapError(parts -> parts.flatMap(Function.identity()));
  }

  /** Every learner's resources, in sweep order: the experiment's, or each point's own. */
  private static Validation<Seq<Problem>, List<ResourceShape>> resources(
      ExperimentDraft experiment, List<SweepPoint> points) {
    Function<? super Point, ? extends Resources> perLearner = experiment.resourcesPerLearner();
    if (perLearner == null) {
      return resources(experiment.resources())
          .map(shape -> java.util.Collections.nCopies(Math.max(1, points.size()), shape));
    }
    if (experiment.balanceStrategy() != null) {
      return Validation.invalid(Vector.of(new Problem("resources(point -> ..)", "a balanced sweep"
          + " runs as one job, so its resources cannot differ per learner; give them once with"
          + " resources(resources()...)")));
    }
    List<Validation<Seq<LearnerFinding>, ResourceShape>> shapes = new ArrayList<>(points.size());
    for (SweepPoint point : points) {
      Resources given;
      try {
        given = perLearner.apply(point); // the user's function
      } catch (Exception e) { // anything the user's function throws is a problem of this point
        String message = e.getMessage() == null ? " (no message)" : " " + DslText.quote(e.getMessage());
        shapes.add(Validation.invalid(Vector.of(new LearnerFinding(new Finding("resources",
            RANK_LEARN, "the resources function threw " + e.getClass().getName() + message
                + "; make it return resources for every sweep point"), point.name()))));
        continue;
      }
      if (given == null) {
        shapes.add(Validation.invalid(Vector.of(new LearnerFinding(new Finding("resources",
            RANK_LEARN, "the resources function returned null; return resources such as"
                + " resources().cores(4)"), point.name()))));
        continue;
      }
      shapes.add(resources((ResourcesValue) given).mapError(problems -> problems.map(
          problem -> new LearnerFinding(new Finding(problem.where(), RANK_LEARNER,
              problem.message()), point.name()))));
    }
    return Validation.sequence(shapes).map(Seq::toJavaList)
        .mapError(findings -> merge(findings, points.size()));
  }

  private static ExecutionPlan plan(String name, List<SweepPoint> points, BalancingStrategy balance,
      Seq<LearnerSpec> specs, Goal goal, List<ResourceShape> shapes) {
    ResourceShape resources = shapes.get(0);
    List<LearnerSpec> specList = specs.toJavaList(); // vavr's Seq may be a linked list: get(i) is O(i)
    if (balance != null) { // one learner, named like an unswept experiment, with a child per point
      List<BalancingLearnerSpec.Child> children = new ArrayList<>(points.size());
      for (int i = 0; i < points.size(); i++) {
        SweepPoint point = points.get(i);
        children.add(new BalancingLearnerSpec.Child(point.name(), point.parameters(), specList.get(i)));
      }
      return new ExecutionPlan(name, List.of(new LearnerTask(LearnerNames.of(name, List.of()),
          List.of(), new BalancingLearnerSpec(balance, children), goal, resources)));
    }
    List<LearnerTask> tasks = new ArrayList<>(points.size());
    for (int i = 0; i < points.size(); i++) {
      SweepPoint point = points.get(i);
      tasks.add(new LearnerTask(point.name(), point.parameters(), specList.get(i), goal,
          shapes.get(i)));
    }
    return new ExecutionPlan(name, tasks);
  }

  // ---------------------------------------------------------------- experiment name

  private static Validation<Seq<Problem>, String> name(String name) {
    if (name.isBlank()) {
      return problem("experiment", "the name " + DslText.quote(name)
          + " is blank; give the experiment a name, e.g. experiment(\"resonance\")");
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      return problem("experiment", "the name " + DslText.quote(name)
          + " contains a control character; use printable characters only");
    }
    return Validation.valid(name);
  }

  // ---------------------------------------------------------------- sweep

  /** The cartesian product of the axes, last axis fastest; one point without axes. */
  static List<SweepPoint> points(String experiment, List<Axis<?>> axes) {
    List<List<Parameter>> rows = List.of(List.of());
    for (Axis<?> axis : axes) {
      List<List<Parameter>> longer = new ArrayList<>(rows.size() * axis.values().size());
      for (List<Parameter> row : rows) {
        for (Object value : axis.values()) {
          List<Parameter> next = new ArrayList<>(row);
          next.add(new Parameter(axis.name(), value));
          longer.add(next);
        }
      }
      rows = longer;
    }
    return rows.stream()
        .map(row -> new SweepPoint(learnerName(experiment, row), axes, row))
        .collect(Collectors.toList());
  }

  // An unsupported value is reported with its axis; until then it is named by its toString(), so
  // that the learn function can still be called and its problems reported too.
  private static String learnerName(String experiment, List<Parameter> row) {
    List<Parameter> nameable = row.stream()
        .map(p -> LearnerNames.isSupported(p.value()) ? p : new Parameter(p.axis(), p.value().toString()))
        .collect(Collectors.toList());
    return LearnerNames.of(experiment, nameable);
  }

  private static Validation<Seq<Problem>, List<Axis<?>>> sweep(List<Axis<?>> axes) {
    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    Map<String, Long> axesPerName = axes.stream()
        .collect(Collectors.groupingBy(Axis::name, LinkedHashMap::new, Collectors.counting()));
    axesPerName.forEach((name, count) -> checks.add(count == 1 ? ok() : problem("sweep",
        times(count, "axes") + " are named " + DslText.quote(name)
            + "; give each axis its own name")));
    for (Axis<?> axis : axes) {
      checks.add(axis(axis));
    }
    return all(axes, checks);
  }

  private static Validation<Seq<Problem>, Axis<?>> axis(Axis<?> axis) {
    String where = "sweep > axis " + DslText.quote(axis.name());
    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    if (axis.name().isBlank()) {
      checks.add(problem(where, "the axis name is blank; give it a name, e.g. axis(\"damping\", 0.02, 0.05)"));
    }
    if (axis.values().isEmpty()) {
      checks.add(problem(where, "it has no values, so the sweep has no learners; give it at least one value"));
    }
    Map<Class<?>, List<Object>> unsupported = axis.values().stream()
        .filter(value -> !LearnerNames.isSupported(value))
        .collect(Collectors.groupingBy(Object::getClass, LinkedHashMap::new, Collectors.toList()));
    unsupported.forEach((type, values) -> checks.add(problem(where, "values of type "
        + type.getName() + ", such as " + DslText.quote(values.get(0).toString())
        + ", cannot name a learner; use " + SUPPORTED_TYPES + " values")));

    Map<Object, Long> copies = axis.values().stream().filter(LearnerNames::isSupported)
        .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
    copies.forEach((value, count) -> checks.add(count == 1 ? ok() : problem(where,
        DslText.value(value) + " appears " + (count == 2 ? "twice" : count + " times")
            + "; each value becomes one learner, so remove the copy")));
    // Distinct values that are written alike (1, 1L, 1.0, "1") would give learners the same name.
    Map<String, List<Object>> alike = copies.keySet().stream().collect(Collectors.groupingBy(
        LearnerNames::value, LinkedHashMap::new, Collectors.toList()));
    alike.forEach((text, values) -> checks.add(values.size() == 1 ? ok() : problem(where,
        and(values.stream().map(v -> DslText.value(v) + " (" + v.getClass().getSimpleName() + ")")
            .collect(Collectors.toList()))
            + (values.size() == 2 ? " are both written " : " are all written ") + DslText.quote(LearnerNames.escape(axis.name()) + "=" + text)
            + " in learner names, so their learners would have the same name; keep only one of them")));
    return all(axis, checks);
  }

  // ---------------------------------------------------------------- learn

  private static Built build(Function<? super Point, ? extends LearnerDefinition> learn,
      SweepPoint point) {
    LearnerDefinition learner;
    try {
      learner = learn.apply(point);
    } catch (Exception e) { // anything the user's function throws is a problem of this point
      String message = e.getMessage() == null ? " (no message)" : " " + DslText.quote(e.getMessage());
      return new Built(point, null, new Finding("learn", RANK_LEARN, "the learn function threw "
          + e.getClass().getName() + message + "; make it return a learner for every sweep point"));
    }
    if (learner == null) {
      return new Built(point, null, new Finding("learn", RANK_LEARN, "the learn function returned"
          + " null; return a learner such as learner1D(interval(0.0, 1.0), x -> x)"));
    }
    return new Built(point, learner, null);
  }

  private static Validation<Seq<Problem>, Seq<LearnerSpec>> learners(List<Built> built,
      BalancingStrategy balance) {
    List<Validation<Seq<LearnerFinding>, LearnerSpec>> learners = new ArrayList<>(built.size());
    for (Built b : built) {
      Validation<Seq<Finding>, LearnerSpec> spec = b.failure() != null
          ? Validation.invalid(Vector.of(b.failure()))
          : spec(b.definition(), "learn");
      learners.add(spec.mapError(findings -> findings.map(
          finding -> new LearnerFinding(finding, b.point().name()))));
    }
    Validation<Seq<Problem>, Seq<LearnerSpec>> specs =
        Validation.sequence(learners).mapError(findings -> merge(findings, built.size()));
    if (balance == null) {
      return specs;
    }
    return Validation.combine(specs, balanced(built, balance))
        .ap((all, ignored) -> all)
        .mapError(parts -> parts.flatMap(Function.identity()));
  }

  // sweep(..).balance(): the learners become children of one balancing learner, so they must be
  // of one type, and none may be a balancing learner itself.
  private static Validation<Seq<Problem>, Object> balanced(List<Built> built,
      BalancingStrategy balance) {
    String where = balance == Defaults.BALANCING_STRATEGY
        ? "balance()" : "balance(BalancingStrategy." + balance.name() + ")";
    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    List<String> nested = built.stream().filter(b -> b.definition() instanceof BalancingDefinition)
        .map(b -> b.point().name()).collect(Collectors.toList());
    if (!nested.isEmpty()) {
      checks.add(problem(where, "it puts the sweep's learners into one balancing learner, which"
          + " cannot hold balancing learners, but learn(..) returned one for " + some(nested)
          + "; return single learners from learn(..), or drop balance()"));
    }
    Map<String, String> firstOfKind = new LinkedHashMap<>();
    for (Built b : built) {
      if (b.definition() != null) {
        firstOfKind.putIfAbsent(kind(b.definition()), b.point().name());
      }
    }
    if (firstOfKind.size() > 1) {
      checks.add(problem(where, "the learners of a balanced sweep must be of one type, but"
          + " learn(..) returned " + kinds(firstOfKind) + "; return one type for every point,"
          + " or drop balance()"));
    }
    return all(Boolean.TRUE, checks);
  }

  /** The type of a learner as a balancing learner compares children, e.g. {@code learner1D}. */
  private static String kind(LearnerDefinition definition) {
    String extras = " withExtras";
    if (definition instanceof Learner1DValue d) {
      return "learner1D" + (d.function() instanceof ExtrasFunction ? extras : "");
    } else if (definition instanceof Learner1DVectorValue) {
      return "learner1DVector";
    } else if (definition instanceof Learner2DValue) {
      return "learner2D";
    } else if (definition instanceof Learner2DVectorValue) {
      return "learner2DVector";
    } else if (definition instanceof LearnerNDValue) {
      return "learnerND";
    } else if (definition instanceof LearnerNDVectorValue) {
      return "learnerNDVector";
    } else if (definition instanceof AverageValue) {
      return "average";
    } else if (definition instanceof Average1DValue) {
      return "average1D";
    } else if (definition instanceof IntegratorValue d) {
      return "integrator" + (d.function() instanceof ExtrasFunction ? extras : "");
    } else if (definition instanceof SequenceValue d) {
      return "sequence" + (d.function() instanceof ExtrasFunction ? extras : "");
    }
    return "balancing";
  }

  /** {@code learner1D ('a') and average ('b')}: each type with the first learner of that type. */
  private static String kinds(Map<String, String> firstOfKind) {
    return and(firstOfKind.entrySet().stream()
        .map(e -> e.getKey() + " (" + DslText.quote(e.getValue()) + ")")
        .collect(Collectors.toList()));
  }

  private static String some(List<String> names) {
    String shown = names.stream().limit(3).map(DslText::quote).collect(Collectors.joining(", "));
    return shown + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
  }

  /** Checks one learner and turns it into its plan spec; {@code prefix} is its DSL path. */
  private static Validation<Seq<Finding>, LearnerSpec> spec(LearnerDefinition definition,
      String prefix) {
    if (definition instanceof Learner1DValue d) {
      String path = prefix + " > learner1D";
      return checked(List.of(interval(d.interval(), path), loss(d.loss(), path)),
          () -> saving(new Learner1DSpec(d.interval().lower(), d.interval().upper(), d.loss(),
              d.function()), d.function()));
    } else if (definition instanceof Learner1DVectorValue d) {
      String path = prefix + " > learner1DVector";
      List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
      checks.add(interval(d.interval(), path));
      if (d.outputs() < 1) {
        checks.add(finding(path, RANK_LEARNER, "outputs " + d.outputs() + " is less than 1;"
            + " give the length of the arrays the function returns, e.g. learner1DVector("
            + d.interval() + ", 2, x -> new double[] {Math.sin(x), Math.cos(x)})"));
      }
      checks.add(loss(d.loss(), path));
      return checked(checks, () -> new VectorLearner1DSpec(d.interval().lower(),
          d.interval().upper(), d.outputs(), d.loss(), d.function()));
    } else if (definition instanceof Learner2DValue d) {
      String path = prefix + " > learner2D";
      return checked(List.of(interval(d.x(), path + " > x"), interval(d.y(), path + " > y"),
          loss2D(d.loss(), path)), () -> new Learner2DSpec(d.x().lower(), d.x().upper(),
          d.y().lower(), d.y().upper(), d.loss(), d.function()));
    } else if (definition instanceof Learner2DVectorValue d) {
      String path = prefix + " > learner2DVector";
      List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
      checks.add(interval(d.x(), path + " > x"));
      checks.add(interval(d.y(), path + " > y"));
      if (d.outputs() < 1) {
        checks.add(finding(path, RANK_LEARNER, "outputs " + d.outputs() + " is less than 1;"
            + " give the length of the arrays the function returns, e.g. learner2DVector("
            + d.x() + ", " + d.y() + ", 2, (x, y) -> new double[] {x * y, x - y})"));
      }
      checks.add(loss2D(d.loss(), path));
      if (d.loss() instanceof Loss2D.MinimizeTriangleSurface && d.outputs() > 1) {
        checks.add(finding(path + " > loss", RANK_LOSS, "minimizeTriangleSurfaceLoss2D() needs"
            + " one output, but outputs is " + d.outputs() + "; use defaultLoss2D(), or"
            + " learner2D for a single output"));
      }
      return checked(checks, () -> new VectorLearner2DSpec(d.x().lower(), d.x().upper(),
          d.y().lower(), d.y().upper(), d.outputs(), d.loss(), d.function()));
    } else if (definition instanceof LearnerNDValue d) {
      return checked(boxAndLossND(d.box(), d.loss(), prefix + " > learnerND"),
          () -> new LearnerNDSpec(lowers(d.box()), uppers(d.box()), d.loss(),
              Defaults.LEARNER_ND_SEED, d.function()));
    } else if (definition instanceof LearnerNDVectorValue d) {
      String path = prefix + " > learnerNDVector";
      List<Validation<Seq<Finding>, ?>> checks = boxAndLossND(d.box(), d.loss(), path);
      if (d.outputs() < 1) {
        checks.add(finding(path, RANK_LEARNER, "outputs " + d.outputs() + " is less than 1;"
            + " give the length of the arrays the function returns, e.g. learnerNDVector("
            + d.box() + ", 2, p -> new double[] {p[0] * p[1], p[0] - p[1]})"));
      }
      return checked(checks, () -> new VectorLearnerNDSpec(lowers(d.box()), uppers(d.box()),
          d.outputs(), d.loss(), Defaults.LEARNER_ND_SEED, d.function()));
    } else if (definition instanceof AverageValue d) {
      return average(d, prefix + " > average");
    } else if (definition instanceof Average1DValue d) {
      return average1D(d, prefix + " > average1D");
    } else if (definition instanceof IntegratorValue d) {
      String path = prefix + " > integrator";
      List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
      checks.add(interval(d.interval(), path));
      double tol = d.tol();
      String fix = "; use a small positive relative tolerance such as 1e-8";
      if (Double.isNaN(tol)) {
        checks.add(finding(path, RANK_LEARNER, "tol NaN is not a number" + fix));
      } else if (tol < 0) {
        checks.add(finding(path, RANK_LEARNER, "tol " + tol + " is negative" + fix));
      } else if (Double.isInfinite(tol)) {
        checks.add(finding(path, RANK_LEARNER, "tol Infinity is met before the first point" + fix));
      }
      return checked(checks, () -> saving(new IntegratorLearnerSpec(d.interval().lower(),
          d.interval().upper(), tol, d.function()), d.function()));
    } else if (definition instanceof SequenceValue d) {
      String path = prefix + " > sequence";
      List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
      if (d.elements().isEmpty()) {
        checks.add(finding(path, RANK_LEARNER, "the sequence is empty, so there is nothing to"
            + " evaluate; give it at least one element"));
      }
      return checked(checks, () -> saving(new SequenceLearnerSpec(d.elements(), d.function()),
          d.function()));
    }
    return balancing((BalancingValue) definition, prefix + " > balancing");
  }

  /** A data saver around {@code spec} if its function was made with {@code withExtras(..)}. */
  private static LearnerSpec saving(LearnerSpec spec, DoubleUnaryOperator function) {
    return function instanceof ExtrasFunction extras
        ? new DataSaverSpec(spec, extras.sampler()) : spec;
  }

  private static Validation<Seq<Finding>, LearnerSpec> average(AverageValue d, String path) {
    List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
    tolerance(checks, path, "atol", d.atol());
    tolerance(checks, path, "rtol", d.rtol());
    double atol = d.atol() == null ? Double.POSITIVE_INFINITY : d.atol();
    double rtol = d.rtol() == null ? Double.POSITIVE_INFINITY : d.rtol();
    if (atol == Double.POSITIVE_INFINITY && rtol == Double.POSITIVE_INFINITY) {
      checks.add(finding(path, RANK_LEARNER, "it has neither a finite atol(..) nor rtol(..), so"
          + " it has no target; give at least one, e.g. average(..).atol(0.01)"));
    }
    int minPoints = d.minPoints() == null ? Defaults.AVERAGE_MIN_POINTS : d.minPoints();
    if (minPoints < 2) {
      checks.add(finding(path, RANK_LEARNER, "minPoints(" + minPoints + ") is below 2, the fewest"
          + " samples that give a standard error; use minPoints(2) or more"));
    }
    return checked(checks, () -> new AverageLearnerSpec(atol, rtol, minPoints, d.function()));
  }

  // Infinity is allowed: it is what an unset tolerance means.
  private static void tolerance(List<Validation<Seq<Finding>, ?>> checks, String path,
      String name, Double value) {
    if (value != null && !(value > 0)) {
      checks.add(finding(path, RANK_LEARNER, name + "(" + value + ") is "
          + (value.isNaN() ? "not a number" : "not positive")
          + "; use a positive tolerance such as " + name + "(0.01)"));
    }
  }

  private static Validation<Seq<Finding>, LearnerSpec> average1D(Average1DValue d, String path) {
    double delta = d.delta() == null ? Defaults.AVERAGE_1D_DELTA : d.delta();
    double alpha = d.alpha() == null ? Defaults.AVERAGE_1D_ALPHA : d.alpha();
    double neighborSampling = d.neighborSampling() == null
        ? Defaults.AVERAGE_1D_NEIGHBOR_SAMPLING : d.neighborSampling();
    long minSamples = d.minSamples() == null ? Defaults.AVERAGE_1D_MIN_SAMPLES : d.minSamples();
    long maxSamples = d.maxSamples() == null ? Defaults.AVERAGE_1D_MAX_SAMPLES : d.maxSamples();
    double minError = d.minError() == null ? Defaults.AVERAGE_1D_MIN_ERROR : d.minError();

    List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
    checks.add(interval(d.interval(), path));
    fraction(checks, path, "delta", delta, Defaults.AVERAGE_1D_DELTA);
    fraction(checks, path, "alpha", alpha, Defaults.AVERAGE_1D_ALPHA);
    fraction(checks, path, "neighborSampling", neighborSampling,
        Defaults.AVERAGE_1D_NEIGHBOR_SAMPLING);
    if (minSamples < 0) {
      checks.add(finding(path, RANK_LEARNER, "minSamples(" + minSamples + ") is negative; use 0"
          + " or more, such as the default minSamples(" + Defaults.AVERAGE_1D_MIN_SAMPLES + ")"));
    } else if (maxSamples < minSamples) {
      checks.add(finding(path, RANK_LEARNER, "maxSamples(" + maxSamples + ") is below minSamples("
          + minSamples + "); make maxSamples at least minSamples"));
    }
    if (Double.isNaN(minError)) {
      checks.add(finding(path, RANK_LEARNER, "minError(NaN) is not a number; use 0.0 or more"));
    } else if (minError < 0) {
      checks.add(finding(path, RANK_LEARNER, "minError(" + minError + ") is negative; an error"
          + " is never below 0, so use 0.0 (the default) or more"));
    }
    checks.add(loss(d.loss(), path));
    return checked(checks, () -> new AverageLearner1DSpec(d.interval().lower(),
        d.interval().upper(), delta, alpha, neighborSampling, minSamples, maxSamples, minError,
        d.loss(), d.function()));
  }

  private static void fraction(List<Validation<Seq<Finding>, ?>> checks, String path, String name,
      double value, double defaultValue) {
    if (!(value > 0 && value <= 1)) {
      checks.add(finding(path, RANK_LEARNER, name + "(" + value + ") is outside (0, 1]; use a"
          + " value in that range, such as the default " + name + "(" + defaultValue + ")"));
    }
  }

  private static Validation<Seq<Finding>, LearnerSpec> balancing(BalancingValue d, String path) {
    List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
    List<BalancingChild> children = d.children();
    if (children.isEmpty()) {
      checks.add(finding(path, RANK_LEARNER, "balancing() has no children; give it at least one,"
          + " e.g. balancing(child(\"a\", learner1D(..)), child(\"b\", learner1D(..)))"));
    }
    Map<String, Long> perName = new LinkedHashMap<>();
    Map<String, String> firstOfKind = new LinkedHashMap<>();
    for (BalancingChild child : children) {
      String name = child.name();
      String call = "child(" + DslText.string(name) + ", ..)";
      if (name.isBlank()) {
        checks.add(finding(path, RANK_LEARNER, call + " has a blank name; name each child, e.g."
            + " child(\"low\", ..)"));
      } else if (name.chars().anyMatch(Character::isISOControl)) {
        checks.add(finding(path, RANK_LEARNER, call + " has a control character in its name;"
            + " use printable characters only"));
      }
      perName.merge(name, 1L, Long::sum);
      firstOfKind.putIfAbsent(kind(child.learner()), name);
    }
    perName.forEach((name, count) -> {
      if (count > 1) {
        checks.add(finding(path, RANK_LEARNER, times(count, "children") + " are named "
            + DslText.quote(name) + "; give each child its own name"));
      }
    });
    if (firstOfKind.size() > 1) {
      checks.add(finding(path, RANK_LEARNER, "its children are of different types, "
          + kinds(firstOfKind) + "; a balancing learner needs children of one type"));
    }
    List<Validation<Seq<Finding>, BalancingLearnerSpec.Child>> specs = new ArrayList<>();
    for (BalancingChild child : children) {
      String childPath = path + " > child " + DslText.quote(child.name());
      if (child.learner() instanceof BalancingDefinition) {
        checks.add(finding(childPath, RANK_LEARNER, "a balancing learner cannot hold another"
            + " balancing learner; list its children in this balancing(..) instead"));
      } else {
        specs.add(spec(child.learner(), childPath).map(spec ->
            new BalancingLearnerSpec.Child(child.name(), List.of(), spec)));
      }
    }
    Validation<Seq<Finding>, Seq<BalancingLearnerSpec.Child>> childSpecs =
        Validation.sequence(specs).mapError(Function.identity());
    return Validation.combine(checked(checks, () -> Boolean.TRUE), childSpecs)
        .ap((ok, all) -> (LearnerSpec) new BalancingLearnerSpec(d.strategy(), all.toJavaList()))
        .mapError(parts -> parts.flatMap(Function.identity()));
  }

  /** {@code value.get()} if every check passed, else every check's findings, in order. */
  private static <T> Validation<Seq<Finding>, T> checked(List<Validation<Seq<Finding>, ?>> checks,
      Supplier<T> value) {
    return Validation.<Finding, Object>sequence(checks).map(ignored -> value.get());
  }

  private static Validation<Seq<Finding>, Interval> interval(Interval interval, String path) {
    double lower = interval.lower();
    double upper = interval.upper();
    if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
      List<String> bad = new ArrayList<>();
      if (!Double.isFinite(lower) && !Double.isFinite(upper)
          && nonFinite(lower).equals(nonFinite(upper))) {
        bad.add("both bounds " + nonFinite(lower)); // not "a lower bound that is infinite and ..."
      } else {
        if (!Double.isFinite(lower)) {
          bad.add("a lower bound that is " + nonFinite(lower));
        }
        if (!Double.isFinite(upper)) {
          bad.add("an upper bound that is " + nonFinite(upper));
        }
      }
      return finding(path, RANK_LEARNER, interval + " has " + String.join(" and ", bad)
          + "; give both bounds as finite numbers");
    } else if (lower > upper) {
      return finding(path, RANK_LEARNER, interval + " is empty; put the lower bound first: "
          + new Interval(upper, lower));
    } else if (lower == upper) {
      return finding(path, RANK_LEARNER, interval
          + " is a single point; make the upper bound greater than the lower bound");
    }
    return Validation.valid(interval);
  }

  private static Validation<Seq<Finding>, Loss1D> loss(Loss1D loss, String learnerPath) {
    String path = learnerPath + " > loss";
    String text = DslText.loss(loss);
    List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
    if (loss instanceof Loss1D.Curvature c) {
      List<String> bad = new ArrayList<>();
      badFactor(bad, "areaFactor", c.areaFactor());
      badFactor(bad, "euclidFactor", c.euclidFactor());
      badFactor(bad, "horizontalFactor", c.horizontalFactor());
      if (!bad.isEmpty()) {
        checks.add(finding(path, RANK_LOSS, text + ": " + and(bad) + "; use factors of 0.0 or more,"
            + " such as python-adaptive's curvatureLoss(1.0, 0.02, 0.02)"));
      }
    } else if (loss instanceof Loss1D.Resolution r) {
      double min = r.minLength();
      double max = r.maxLength();
      if (Double.isNaN(min)) {
        checks.add(finding(path, RANK_LOSS, text
            + ": minLength is NaN; use a fraction of the domain width such as 0.01"));
      } else if (min < 0) {
        checks.add(finding(path, RANK_LOSS, text + ": minLength is negative; use 0.0 or more, e.g. "
            + DslText.loss(new Loss1D.Resolution(0.0, max))));
      }
      if (Double.isNaN(max)) {
        checks.add(finding(path, RANK_LOSS, text
            + ": maxLength is NaN; use a fraction of the domain width such as 0.5"));
      } else if (max < min) {
        checks.add(finding(path, RANK_LOSS, text + ": maxLength is below minLength; swap them: "
            + DslText.loss(new Loss1D.Resolution(max, min))));
      } else if (max == min) {
        checks.add(finding(path, RANK_LOSS, text + ": maxLength equals minLength, which leaves no"
            + " room to refine; make maxLength greater than minLength"));
      }
    }
    return Validation.sequence(checks).map(ignored -> loss);
  }

  private static final List<String> AXES = List.of("x", "y", "z");

  private static List<Validation<Seq<Finding>, ?>> boxAndLossND(Box box, LossND loss,
      String path) {
    List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
    int dim = box.dimension();
    if (dim != 2 && dim != 3) {
      String fix = dim < 2
          ? "; use learner1D for one coordinate, or add intervals: box(interval(-1.0, 1.0),"
              + " interval(-1.0, 1.0))"
          : "; learnerND learns in 2 or 3 dimensions: sweep over the other coordinates with"
              + " an axis, or drop intervals";
      checks.add(finding(path + " > box", RANK_LEARNER, box + " has " + dim + " interval"
          + (dim == 1 ? "" : "s") + fix));
    }
    for (int i = 0; i < dim; i++) {
      String axis = i < AXES.size() ? AXES.get(i) : "interval " + (i + 1);
      checks.add(interval(box.intervals().get(i), path + " > box > " + axis));
    }
    checks.add(lossND(loss, path));
    return checks;
  }

  private static List<Double> lowers(Box box) {
    return box.intervals().stream().map(Interval::lower).collect(Collectors.toList());
  }

  private static List<Double> uppers(Box box) {
    return box.intervals().stream().map(Interval::upper).collect(Collectors.toList());
  }

  private static Validation<Seq<Finding>, LossND> lossND(LossND loss, String learnerPath) {
    if (loss instanceof LossND.Curvature c && !(c.exploration() >= 0
        && Double.isFinite(c.exploration()))) {
      String what = Double.isNaN(c.exploration()) ? "NaN" : Double.isInfinite(c.exploration())
          ? "infinite" : "negative";
      return finding(learnerPath + " > loss", RANK_LOSS, DslText.loss(loss) + ": exploration is "
          + what + "; use 0.0 or more, such as python-adaptive's curvatureLossND(0.05)");
    }
    return Validation.valid(loss);
  }

  private static Validation<Seq<Finding>, Loss2D> loss2D(Loss2D loss, String learnerPath) {
    String path = learnerPath + " > loss";
    String text = DslText.loss(loss);
    List<Validation<Seq<Finding>, ?>> checks = new ArrayList<>();
    if (loss instanceof Loss2D.Resolution r) {
      double min = r.minDistance();
      double max = r.maxDistance();
      if (Double.isNaN(min)) {
        checks.add(finding(path, RANK_LOSS, text
            + ": minDistance is NaN; use a fraction of the domain such as 0.01"));
      } else if (min < 0) {
        checks.add(finding(path, RANK_LOSS, text + ": minDistance is negative; use 0.0 or more,"
            + " e.g. " + DslText.loss(new Loss2D.Resolution(0.0, max))));
      }
      if (Double.isNaN(max)) {
        checks.add(finding(path, RANK_LOSS, text
            + ": maxDistance is NaN; use a fraction of the domain such as 1.0"));
      } else if (max < min) {
        checks.add(finding(path, RANK_LOSS, text + ": maxDistance is below minDistance; swap"
            + " them: " + DslText.loss(new Loss2D.Resolution(max, min))));
      } else if (max == min) {
        checks.add(finding(path, RANK_LOSS, text + ": maxDistance equals minDistance, which"
            + " leaves no room to refine; make maxDistance greater than minDistance"));
      }
    } else if (loss instanceof Loss2D.Thresholded t) {
      List<String> bad = new ArrayList<>();
      if (Double.isNaN(t.lower())) {
        bad.add("lower is NaN");
      }
      if (Double.isNaN(t.upper())) {
        bad.add("upper is NaN");
      }
      badFactor(bad, "priorityFactor", t.priorityFactor());
      if (!bad.isEmpty()) {
        checks.add(finding(path, RANK_LOSS, text + ": " + and(bad) + "; give thresholds as numbers"
            + " (Double.NEGATIVE_INFINITY or POSITIVE_INFINITY for none) and a factor of 0.0 or"
            + " more, such as thresholdedLoss2D(-1.0, 1.0, 0.1)"));
      }
    }
    return Validation.sequence(checks).map(ignored -> loss);
  }

  private static void badFactor(List<String> bad, String name, double factor) {
    if (!Double.isFinite(factor)) {
      bad.add(name + " is " + nonFinite(factor));
    } else if (factor < 0) {
      bad.add(name + " is negative");
    }
  }

  private static String nonFinite(double value) {
    return Double.isNaN(value) ? "NaN" : "infinite";
  }

  private static <T> Validation<Seq<Finding>, T> finding(String path, int rank, String message) {
    return Validation.invalid(Vector.of(new Finding(path, rank, message)));
  }

  /**
   * Says a problem shared by several learners once: {@code (all 4 learners)} or
   * {@code (2 of 4 learners: 'a', 'b')}; problems keep learn, learner, loss order, and within
   * that, sweep order.
   */
  private static Seq<Problem> merge(Seq<LearnerFinding> findings, int learners) {
    Map<Finding, List<String>> namesPerFinding = new LinkedHashMap<>();
    for (LearnerFinding f : findings) {
      namesPerFinding.computeIfAbsent(f.finding(), k -> new ArrayList<>()).add(f.learner());
    }
    return Vector.ofAll(namesPerFinding.entrySet())
        .sorted(Comparator.comparingInt(e -> e.getKey().rank())) // stable: sweep order stays
        .map(e -> new Problem(e.getKey().path() + which(e.getValue(), learners),
            e.getKey().message()));
  }

  private static String which(List<String> names, int learners) {
    if (learners == 1) {
      return "";
    } else if (names.size() == 1) {
      return " " + DslText.quote(names.get(0));
    } else if (names.size() == learners) {
      return " (all " + learners + " learners)";
    }
    String some = names.stream().limit(3).map(DslText::quote).collect(Collectors.joining(", "));
    return " (" + names.size() + " of " + learners + " learners: " + some
        + (names.size() > 3 ? ", ..." : "") + ")";
  }

  // ---------------------------------------------------------------- until

  private static Validation<Seq<Problem>, Goal> goal(Goal goal, List<Built> built) {
    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    checkGoal(goal, neverMet(goal), checks);
    if (neverMetWithoutEnd(goal)) {
      // done() is met only by learners that finish on their own; unless another part of the goal
      // bounds it (done().or(points(..))), name the types that never would.
      List<String> endless = built.stream().map(Built::definition)
          .filter(d -> d != null && !finishes(d)).map(ExperimentCompiler::kind).distinct()
          .collect(Collectors.toList());
      if (!endless.isEmpty()) {
        checks.add(problem("until > done()", and(endless) + " learners never finish on their own,"
            + " so done() is never met for them; use done() with sequence and integrator learners,"
            + " and stop these with a goal such as lossBelow(1e-3) or points(10_000)"));
      }
    }
    return all(goal, checks);
  }

  /** Whether {@code goal} is never met by a learner without an end because it relies on done(). */
  private static boolean neverMetWithoutEnd(Goal goal) {
    if (goal instanceof Goal.Done) {
      return true;
    } else if (goal instanceof Goal.AllOf all) {
      return all.goals().stream().anyMatch(ExperimentCompiler::neverMetWithoutEnd);
    } else if (goal instanceof Goal.AnyOf any) {
      return !any.goals().isEmpty()
          && any.goals().stream().allMatch(g -> neverMetWithoutEnd(g) || neverMet(g));
    }
    return false;
  }

  /** Whether a learner can meet {@code done()}: it has an end (all its children do, if balancing). */
  private static boolean finishes(LearnerDefinition definition) {
    if (definition instanceof SequenceValue || definition instanceof IntegratorValue) {
      return true;
    } else if (definition instanceof BalancingValue b) {
      return !b.children().isEmpty()
          && b.children().stream().allMatch(c -> finishes(c.learner()));
    }
    return false;
  }

  private static void checkGoal(Goal goal, boolean neverMet, List<Validation<Seq<Problem>, ?>> checks) {
    String where = "until > " + goal.describe();
    if (goal instanceof Goal.Points p && p.count() <= 0) {
      checks.add(problem(where, "a count of 0 or less is met before the first point;"
          + " use a positive count such as points(1_000)"));
    } else if (goal instanceof Goal.Elapsed e && (e.limit().isNegative() || e.limit().isZero())) {
      checks.add(problem(where, "a duration of zero or less is met before the first point;"
          + " use a positive duration such as elapsed(Duration.ofMinutes(30))"));
    } else if (goal instanceof Goal.LossBelow l) {
      double threshold = l.threshold();
      String consequence = neverMet
          ? ", so these learners would never stop; " + THRESHOLD_FIX + BOUND_FIX
          : ", so this part of the goal is never met; " + THRESHOLD_FIX;
      if (Double.isNaN(threshold)) {
        checks.add(problem(where, "no loss is below NaN" + consequence));
      } else if (threshold < 0) {
        checks.add(problem(where, "a loss is never negative" + consequence));
      } else if (threshold == 0 && neverMet) { // bounded by .or(points(..)) it is a fine way to say "all points"
        checks.add(problem(where, "a loss of exactly 0 is never reached" + consequence));
      }
    } else if (goal instanceof Goal.When when) {
      String name = when.name();
      if (name.isBlank()) {
        checks.add(problem(where, "the name is blank; say what the test checks, e.g."
            + " when(\"300 points each\", ..): explain() and the run's status show the name"));
      } else if (name.chars().anyMatch(Character::isISOControl)) {
        checks.add(problem(where, "the name contains a control character, which would break"
            + " explain()'s lines; use printable characters only"));
      }
    } else if (goal instanceof Goal.AllOf all) {
      groupOf(all.goals(), where, "allOf", neverMet, checks);
    } else if (goal instanceof Goal.AnyOf any) {
      groupOf(any.goals(), where, "anyOf", neverMet, checks);
    }
  }

  private static void groupOf(List<Goal> goals, String where, String helper, boolean neverMet,
      List<Validation<Seq<Problem>, ?>> checks) {
    if (goals.isEmpty()) {
      checks.add(problem(where, helper + "() lists no goals; give it at least one, e.g. "
          + helper + "(lossBelow(1e-3), points(1_000))"));
    }
    for (Goal goal : goals) {
      checkGoal(goal, neverMet, checks);
    }
  }

  /** Whether no learner could ever meet {@code goal}: a loss threshold of 0 or less, unbounded. */
  private static boolean neverMet(Goal goal) {
    if (goal instanceof Goal.LossBelow l) {
      return !(l.threshold() > 0);
    } else if (goal instanceof Goal.AllOf all) {
      return all.goals().stream().anyMatch(ExperimentCompiler::neverMet);
    } else if (goal instanceof Goal.AnyOf any) {
      return any.goals().stream().allMatch(ExperimentCompiler::neverMet);
    }
    return false;
  }

  // ---------------------------------------------------------------- resources

  private static Validation<Seq<Problem>, ResourceShape> resources(ResourcesValue r) {
    int cores = r.cores() == null ? Defaults.CORES : r.cores();
    int nodes = r.nodes() == null ? Defaults.NODES : r.nodes();
    int tasks = r.tasks() == null ? Defaults.TASKS : r.tasks();
    Memory memory = r.memory() == null ? Defaults.MEMORY : r.memory();
    Duration walltime = r.walltime() == null ? Defaults.WALLTIME : r.walltime();
    int gpus = r.gpus() == null ? Defaults.GPUS : r.gpus();

    List<Validation<Seq<Problem>, ?>> checks = new ArrayList<>();
    if (cores <= 0) {
      checks.add(problem("resources > cores(" + cores + ")",
          "a job needs at least one core; use cores(1) or more"));
    }
    if (nodes <= 0) {
      checks.add(problem("resources > nodes(" + nodes + ")",
          "a job needs at least one node; use nodes(1) or more"));
    }
    if (tasks <= 0) {
      checks.add(problem("resources > tasks(" + tasks + ")",
          "a job runs at least one task; use tasks(1) or more"));
    } else if (nodes > 0 && tasks < nodes) {
      checks.add(problem("resources > tasks(" + tasks + ")", "fewer tasks than nodes(" + nodes
          + ") leaves nodes idle; use tasks(" + nodes + ") or more"));
    } else if (cores > 0 && cores % tasks != 0) {
      checks.add(problem("resources > tasks(" + tasks + ")", "cores(" + cores + ") cannot be"
          + " split evenly among " + tasks + " tasks; use cores(" + tasks * Math.max(1,
          (cores + tasks - 1) / tasks) + ") or tasks that divide " + cores));
    }
    if (memory.bytes() <= 0) {
      checks.add(problem("resources > memory(" + DslText.memory(memory) + ")",
          "a job needs memory; use a positive amount such as memory(gib(2))"));
    }
    if (walltime.isNegative() || walltime.isZero()) {
      checks.add(problem("resources > walltime(" + walltime + ")",
          "a job needs time to run; use a positive duration such as walltime(Duration.ofHours(1))"));
    }
    if (gpus < 0) {
      checks.add(problem("resources > gpus(" + gpus + ")",
          "a job cannot ask for a negative number of GPUs; use gpus(0) or leave it out for none"));
    }
    singleLine(checks, "partition", r.partition());
    singleLine(checks, "account", r.account());
    singleLine(checks, "qos", r.qos());
    singleLine(checks, "constraint", r.constraint());
    r.environment().forEach((name, value) -> {
      String where = "resources > env(" + DslText.string(name) + ", " + DslText.string(value) + ")";
      if (!ENV_NAME.matcher(name).matches()) {
        checks.add(problem(where, DslText.quote(name) + " is not an environment variable name;"
            + " use letters, digits and underscores, not starting with a digit"));
      } else if (hasLineBreak(value)) {
        checks.add(problem(where, lineBreak()));
      }
    });
    for (String line : r.prelude()) {
      if (hasLineBreak(line)) {
        checks.add(problem("resources > prelude(" + DslText.string(line) + ")",
            "it contains a line break; give each line its own prelude(..) call"));
      }
    }
    for (String option : r.schedulerOptions()) {
      singleLine(checks, "schedulerOption", option);
    }
    return all(new ResourceShape(cores, nodes, tasks, memory, walltime, r.partition(), r.account(),
        r.qos(), gpus, r.exclusiveNodes(), r.constraint(), r.environment(), r.prelude(),
        r.schedulerOptions()), checks);
  }

  // A job script is line-oriented, and so is explain(): a line break in a value would split it.
  private static void singleLine(List<Validation<Seq<Problem>, ?>> checks, String method, String value) {
    if (hasLineBreak(value)) {
      checks.add(problem("resources > " + method + "(" + DslText.string(value) + ")", lineBreak()));
    }
  }

  private static boolean hasLineBreak(String text) {
    return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }

  private static String lineBreak() {
    return "it contains a line break, which would break the job script; remove it";
  }

  // ---------------------------------------------------------------- Validation helpers

  private static <T> Validation<Seq<Problem>, T> problem(String where, String message) {
    return Validation.invalid(Vector.of(new Problem(where, message)));
  }

  private static Validation<Seq<Problem>, Object> ok() {
    return Validation.valid(Boolean.TRUE);
  }

  /** {@code value} if every check passed, else every check's problems, in order. */
  private static <T> Validation<Seq<Problem>, T> all(T value, List<Validation<Seq<Problem>, ?>> checks) {
    return Validation.<Problem, Object>sequence(checks).map(ignored -> value);
  }

  private static String times(long count, String things) {
    return (count == 2 ? "two " : count + " ") + things;
  }

  private static String and(List<String> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
