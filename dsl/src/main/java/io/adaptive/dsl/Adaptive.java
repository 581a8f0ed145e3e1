/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Goal;
import io.adaptive.plan.LearnerView;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Loss2D;
import io.adaptive.plan.LossND;
import io.adaptive.plan.Memory;
import io.adaptive.plan.Sample;
import io.adaptive.plan.SeededFunction;
import io.adaptive.plan.VectorFunction2D;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.LongToDoubleFunction;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The whole DSL vocabulary in one static import: {@code import static io.adaptive.dsl.Adaptive.*;}.
 *
 * <p>A directory, not an implementation: each method forwards to the class that owns the concept
 * ({@link Goals}, {@link Losses}, {@link Memory}, ...). Every factory records what it is given;
 * {@link Experiment#compile()} judges it, so one run reports every problem. Only null is refused
 * at once, with a {@link NullPointerException} naming the parameter.
 *
 * <pre>{@code
 * static final Axis<Double> DAMPING = axis("damping", 0.02, 0.05, 0.1, 0.3);
 *
 * ExecutionPlan plan = experiment("resonance")
 *     .sweep(DAMPING)
 *     .learn(point -> learner1D(interval(0.0, 3.0), w -> 1 / Math.hypot(1 - w * w, 2 * point.get(DAMPING) * w)))
 *     .until(lossBelow(0.01).or(points(10_000)))
 *     .resources(resources().cores(4).memory(gib(4)).walltime(Duration.ofHours(2)))
 *     .compile();
 * }</pre>
 *
 * <p>Learners, each python-adaptive's namesake: {@link #learner1D learner1D},
 * {@link #learner1DVector learner1DVector}, {@link #learner2D learner2D}, {@link #average average}, {@link #average1D average1D},
 * {@link #learnerND learnerND}, {@link #learnerNDVector learnerNDVector},
 * {@link #integrator integrator}, {@link #sequence sequence} and {@link #balancing balancing};
 * {@link #withExtras withExtras} keeps extra data with each point (a data saver). A learn function
 * may return any of them ({@link LearnerDefinition}).
 *
 * <p>Stages: {@link Experiment#after(Experiment...) after(..)} makes an experiment wait for
 * others, {@link #sameAxisValues()} pairs their learners, and {@link #pipeline pipeline} compiles
 * several stages into one plan under one name.
 */
public final class Adaptive {

  private Adaptive() {}

  // ---------------------------------------------------------------- experiment and sweep

  /**
   * Starts an experiment. The name starts every learner's name and, by default, names the store
   * directory {@code runs/<name>}; characters outside {@code [A-Za-z0-9._+-]} are percent-encoded
   * there (see {@link io.adaptive.plan.LearnerNames}). A blank name is reported by
   * {@link Experiment#compile()}.
   *
   * @param name for example {@code "resonance"}
   * @return the first step: {@code sweep(..)} or {@code learn(..)}
   * @throws NullPointerException if {@code name} is null
   */
  public static ExperimentSweepStep experiment(String name) {
    return ExperimentDraft.named(name);
  }

  /**
   * An axis to sweep: a name and its values, in order. Values may be {@code String},
   * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double} or enum constants; other types,
   * no values and repeated values are reported by {@link Experiment#compile()}.
   *
   * @param name as it appears in learner names, e.g. {@code "damping"}
   * @param values for example {@code 0.02, 0.05, 0.1}, or {@code Mode.values()}
   * @param <T> the value type, which {@link Point#get} returns
   * @return the axis, for {@link ExperimentSweepStep#sweep(Axis[])}
   * @throws NullPointerException if {@code name}, {@code values} or a value is null
   */
  @SafeVarargs
  public static <T> Axis<T> axis(String name, T... values) {
    Objects.requireNonNull(values, "values");
    List<T> list = new ArrayList<>(values.length);
    for (T value : values) { // copied: the caller may change its array later
      list.add(value);
    }
    return new AxisValues<>(name, list);
  }

  /**
   * An axis to sweep, with its values from a list (copied); see {@link #axis(String, Object[])}.
   *
   * @param name as it appears in learner names
   * @param values the values in sweep order
   * @param <T> the value type, which {@link Point#get} returns
   * @return the axis, for {@link ExperimentSweepStep#sweep(Axis[])}
   * @throws NullPointerException if {@code name}, {@code values} or a value is null
   */
  public static <T> Axis<T> axis(String name, List<T> values) {
    return new AxisValues<>(name, values);
  }

  // ---------------------------------------------------------------- pipelines

  /**
   * Several experiments as one plan named {@code name}: the listed stages and every stage they
   * run {@linkplain Experiment#after(Experiment...) after}, upstream stages first. A learner of a
   * later stage is submitted only when the learners it waits for are done.
   *
   * <pre>{@code
   * Experiment scan = experiment("scan").sweep(DAMPING).learn(..).until(lossBelow(0.01));
   * Experiment refine = experiment("refine").sweep(DAMPING).learn(..).until(points(200))
   *     .after(scan, sameAxisValues());
   * ExecutionPlan plan = pipeline("resonance-study", refine).compile();   // scan's and refine's learners
   * }</pre>
   *
   * <p>Without a pipeline, {@code refine.compile()} builds the same learners in a plan named
   * {@code refine}. A blank name, no stages, and two different stages with one name are reported
   * by {@link Pipeline#compile()}.
   *
   * @param name the plan's experiment name; by default the store directory is {@code runs/<name>}
   * @param stages the stages to run, each a complete experiment; listing an upstream stage too is
   *     allowed and changes nothing
   * @return the pipeline, to {@link Pipeline#compile() compile}
   * @throws NullPointerException if {@code name}, {@code stages} or a stage is null
   */
  public static Pipeline pipeline(String name, Experiment... stages) {
    Objects.requireNonNull(stages, "stages");
    return pipeline(name, Arrays.asList(stages));
  }

  /**
   * Several experiments as one plan; see {@link #pipeline(String, Experiment...)}.
   *
   * @param name the plan's experiment name
   * @param stages the stages; the list is copied
   * @return the pipeline, to {@link Pipeline#compile() compile}
   * @throws NullPointerException if {@code name}, {@code stages} or a stage is null
   */
  public static Pipeline pipeline(String name, List<Experiment> stages) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(stages, "stages");
    for (int i = 0; i < stages.size(); i++) {
      Objects.requireNonNull(stages.get(i), "stages[" + i + "]");
    }
    return new PipelineValue(name, stages);
  }

  /**
   * Each learner waits for the upstream learners that have its values on the axes both stages
   * sweep (axes are matched by name, values by {@code equals}); with no axis in common, for every
   * upstream learner. For {@link Experiment#after(Experiment, UpstreamSelector)}:
   * {@code refine.after(scan, sameAxisValues())} makes {@code refine[damping=0.05,force=1]} wait
   * for {@code scan[damping=0.05]} only.
   *
   * @return the selector
   */
  public static UpstreamSelector sameAxisValues() {
    return Stages.SAME_AXIS_VALUES;
  }

  // ---------------------------------------------------------------- learners

  /**
   * A learner of {@code function} on {@code interval}, python-adaptive's {@code Learner1D}, with
   * the {@linkplain #defaultLoss() default loss}; change it with {@link Learner1DDefinition#loss(Loss1D)}.
   *
   * @param interval the domain, e.g. {@code interval(0.0, 3.0)}
   * @param function the function to sample; it may be called from several threads at once
   * @return the learner; immutable
   * @throws NullPointerException if an argument is null
   */
  public static Learner1DDefinition learner1D(Interval interval, DoubleUnaryOperator function) {
    return new Learner1DValue(Objects.requireNonNull(interval, "interval"), Defaults.LOSS_1D,
        Objects.requireNonNull(function, "function"));
  }

  /**
   * A learner of {@code z = function(x, y)} on the rectangle {@code x} × {@code y},
   * python-adaptive's {@code Learner2D}, with the {@linkplain #defaultLoss2D() default 2-D loss};
   * change it with {@link Learner2DDefinition#loss(Loss2D)}. Its data has columns x, y, z.
   *
   * <pre>{@code
   * learner2D(interval(-1.0, 1.0), interval(-1.0, 1.0), (x, y) -> x * Math.exp(-x * x - y * y))
   *     .loss(uniformLoss2D())
   * }</pre>
   *
   * @param x the x range; reversed, equal, NaN or infinite bounds are reported by compile()
   * @param y the y range, checked the same way
   * @param function the function to sample; it may be called from several threads at once
   * @return the learner; immutable
   * @throws NullPointerException if an argument is null
   */
  public static Learner2DDefinition learner2D(Interval x, Interval y,
      DoubleBinaryOperator function) {
    return new Learner2DValue(Objects.requireNonNull(x, "x"), Objects.requireNonNull(y, "y"),
        Defaults.LOSS_2D, Objects.requireNonNull(function, "function"));
  }

  /**
   * A learner of a vector-valued {@code function} of (x, y) on the rectangle {@code x} ×
   * {@code y}: python-adaptive's {@code Learner2D} with array output. The default loss sums the
   * deviations of every output; values are scaled by the largest output range. Its data has
   * columns x, y, z0, z1, ...
   *
   * @param x the x range
   * @param y the y range
   * @param outputs how many values {@code function} returns, 1 or more; {@code compile()}
   *     reports less
   * @param function the function; returns an array of {@code outputs} values
   * @return the learner; immutable
   * @throws NullPointerException if {@code x}, {@code y} or {@code function} is null
   */
  public static Learner2DVectorDefinition learner2DVector(Interval x, Interval y, int outputs,
      VectorFunction2D function) {
    return new Learner2DVectorValue(Objects.requireNonNull(x, "x"), Objects.requireNonNull(y, "y"),
        outputs, Defaults.LOSS_2D, Objects.requireNonNull(function, "function"));
  }

  /**
   * A learner of a vector-valued {@code function} on {@code interval}: python-adaptive's
   * {@code Learner1D} with array output. The y range is tracked per component and the largest
   * range scales every component. Default loss: {@link #defaultLoss()}.
   *
   * @param interval the domain, e.g. {@code interval(0.0, 3.0)}
   * @param outputs how many values {@code function} returns, 1 or more; {@code compile()}
   *     reports less
   * @param function the function; returns an array of {@code outputs} values
   * @return the learner; immutable
   * @throws NullPointerException if {@code interval} or {@code function} is null
   */
  public static Learner1DVectorDefinition learner1DVector(
      Interval interval, int outputs, DoubleFunction<double[]> function) {
    return new Learner1DVectorValue(Objects.requireNonNull(interval, "interval"), outputs,
        Defaults.LOSS_1D, Objects.requireNonNull(function, "function"));
  }

  /**
   * A learner of the mean of a noisy quantity, python-adaptive's {@code AverageLearner}: it
   * samples seeds 0, 1, 2, … until the standard error is within tolerance (loss 1). Give at least
   * one of {@link AverageDefinition#atol} and {@link AverageDefinition#rtol}, and stop it with
   * {@code until(lossBelow(1.0))}.
   *
   * @param function the quantity for one seed, e.g. {@code seed -> simulate(new SplittableRandom(seed))}
   * @return the learner; immutable
   * @throws NullPointerException if {@code function} is null
   */
  public static AverageDefinition average(LongToDoubleFunction function) {
    return new AverageValue(null, null, null, Objects.requireNonNull(function, "function"));
  }

  /**
   * A learner of a noisy function on {@code interval}, python-adaptive's {@code AverageLearner1D}:
   * it learns the means of samples {@code function(seed, x)} and resamples where they are
   * uncertain. Its parameters have python-adaptive's defaults; see {@link Average1DDefinition}.
   *
   * @param interval the domain
   * @param function one sample at (seed, x)
   * @return the learner; immutable
   * @throws NullPointerException if an argument is null
   */
  public static Average1DDefinition average1D(Interval interval, SeededFunction function) {
    return new Average1DValue(Objects.requireNonNull(interval, "interval"), null, null, null, null,
        null, null, Defaults.LOSS_1D, Objects.requireNonNull(function, "function"));
  }

  /**
   * The integral of {@code function} over {@code interval}, python-adaptive's
   * {@code IntegratorLearner} (CQUAD). It finishes on its own: stop it with {@code until(done())}.
   *
   * @param interval the interval of integration
   * @param tol the error tolerance relative to |integral|, e.g. {@code 1e-8}; 0 refines until no
   *     interval can be improved; {@code compile()} reports a negative, NaN or infinite tolerance
   * @param function the integrand
   * @return the learner; immutable
   * @throws NullPointerException if {@code interval} or {@code function} is null
   */
  public static IntegratorDefinition integrator(
      Interval interval, double tol, DoubleUnaryOperator function) {
    return new IntegratorValue(Objects.requireNonNull(interval, "interval"), tol,
        Objects.requireNonNull(function, "function"));
  }

  /**
   * {@code function} at every element of {@code elements}, in order: python-adaptive's
   * {@code SequenceLearner}. It finishes on its own: stop it with {@code until(done())}. The
   * elements are part of the learner's fingerprint, by value.
   *
   * @param elements the elements, copied; {@code compile()} reports an empty list
   * @param function the function of one element
   * @return the learner; immutable
   * @throws NullPointerException if an argument or an element is null
   */
  public static SequenceDefinition sequence(List<Double> elements, DoubleUnaryOperator function) {
    return new SequenceValue(elements, function);
  }

  /**
   * {@code function} at every element of {@code elements}, in order; see
   * {@link #sequence(List, DoubleUnaryOperator)}.
   *
   * @param elements the elements, copied
   * @param function the function of one element
   * @return the learner; immutable
   * @throws NullPointerException if an argument is null
   */
  public static SequenceDefinition sequence(double[] elements, DoubleUnaryOperator function) {
    Objects.requireNonNull(elements, "elements");
    return new SequenceValue(Arrays.stream(elements).boxed().toList(), function);
  }

  /**
   * Several learners of one type run as one, in one job: python-adaptive's
   * {@code BalancingLearner}, with the strategy {@code LOSS_IMPROVEMENTS} unless
   * {@link BalancingDefinition#strategy} says otherwise. Name each child with
   * {@link #child(String, LearnerDefinition)}. To balance a sweep's learners, use
   * {@code sweep(..).balance()} instead.
   *
   * @param children at least one; {@code compile()} reports none, repeated names, mixed types and
   *     nested balancing learners
   * @return the learner; immutable
   * @throws NullPointerException if {@code children} or one of them is null
   */
  public static BalancingDefinition balancing(BalancingChild... children) {
    Objects.requireNonNull(children, "children");
    return new BalancingValue(Arrays.asList(children), Defaults.BALANCING_STRATEGY);
  }

  /**
   * Several learners of one type run as one; see {@link #balancing(BalancingChild...)}.
   *
   * @param children the children in order; copied
   * @return the learner; immutable
   * @throws NullPointerException if {@code children} or one of them is null
   */
  public static BalancingDefinition balancing(List<BalancingChild> children) {
    return new BalancingValue(children, Defaults.BALANCING_STRATEGY);
  }

  /**
   * A named child of {@link #balancing(BalancingChild...)}.
   *
   * @param name unique among the children, e.g. {@code "low"}
   * @param learner the child learner
   * @return the child
   * @throws NullPointerException if an argument is null
   */
  public static BalancingChild child(String name, LearnerDefinition learner) {
    return new BalancingChild(name, learner);
  }

  /**
   * A function that returns extra data with each value, for {@link #learner1D},
   * {@link #integrator} or {@link #sequence}: the learner learns {@link Sample#value()}, and the
   * plan holds a data saver (python-adaptive's {@code DataSaver}) that keeps
   * {@link Sample#extras()} with each point.
   *
   * <pre>{@code
   * learner1D(interval(0.0, 1.0), withExtras(x -> {
   *   Solution s = solve(x);
   *   return sample(s.energy()).with("iterations", s.iterations());
   * }))
   * }</pre>
   *
   * <p>Pass the result straight to the learner's factory: {@code compile()} recognises it there, and
   * a lambda around it would hide it (the extras would then be computed and dropped).
   *
   * @param function the function, returning its value and extras
   * @return the function to give the learner
   * @throws NullPointerException if {@code function} is null
   */
  public static DoubleUnaryOperator withExtras(DoubleFunction<Sample> function) {
    return new ExtrasFunction(function);
  }

  /**
   * A value without extras yet, for {@link #withExtras}; add them with {@link Sample#with}.
   *
   * @param value what the learner learns
   * @return the sample
   */
  public static Sample sample(double value) {
    return Sample.of(value);
  }

  /**
   * The closed interval [{@code lower}, {@code upper}]. Bounds that are reversed, equal, NaN or
   * infinite are reported by {@link Experiment#compile()}.
   *
   * @param lower the lower bound, included
   * @param upper the upper bound, included; greater than {@code lower}
   * @return the interval, for {@link #learner1D}
   */
  public static Interval interval(double lower, double upper) {
    return new Interval(lower, upper);
  }

  /**
   * A box for {@link #learnerND}: one interval per coordinate, x first. The number of intervals
   * (2 or 3) and each interval are checked by {@link Experiment#compile()}.
   *
   * @param intervals the range of each coordinate
   * @return the box
   * @throws NullPointerException if an interval is null
   */
  public static Box box(Interval... intervals) {
    Objects.requireNonNull(intervals, "intervals");
    for (Interval interval : intervals) {
      Objects.requireNonNull(interval, "interval");
    }
    return new Box(Arrays.asList(intervals));
  }

  /**
   * A learner of {@code function(point)} on a box in 2 or 3 dimensions, python-adaptive's {@code
   * LearnerND}: it refines the simplex of largest loss of an incremental Delaunay triangulation.
   * Default loss: {@link #defaultLossND()}; change it with {@link LearnerNDDefinition#loss(LossND)}.
   * Its data has columns x, y[, z], value.
   *
   * <pre>{@code
   * learnerND(box(interval(-1.0, 1.0), interval(-1.0, 1.0), interval(-1.0, 1.0)),
   *     p -> Math.exp(-(p[0] * p[0] + p[1] * p[1] + p[2] * p[2])))
   *     .loss(curvatureLossND(0.05))
   * }</pre>
   *
   * @param box the domain; a box of other than 2 or 3 intervals, or a bad interval, is reported by
   *     compile()
   * @param function the function to sample; it gets its own copy of the point and may be called
   *     from several threads at once
   * @return the learner; immutable
   * @throws NullPointerException if an argument is null
   */
  public static LearnerNDDefinition learnerND(Box box, ToDoubleFunction<double[]> function) {
    return new LearnerNDValue(Objects.requireNonNull(box, "box"), Defaults.LOSS_ND,
        Objects.requireNonNull(function, "function"));
  }

  /**
   * A learner of a vector-valued {@code function} on a box in 2 or 3 dimensions: python-adaptive's
   * {@code LearnerND} with array output. The lifted volumes use every output; values are scaled by
   * the range over all outputs. Its data has columns x, y[, z], value0, value1, ...
   *
   * @param box the domain, checked as for {@link #learnerND}
   * @param outputs how many values {@code function} returns, 1 or more; {@code compile()} reports
   *     less
   * @param function the function; returns an array of {@code outputs} values
   * @return the learner; immutable
   * @throws NullPointerException if {@code box} or {@code function} is null
   */
  public static LearnerNDVectorDefinition learnerNDVector(Box box, int outputs,
      Function<double[], double[]> function) {
    return new LearnerNDVectorValue(Objects.requireNonNull(box, "box"), outputs, Defaults.LOSS_ND,
        Objects.requireNonNull(function, "function"));
  }

  /**
   * The distance between neighbouring points in the scaled (x, y) plane; the default loss.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D defaultLoss() {
    return Losses.defaultLoss();
  }

  /**
   * The width of an interval: samples x uniformly.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D uniformLoss() {
    return Losses.uniform();
  }

  /**
   * Curvature loss with python-adaptive's factors: {@code curvatureLoss(1, 0.02, 0.02)}.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D curvatureLoss() {
    return Losses.curvature();
  }

  /**
   * Curvature loss: {@code areaFactor·sqrt(triangle area) + euclidFactor·default loss +
   * horizontalFactor·width}. A negative, NaN or infinite factor is reported by
   * {@link Experiment#compile()}.
   *
   * @param areaFactor weight of the square root of the triangle area
   * @param euclidFactor weight of the default (euclidean) loss
   * @param horizontalFactor weight of the interval width
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D curvatureLoss(double areaFactor, double euclidFactor, double horizontalFactor) {
    return Losses.curvature(areaFactor, euclidFactor, horizontalFactor);
  }

  /**
   * The mean area of the triangles formed with the neighbouring points.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D triangleLoss() {
    return Losses.triangle();
  }

  /**
   * The default loss on {@code log|y|}: for functions spanning orders of magnitude.
   *
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D absMinLogLoss() {
    return Losses.absMinLog();
  }

  /**
   * The default loss, but intervals narrower than {@code minLength} are never split and intervals
   * wider than {@code maxLength} are split first; both are fractions of the domain width.
   * {@code minLength < 0} or {@code maxLength <= minLength} is reported by
   * {@link Experiment#compile()}.
   *
   * @param minLength fraction of the domain width, 0 or more
   * @param maxLength fraction of the domain width, greater than {@code minLength}
   * @return the loss, for {@link Learner1DDefinition#loss(Loss1D)}
   */
  public static Loss1D resolutionLoss(double minLength, double maxLength) {
    return Losses.resolution(minLength, maxLength);
  }

  /**
   * python-adaptive's default 2-D loss: the deviation from a linear estimate through each
   * vertex's gradient, times {@code sqrt(area)}, plus {@code 0.3·area}.
   *
   * @return the loss, for {@link Learner2DDefinition#loss(Loss2D)}
   */
  public static Loss2D defaultLoss2D() {
    return Losses2D.defaultLoss();
  }

  /**
   * {@code sqrt(area)} of each triangle: samples the rectangle evenly.
   *
   * @return the loss, for {@link Learner2DDefinition#loss(Loss2D)}
   */
  public static Loss2D uniformLoss2D() {
    return Losses2D.uniform();
  }

  /**
   * The default 2-D loss, but triangles with an area below {@code minDistance²} are never split
   * and those above {@code maxDistance²} are split first; distances are fractions of the domain
   * (scaled to the unit square). {@code minDistance < 0}, NaN, or {@code maxDistance <=
   * minDistance} is reported by {@link Experiment#compile()}.
   *
   * @param minDistance 0 or more, e.g. 0.01
   * @param maxDistance greater than {@code minDistance}, e.g. 1.0
   * @return the loss, for {@link Learner2DDefinition#loss(Loss2D)}
   */
  public static Loss2D resolutionLoss2D(double minDistance, double maxDistance) {
    return Losses2D.resolution(minDistance, maxDistance);
  }

  /**
   * The area of each triangle lifted into (x, y, z) space, z scaled by its range.
   *
   * @return the loss, for {@link Learner2DDefinition#loss(Loss2D)}
   */
  public static Loss2D minimizeTriangleSurfaceLoss2D() {
    return Losses2D.minimizeTriangleSurface();
  }

  /**
   * The default 2-D loss, multiplied by {@code priorityFactor} for triangles whose values all lie
   * below {@code lower}, and again if all lie above {@code upper}: refines where values are
   * between the thresholds.
   *
   * @param lower the lower threshold; {@code Double.NEGATIVE_INFINITY} for none
   * @param upper the upper threshold; {@code Double.POSITIVE_INFINITY} for none
   * @param priorityFactor 0 or more; python-adaptive uses 0.1
   * @return the loss, for {@link Learner2DDefinition#loss(Loss2D)}
   */
  public static Loss2D thresholdedLoss2D(double lower, double upper, double priorityFactor) {
    return Losses2D.thresholded(lower, upper, priorityFactor);
  }

  /**
   * python-adaptive's {@code triangle_loss}: the mean volume of the tetrahedra each triangle forms
   * with its neighbours' opposite vertices. Slow.
   *
   * @return the loss, for {@link Learner2DDefinition#loss(Loss2D)}
   */
  public static Loss2D triangleLoss2D() {
    return Losses2D.triangle();
  }

  /**
   * python-adaptive's default LearnerND loss: the volume of the simplex lifted into (x, value)
   * space, so steep and large regions are refined first.
   *
   * @return the loss, for {@link LearnerNDDefinition#loss(LossND)}
   */
  public static LossND defaultLossND() {
    return LossesND.defaultLoss();
  }

  /**
   * The volume of each simplex: samples the box evenly.
   *
   * @return the loss, for {@link LearnerNDDefinition#loss(LossND)}
   */
  public static LossND uniformLossND() {
    return LossesND.uniform();
  }

  /**
   * {@code ‖std(values)‖ · vol^(1/d) + vol} of each simplex.
   *
   * @return the loss, for {@link LearnerNDDefinition#loss(LossND)}
   */
  public static LossND stdLossND() {
    return LossesND.std();
  }

  /**
   * The mean lifted volume of each simplex with its neighbours' opposite vertices.
   *
   * @return the loss, for {@link LearnerNDDefinition#loss(LossND)}
   */
  public static LossND triangleLossND() {
    return LossesND.triangle();
  }

  /**
   * python-adaptive's curvature loss: {@code (triangle + exploration · vol^((2+d)/d))^(1/(2+d))}.
   *
   * @param exploration the weight of the volume term, 0 or more (python-adaptive's default 0.05);
   *     compile() reports a negative, NaN or infinite value
   * @return the loss, for {@link LearnerNDDefinition#loss(LossND)}
   */
  public static LossND curvatureLossND(double exploration) {
    return LossesND.curvature(exploration);
  }

  // ---------------------------------------------------------------- goals

  /**
   * Done when a learner holds at least {@code count} evaluated points.
   *
   * @param count positive; {@code compile()} reports 0 or less
   * @return the goal, for {@link ExperimentUntilStep#until}
   */
  public static Goal points(long count) {
    return Goals.points(count);
  }

  /**
   * Done when a learner's loss is at most {@code threshold}; see {@link Goals#lossBelow}.
   *
   * @param threshold positive, e.g. {@code 1e-3}
   * @return the goal, for {@link ExperimentUntilStep#until}
   */
  public static Goal lossBelow(double threshold) {
    return Goals.lossBelow(threshold);
  }

  /**
   * Done when a learner has run for {@code limit}, summed over its jobs; see {@link Goals#elapsed}.
   *
   * @param limit positive
   * @return the goal, for {@link ExperimentUntilStep#until}
   * @throws NullPointerException if {@code limit} is null
   */
  public static Goal elapsed(Duration limit) {
    return Goals.elapsed(limit);
  }

  /**
   * Done once the wall clock is past {@code time}; see {@link Goals#deadline}.
   *
   * @param time a fixed instant, e.g. from the program's arguments
   * @return the goal, for {@link ExperimentUntilStep#until}
   * @throws NullPointerException if {@code time} is null
   */
  public static Goal deadline(Instant time) {
    return Goals.deadline(time);
  }

  /**
   * Done when {@code test} holds for the learner; see {@link Goals#when}.
   *
   * @param name what the test checks, shown by {@code explain()}
   * @param test a predicate on the learner's npoints, loss, elapsed time and children
   * @return the goal, for {@link ExperimentUntilStep#until}
   * @throws NullPointerException if an argument is null
   */
  public static Goal when(String name, Predicate<LearnerView> test) {
    return Goals.when(name, test);
  }

  /**
   * Done when the learner is finished: for {@link #sequence} and {@link #integrator} learners;
   * see {@link Goals#done}.
   *
   * @return the goal, for {@link ExperimentUntilStep#until}
   */
  public static Goal done() {
    return Goals.done();
  }

  /**
   * Done when all of {@code goals} are met, like chained {@link Goal#and}.
   *
   * @param goals at least one goal
   * @return the goal, for {@link ExperimentUntilStep#until}
   * @throws NullPointerException if {@code goals} or one of them is null
   */
  public static Goal allOf(Goal... goals) {
    return Goals.allOf(goals);
  }

  /**
   * Done when any of {@code goals} is met, like chained {@link Goal#or}.
   *
   * @param goals at least one goal
   * @return the goal, for {@link ExperimentUntilStep#until}
   * @throws NullPointerException if {@code goals} or one of them is null
   */
  public static Goal anyOf(Goal... goals) {
    return Goals.anyOf(goals);
  }

  // ---------------------------------------------------------------- resources

  /**
   * Resources that ask for nothing beyond the {@link Defaults}: 1 core, 1 node, 2 GiB, 1 hour.
   * Refine with {@code .cores(16).memory(gib(4))} and so on.
   *
   * @return resources to refine, for {@link Experiment#resources(Resources)}
   */
  public static Resources resources() {
    return ResourcesValue.NONE;
  }

  /**
   * {@code n} gibibytes (2^30 bytes), for {@link Resources#memory}.
   *
   * @param n gibibytes, positive
   * @return the amount
   */
  public static Memory gib(long n) {
    return Memory.gib(n);
  }

  /**
   * {@code n} mebibytes (2^20 bytes), for {@link Resources#memory}.
   *
   * @param n mebibytes, positive
   * @return the amount
   */
  public static Memory mib(long n) {
    return Memory.mib(n);
  }
}
