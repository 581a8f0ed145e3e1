/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import io.adaptive.plan.AverageLearner1DSpec;
import io.adaptive.plan.AverageLearnerSpec;
import io.adaptive.plan.BalancingLearnerSpec;
import io.adaptive.plan.DataSaverSpec;
import io.adaptive.plan.IntegratorLearnerSpec;
import io.adaptive.plan.Learner1DSpec;
import io.adaptive.plan.Learner2DSpec;
import io.adaptive.plan.LearnerNDSpec;
import io.adaptive.plan.LearnerSpec;
import io.adaptive.plan.LossND;
import io.adaptive.plan.Loss1D;
import io.adaptive.plan.Loss2D;
import io.adaptive.plan.Sample;
import io.adaptive.plan.SequenceLearnerSpec;
import io.adaptive.plan.VectorLearner1DSpec;
import io.adaptive.plan.VectorLearner2DSpec;
import io.adaptive.plan.VectorLearnerNDSpec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/** Makes the learner a plan's {@link LearnerSpec} describes, bound to its function. */
public final class Learners {

  private Learners() {}

  /**
   * A fresh learner, with no data, for {@code spec}.
   *
   * @throws IllegalArgumentException if the runtime has no learner for the spec yet: average1D
   *     with a loss other than the default
   */
  public static BoundLearner<?, ?> bind(LearnerSpec spec) {
    if (spec instanceof Learner1DSpec one) {
      return new BoundLearner<Double, Double>(
          Learner1D.of(one.lower(), one.upper(), one.loss()),
          x -> one.function().applyAsDouble(x));
    } else if (spec instanceof VectorLearner1DSpec vector) {
      return new BoundLearner<Double, double[]>(
          Learner1D.vector(vector.lower(), vector.upper(), vector.outputs(), vector.loss()),
          x -> vector.function().apply(x));
    } else if (spec instanceof Learner2DSpec two) {
      return new BoundLearner<double[], Double>(
          Learner2D.of(two.xLower(), two.xUpper(), two.yLower(), two.yUpper(), loss(two.loss())),
          p -> two.function().applyAsDouble(p[0], p[1]));
    } else if (spec instanceof VectorLearner2DSpec vector) {
      return new BoundLearner<double[], double[]>(
          Learner2D.vector(vector.xLower(), vector.xUpper(), vector.yLower(), vector.yUpper(),
              vector.outputs(), loss(vector.loss())),
          p -> vector.function().apply(p[0], p[1]));
    } else if (spec instanceof LearnerNDSpec nd) {
      double[] lower = nd.lower().stream().mapToDouble(Double::doubleValue).toArray();
      double[] upper = nd.upper().stream().mapToDouble(Double::doubleValue).toArray();
      return new BoundLearner<double[], Double>(
          LearnerND.of(lower, upper, loss(nd.loss()), nd.seed()),
          p -> nd.function().applyAsDouble(p.clone()));
    } else if (spec instanceof VectorLearnerNDSpec nd) {
      double[] lower = nd.lower().stream().mapToDouble(Double::doubleValue).toArray();
      double[] upper = nd.upper().stream().mapToDouble(Double::doubleValue).toArray();
      return new BoundLearner<double[], double[]>(
          LearnerND.vector(lower, upper, nd.outputs(), loss(nd.loss()), nd.seed()),
          p -> nd.function().apply(p.clone()));
    } else if (spec instanceof AverageLearnerSpec average) {
      return new BoundLearner<Long, Double>(
          new AverageLearner(average.atol(), average.rtol(), average.minPoints()),
          seed -> average.function().applyAsDouble(seed));
    } else if (spec instanceof AverageLearner1DSpec average) {
      if (!(average.loss() instanceof Loss1D.Default)) {
        throw new IllegalArgumentException("average1D supports only the default loss so far, not "
            + average.loss());
      }
      AverageLearner1D.Settings settings = new AverageLearner1D.Settings(average.delta(),
          average.alpha(), average.neighborSampling(), average.minSamples(),
          average.maxSamples(), average.minError());
      return new BoundLearner<AverageLearner1D.SeedX, Double>(
          new AverageLearner1D(average.lower(), average.upper(), settings),
          point -> average.function().apply(point.seed(), point.x()));
    } else if (spec instanceof IntegratorLearnerSpec integrator) {
      return new BoundLearner<Double, Double>(
          new IntegratorLearner(integrator.lower(), integrator.upper(), integrator.tol()),
          x -> integrator.function().applyAsDouble(x));
    } else if (spec instanceof SequenceLearnerSpec sequence) {
      return new BoundLearner<SequenceLearner.Indexed<Double>, Double>(
          SequenceLearner.ofDoubles(sequence.elements()),
          point -> sequence.function().applyAsDouble(point.element()));
    } else if (spec instanceof BalancingLearnerSpec balancing) {
      List<BoundLearner<?, ?>> children = new ArrayList<>(balancing.children().size());
      for (BalancingLearnerSpec.Child child : balancing.children()) {
        children.add(bind(child.spec()));
      }
      return BalancingLearner.bound(children,
          BalancingLearner.Strategy.valueOf(balancing.strategy().name()));
    } else if (spec instanceof DataSaverSpec saver) {
      return saving(saver);
    }
    throw new IllegalArgumentException("no learner for " + spec.type());
  }

