/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.dsl;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.ExecutionPlan;
import java.util.List;
import java.util.function.Function;

/**
 * A complete experiment: a value that can be refined (every method returns a copy, the last call
 * wins) and compiled into an {@link ExecutionPlan}.
 *
 * <pre>{@code
 * Experiment peak = experiment("peak")
 *     .sweep(A, X0)
 *     .learn(point -> learner1D(interval(-1, 1), x -> Math.exp(-Math.abs(x - point.get(X0)) / point.get(A))))
 *     .until(lossBelow(0.01));
 * ExecutionPlan plan = peak.resources(resources().cores(2)).compile();
 * }</pre>
 */
public sealed interface Experiment extends ExperimentUntilStep permits ExperimentDraft {

  /** The experiment name as given to {@link Adaptive#experiment(String)}. */
  String name();

  /**
   * Sets what each learner's job asks for; replaces earlier {@code resources(..)}. Default:
   * {@link Adaptive#resources()}, that is {@link Defaults#RESOURCES}.
   *
   * @param resources for example {@code resources().cores(16).memory(gib(4))}
   * @return a copy with these resources; this experiment is unchanged
   * @throws NullPointerException if {@code resources} is null
   */
  Experiment resources(Resources resources);

  /**
   * Sets what each learner's job asks for, per learner: {@code perLearner} is called once per
   * sweep point by {@link #compile()}, so one sweep can mix shapes. Replaces earlier
   * {@code resources(..)}. {@code compile()} reports every problem at once, naming the learners it
   * concerns; a function that throws or returns null is one of them. Not for a balanced sweep,
   * which is one job.
   *
   * <pre>{@code
   * .resources(point -> resources().cores(point.get(SIZE) > 1000 ? 16 : 4).memory(gib(8)))
   * }</pre>
   *
   * @param perLearner the resources of the learner of a sweep point
   * @return a copy with these resources; this experiment is unchanged
   * @throws NullPointerException if {@code perLearner} is null
   */
  Experiment resources(Function<? super Point, ? extends Resources> perLearner);

  /**
   * Makes this experiment a later stage of a pipeline: each of its learners is submitted only when
   * every learner of {@code upstream} is done, and its function may then read their data with
   * {@code io.adaptive.runtime.Upstream.data(name)}. Replaces earlier {@code after(..)}; with no
   * arguments, the experiment waits for nothing.
   *
   * <pre>{@code
   * Experiment refine = experiment("refine").sweep(DAMPING)
   *     .learn(point -> learner1D(interval(0.0, 3.0), w -> correct(w, Upstream.data(point.after().get(0)))))
   *     .until(points(200))
   *     .after(scan, sameAxisValues());       // refine[damping=0.05] waits for scan[damping=0.05]
   * }</pre>
   *
   * <p>{@link #compile()} then builds one plan holding the learners of every stage it reaches
   * through {@code after(..)}, upstream stages first; see {@link Adaptive#pipeline} to name that
   * plan or to compile several final stages together. Stages with the same name are reported by
   * {@code compile()}. A cycle cannot be written: an experiment can only wait for values that
   * exist before it.
   *
   * @param upstream the stages to wait for, complete experiments
   * @return a copy that runs after them; this experiment is unchanged
   * @throws NullPointerException if {@code upstream} or one of them is null
   */
  Experiment after(Experiment... upstream);

  /**
   * Makes this experiment a later stage that waits, per learner, for the learners of
   * {@code upstream} that {@code selector} picks; see {@link #after(Experiment...)}.
   *
   * @param upstream the stage to wait for
   * @param selector called by {@code compile()} once per learner of this stage, with its point and
   *     the points of {@code upstream}'s learners, e.g. {@link Adaptive#sameAxisValues()}
   * @return a copy that runs after the selected learners; this experiment is unchanged
   * @throws NullPointerException if an argument is null
   */
  Experiment after(Experiment upstream, UpstreamSelector selector);

  /**
   * Makes this experiment a later stage that waits, per learner, for the learners of the
   * {@code upstream} stages that {@code selector} picks; see {@link #after(Experiment...)}.
   *
   * @param upstream the stages to wait for; the list is copied
   * @param selector called once per learner of this stage with the points of every upstream
   *     learner, stage after stage
   * @return a copy that runs after the selected learners; this experiment is unchanged
   * @throws NullPointerException if an argument or an element is null
   */
  Experiment after(List<Experiment> upstream, UpstreamSelector selector);

  /**
   * Builds the plan: calls the learn function once per sweep point, fills every unset value from
   * {@link Defaults}, and checks everything.
   *
   * <p>Pure: no I/O, threads or logging, so the driver and every worker get the same plan. Every
   * problem is found before this returns or throws; none is left for a backend or scheduler to
   * discover.
   *
   * @return a complete plan with one learner per sweep point, in sweep order, preceded by the
   *     learners of the stages this experiment runs {@linkplain #after(Experiment...) after}
   * @throws InvalidExperimentException listing every problem found, each with where it is and its
   *     fix; nothing has run
   */
  ExecutionPlan compile();
}
