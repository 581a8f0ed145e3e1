/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.learn.AverageLearner;
import io.adaptive.runtime.learn.AverageLearner1D;
import io.adaptive.runtime.learn.IntegratorLearner;
import io.adaptive.runtime.learn.Learner1D;
import io.adaptive.runtime.learn.Learner2D;
import io.adaptive.runtime.learn.Learner2DLoss;
import io.adaptive.runtime.learn.LearnerND;
import io.adaptive.runtime.learn.LearnerNDLoss;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code adaptive serve}: one learner over standard input and output. */
@Command(
    name = "serve",
    description = {
      "Serves one learner over standard input and output.",
      "For programs in other languages; one request per line, one answer each:",
      "  ask N       k, then k points, one per line (k = N unless fewer are left)",
      "  tell P V    ok; P is a point as ask wrote it, V its value(s)",
      "  loss        the loss of the evaluated points",
      "  npoints     the number of evaluated points",
      "  quit        ends the server; so does the end of the input",
      "Points: learner1d and integrator 'x'; average 'seed'; average1d 'seed x'; learner2d 'x y'"
          + " (its value is 'z'); learnernd 'x y' or 'x y z' (its value is 'value')."
          + " Values: 'y', or"
          + " 'y0 y1 ...' with --outputs. A bad request is answered 'error <message>' and the"
          + " server goes on. Numbers are written so that they parse back to the identical"
          + " double; inf, -inf and nan are read too.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  adaptive serve learner1d --bounds=-1,1 --loss=curvature",
      "  adaptive serve learner1d --bounds=0,10 --outputs=2",
      "  adaptive serve average --atol=0.01",
      "  adaptive serve average1d --bounds=-1,1 --min-samples=20",
      "  adaptive serve integrator --bounds=0,1 --tol=1e-8",
      "  adaptive serve learner2d --bounds=-1,1,-1,1 --loss=uniform",
      "  adaptive serve learnernd --bounds=-1,1,-1,1,0,2 --loss=curvature"
    })
final class ServeCommand implements Callable<Integer> {

  static final List<String> KINDS =
      List.of("learner1d", "average", "average1d", "integrator", "learner2d", "learnernd");
  static final List<String> LOSSES =
      List.of("default", "uniform", "curvature", "triangle", "abs-min-log", "resolution");
  static final List<String> LOSSES_2D =
      List.of("default", "uniform", "resolution", "min-triangle-surface", "triangle");
  static final List<String> LOSSES_ND =
      List.of("default", "uniform", "std", "triangle", "curvature");

  // Which kinds each option applies to: an option given to another kind is refused, not ignored.
  private static final Map<String, List<String>> OPTION_KINDS = Map.ofEntries(
      Map.entry("--bounds",
          List.of("learner1d", "average1d", "integrator", "learner2d", "learnernd")),
      Map.entry("--loss", List.of("learner1d", "learner2d", "learnernd")),
      Map.entry("--min-distance", List.of("learner2d")),
      Map.entry("--max-distance", List.of("learner2d")),
      Map.entry("--outputs", List.of("learner1d")),
      Map.entry("--min-length", List.of("learner1d")),
      Map.entry("--max-length", List.of("learner1d")),
      Map.entry("--atol", List.of("average")),
      Map.entry("--rtol", List.of("average")),
      Map.entry("--min-points", List.of("average")),
      Map.entry("--delta", List.of("average1d")),
      Map.entry("--alpha", List.of("average1d")),
      Map.entry("--neighbor-sampling", List.of("average1d")),
      Map.entry("--min-samples", List.of("average1d")),
      Map.entry("--max-samples", List.of("average1d")),
      Map.entry("--min-error", List.of("average1d")),
      Map.entry("--tol", List.of("integrator")));