  /** The runtime's triangle loss for a plan's 2-D loss. */
  public static Learner2DLoss loss(Loss2D loss) {
    if (loss instanceof Loss2D.Uniform) {
      return new Learner2DLoss.Uniform();
    } else if (loss instanceof Loss2D.Resolution r) {
      return new Learner2DLoss.Resolution(r.minDistance(), r.maxDistance());
    } else if (loss instanceof Loss2D.MinimizeTriangleSurface) {
      return new Learner2DLoss.MinimizeTriangleSurface();
    } else if (loss instanceof Loss2D.Thresholded t) {
      return new Learner2DLoss.Thresholded(t.lower(), t.upper(), t.priorityFactor());
    } else if (loss instanceof Loss2D.Triangle) {
      return new Learner2DLoss.Triangle();
    }
    return new Learner2DLoss.Default();
  }

  /** The runtime's simplex loss for a plan's LearnerND loss. */
  public static LearnerNDLoss loss(LossND loss) {
    if (loss instanceof LossND.Uniform) {
      return new LearnerNDLoss.Uniform();
    } else if (loss instanceof LossND.Std) {
      return new LearnerNDLoss.Std();
    } else if (loss instanceof LossND.Triangle) {
      return new LearnerNDLoss.Triangle();
    } else if (loss instanceof LossND.Curvature c) {
      return new LearnerNDLoss.Curvature(c.exploration());
    }
    return new LearnerNDLoss.Default();
  }

  // The DSL wraps only learners whose points are numbers (or, for a sequence, hold one).
  @SuppressWarnings("unchecked")
  private static BoundLearner<?, ?> saving(DataSaverSpec saver) {
    LearnerSpec inner = saver.learner();
    if (inner instanceof SequenceLearnerSpec) {
      var bound = (BoundLearner<SequenceLearner.Indexed<Double>, Double>) bind(inner);
      return saving(bound.learner(), SequenceLearner.Indexed::element, saver.function());
    } else if (inner instanceof Learner1DSpec || inner instanceof IntegratorLearnerSpec) {
      var bound = (BoundLearner<Double, Double>) bind(inner);
      return saving(bound.learner(), x -> x, saver.function());
    }
    throw new IllegalArgumentException("no data saver around " + inner.type());
  }

  private static <P> BoundLearner<P, DataSaver.WithExtra<Double, SortedMap<String, Double>>>
      saving(Learner<P, Double> inner, ToDoubleFunction<P> x, DoubleFunction<Sample> function) {
    return new BoundLearner<>(DataSaver.of(inner, EXTRAS), point -> {
      Sample sample = function.apply(x.applyAsDouble(point));
      return new DataSaver.WithExtra<>(sample.value(), sample.extras());
    });
  }

  /**
   * A {@link Sample}'s extras in one {@code extra_data} column, like python-adaptive's dict: binary
   * as a count, then name and exact bits of each; in CSV as one quoted cell
   * {@code "name=value;name=value"}, names sorted.
   */
  private static final Codec<SortedMap<String, Double>> EXTRAS = new Codec<>() {
    @Override
    public void write(SortedMap<String, Double> value, DataOutput out) throws IOException {
      out.writeInt(value.size());
      for (Map.Entry<String, Double> e : value.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeDouble(e.getValue());
      }
    }

    @Override
    public SortedMap<String, Double> read(DataInput in) throws IOException {
      int size = in.readInt();
      SortedMap<String, Double> value = new TreeMap<>();
      for (int i = 0; i < size; i++) {
        String name = in.readUTF();
        value.put(name, in.readDouble());
      }
      return value;
    }

    @Override
    public List<String> columns() {
      return List.of(DataSaver.EXTRA_COLUMN);
    }

    @Override
    public void appendCsv(SortedMap<String, Double> value, StringBuilder row) {
      StringBuilder cell = new StringBuilder();
      for (Map.Entry<String, Double> e : value.entrySet()) {
        cell.append(cell.length() == 0 ? "" : ";").append(e.getKey()).append('=')
            .append(e.getValue().doubleValue());
      }
      row.append('"').append(cell.toString().replace("\"", "\"\"")).append('"');
    }
  };
}