  @ParentCommand AdaptiveCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND",
      description = "learner1d, average, average1d, integrator, learner2d or learnernd")
  String kind;

  @Option(names = "--bounds", paramLabel = "LOWER,UPPER", split = ",", hideParamSyntax = true,
      description = "the domain: learner1d, average1d, integrator; e.g. --bounds=-1,1;"
          + " learner2d: x then y bounds, e.g. --bounds=-1,1,-1,1; learnernd: 2 or 3 pairs,"
          + " x first, e.g. --bounds=-1,1,-1,1,0,2")
  List<Double> bounds = new ArrayList<>();

  @Option(names = "--loss", paramLabel = "NAME", defaultValue = "default",
      description = "learner1d: default, uniform, curvature, triangle, abs-min-log or resolution;"
          + " learner2d: default, uniform, resolution, min-triangle-surface or triangle;"
          + " learnernd: default, uniform, std, triangle or curvature (exploration 0.05);"
          + " default ${DEFAULT-VALUE}")
  String loss;

  @Option(names = "--outputs", paramLabel = "N", defaultValue = "1",
      description = "learner1d: values per point; default ${DEFAULT-VALUE}")
  int outputs;

  @Option(names = "--min-length", paramLabel = "FRACTION", defaultValue = "0",
      description = "learner1d, --loss=resolution: intervals narrower than this fraction of the"
          + " domain are not split; default ${DEFAULT-VALUE}")
  double minLength;

  @Option(names = "--max-length", paramLabel = "FRACTION", defaultValue = "1",
      description = "learner1d, --loss=resolution: intervals wider than this fraction of the"
          + " domain are split first; default ${DEFAULT-VALUE}")
  double maxLength;

  @Option(names = "--min-distance", paramLabel = "FRACTION", defaultValue = "0",
      description = "learner2d, --loss=resolution: triangles smaller than this fraction of the"
          + " domain (squared) are not split; default ${DEFAULT-VALUE}")
  double minDistance;

  @Option(names = "--max-distance", paramLabel = "FRACTION", defaultValue = "1",
      description = "learner2d, --loss=resolution: triangles larger than this fraction of the"
          + " domain (squared) are split first; default ${DEFAULT-VALUE}")
  double maxDistance;

  @Option(names = "--atol", paramLabel = "ABS", description = "average: absolute tolerance on the"
      + " mean; give --atol, --rtol or both")
  Double atol;

  @Option(names = "--rtol", paramLabel = "REL", description = "average: relative tolerance on the"
      + " mean (0.01 is 1%%)")
  Double rtol;

  @Option(names = "--min-points", paramLabel = "N", defaultValue = "2",
      description = "average: the loss is infinite below this many samples; default"
          + " ${DEFAULT-VALUE}")
  int minPoints;

  @Option(names = "--delta", paramLabel = "D", defaultValue = "0.2",
      description = "average1d: resample where the error exceeds this fraction of the distance"
          + " to a neighbour; default ${DEFAULT-VALUE}")
  double delta;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.005",
      description = "average1d: confidence 1-2A of the error; default ${DEFAULT-VALUE}")
  double alpha;

  @Option(names = "--neighbor-sampling", paramLabel = "F", defaultValue = "0.3",
      description = "average1d: a new x is sampled until it has this fraction of its"
          + " neighbours' samples; default ${DEFAULT-VALUE}")
  double neighborSampling;

  @Option(names = "--min-samples", paramLabel = "N", defaultValue = "50",
      description = "average1d: samples every x gets at least; default ${DEFAULT-VALUE}")
  long minSamples;

  @Option(names = "--max-samples", paramLabel = "N",
      description = "average1d: an x with this many samples is not resampled; default none")
  Long maxSamples;

  @Option(names = "--min-error", paramLabel = "E", defaultValue = "0",
      description = "average1d: an x with at most this error is not resampled; default"
          + " ${DEFAULT-VALUE}")
  double minError;

  @Option(names = "--tol", paramLabel = "REL",
      description = "integrator: tolerance on the error relative to |integral|, e.g. 1e-8")
  Double tol;

  @Override
  public Integer call() {
    ServedLearner<?, ?> served = learner();
    BufferedReader in = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8));
    try {
      new LearnerServer(served).serve(in, spec.commandLine().getOut());
    } catch (IOException e) {
      throw new UncheckedIOException("serve: reading requests failed", e);
    }
    return AdaptiveCli.OK;
  }

  ServedLearner<?, ?> learner() {
    if (!KINDS.contains(kind)) {
      throw usage("unknown learner kind '" + kind + "'; available: " + KINDS);
    }
    List<String> misplaced = new ArrayList<>();
    OPTION_KINDS.forEach((option, kinds) -> {
      if (!kinds.contains(kind) && spec.commandLine().getParseResult().hasMatchedOption(option)) {
        misplaced.add(option);
      }
    });
    if (!misplaced.isEmpty()) {
      misplaced.sort(null);
      throw usage(String.format(Locale.ROOT, "%s %s not apply to %s; see serve --help for the"
          + " options of each kind", String.join(", ", misplaced),
          misplaced.size() == 1 ? "does" : "do", kind));
    }
    try {
      return switch (kind) {
        case "learner1d" -> learner1D();
        case "average" -> average();
        case "learner2d" -> learner2D();
        case "learnernd" -> learnerND();
        case "average1d" -> ServedLearner.average1D(new AverageLearner1D(lower(), upper(),
            new AverageLearner1D.Settings(delta, alpha, neighborSampling, minSamples,
                maxSamples == null ? Long.MAX_VALUE : maxSamples, minError)));
        case "integrator" -> {
          if (tol == null) {
            throw usage("integrator needs --tol, e.g. --tol=1e-8");
          }
          yield ServedLearner.integrator(new IntegratorLearner(lower(), upper(), tol));
        }
        default -> throw new AssertionError(kind);
      };
    } catch (IllegalArgumentException e) {
      throw usage(kind + ": " + e.getMessage());
    }
  }

  private ServedLearner<?, ?> learner1D() {
    Loss1D loss1D = switch (loss) {
      case "default" -> new Loss1D.Default();
      case "uniform" -> new Loss1D.Uniform();
      case "curvature" -> new Loss1D.Curvature(1, 0.02, 0.02); // python-adaptive's defaults
      case "triangle" -> new Loss1D.Triangle();
      case "abs-min-log" -> new Loss1D.AbsMinLog();
      case "resolution" -> new Loss1D.Resolution(minLength, maxLength);
      default -> throw usage("unknown loss '" + loss + "'; available: " + LOSSES);
    };
    if (!loss.equals("resolution") && (matched("--min-length") || matched("--max-length"))) {
      throw usage("--min-length and --max-length apply to --loss=resolution only");
    }
    if (outputs < 1) {
      throw usage("--outputs=" + outputs + ": a point has at least 1 value");
    }
    return outputs == 1
        ? ServedLearner.learner1D(Learner1D.of(lower(), upper(), loss1D))
        : ServedLearner.vector(Learner1D.vector(lower(), upper(), outputs, loss1D), outputs);
  }

  private ServedLearner<?, ?> learner2D() {
    Learner2DLoss loss2D = switch (loss) {
      case "default" -> new Learner2DLoss.Default();
      case "uniform" -> new Learner2DLoss.Uniform();
      case "resolution" -> new Learner2DLoss.Resolution(minDistance, maxDistance);
      case "min-triangle-surface" -> new Learner2DLoss.MinimizeTriangleSurface();
      case "triangle" -> new Learner2DLoss.Triangle();
      default -> throw usage("unknown loss '" + loss + "'; available: " + LOSSES_2D);
    };
    if (!loss.equals("resolution") && (matched("--min-distance") || matched("--max-distance"))) {
      throw usage("--min-distance and --max-distance apply to --loss=resolution only");
    }
    if (bounds.size() != 4) {
      throw usage(bounds.isEmpty() ? "learner2d needs --bounds, x then y, e.g. --bounds=-1,1,-1,1"
          : "--bounds takes four numbers for learner2d, x then y bounds, e.g."
              + " --bounds=-1,1,-1,1; got " + bounds.size());
    }
    return ServedLearner.learner2D(
        Learner2D.of(bounds.get(0), bounds.get(1), bounds.get(2), bounds.get(3), loss2D));
  }

  private ServedLearner<?, ?> learnerND() {
    LearnerNDLoss lossND = switch (loss) {
      case "default" -> new LearnerNDLoss.Default();
      case "uniform" -> new LearnerNDLoss.Uniform();
      case "std" -> new LearnerNDLoss.Std();
      case "triangle" -> new LearnerNDLoss.Triangle();
      case "curvature" -> new LearnerNDLoss.Curvature(0.05); // python-adaptive's default
      default -> throw usage("unknown loss '" + loss + "'; available: " + LOSSES_ND);
    };
    if (bounds.size() != 4 && bounds.size() != 6) {
      throw usage(bounds.isEmpty()
          ? "learnernd needs --bounds, a lower and upper bound per coordinate, x first, e.g."
              + " --bounds=-1,1,-1,1,0,2"
          : "--bounds takes four or six numbers for learnernd, a lower and upper bound per"
              + " coordinate, e.g. --bounds=-1,1,-1,1,0,2; got " + bounds.size());
    }
    int dim = bounds.size() / 2;
    double[] lower = new double[dim];
    double[] upper = new double[dim];
    for (int i = 0; i < dim; i++) {
      lower[i] = bounds.get(2 * i);
      upper[i] = bounds.get(2 * i + 1);
    }
    return ServedLearner.learnerND(LearnerND.of(lower, upper, lossND, LearnerND.DEFAULT_SEED));
  }

  private ServedLearner<?, ?> average() {
    if (atol == null && rtol == null) {
      throw usage("average needs --atol, --rtol or both, e.g. --atol=0.01");
    }
    return ServedLearner.average(new AverageLearner(
        atol == null ? Double.POSITIVE_INFINITY : atol,
        rtol == null ? Double.POSITIVE_INFINITY : rtol, minPoints));
  }

  private double lower() {
    return bounds().get(0);
  }

  private double upper() {
    return bounds().get(1);
  }

  private List<Double> bounds() {
    if (bounds.size() != 2) {
      throw usage(bounds.isEmpty() ? kind + " needs --bounds, e.g. --bounds=-1,1"
          : "--bounds takes two numbers, the lower bound first, e.g. --bounds=-1,1; got "
              + bounds.size());
    }
    return bounds;
  }

  private boolean matched(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
