/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.plan.Loss1D;
import io.adaptive.runtime.learn.AverageLearner;
import io.adaptive.runtime.learn.AverageLearner1D;
import io.adaptive.runtime.learn.IntegratorLearner;
import io.adaptive.runtime.learn.Learner;
import io.adaptive.runtime.learn.Learner1D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ServeCommandTest {

  // ---- learner1d -----------------------------------------------------------------------------

  @Test
  void learner1d_askTellLossNpoints_answersAsTheLearnerItself() {
    Learner1D twin = Learner1D.of(-0.1, 0.7, new Loss1D.Curvature(1, 0.02, 0.02));
    StringBuilder script = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      List<Double> points = twin.ask(2, true).points();
      script.append("ask 2\n");
      expected.add(Integer.toString(points.size()));
      points.forEach(x -> expected.add(Double.toString(x)));
      for (double x : points) {
        double y = Math.exp(-x * x / 0.01) / 3;
        twin.tell(x, y);
        script.append("tell ").append(x).append(' ').append(y).append('\n');
        expected.add("ok");
      }
      script.append("loss\nnpoints\n");
      expected.add(Double.toString(twin.loss()));
      expected.add(Long.toString(twin.npoints()));
    }

    Cli.Result result = Cli.runWithInput(script + "quit\n", "serve", "learner1d",
        "--bounds=-0.1,0.7", "--loss=curvature");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines()).containsExactlyElementsOf(expected);
  }

  @Test
  void learner1d_everyNumberPrinted_parsesBackToTheIdenticalDouble() {
    Learner1D twin = Learner1D.of(-0.1, 0.7);
    StringBuilder script = new StringBuilder();
    List<Double> asked = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double x = twin.ask(1, true).points().get(0);
      asked.add(x);
      twin.tell(x, Math.sin(31 * x) * 1e-7);
      script.append("ask 1\ntell ").append(x).append(' ').append(Math.sin(31 * x) * 1e-7)
          .append('\n');
    }

    Cli.Result result = Cli.runWithInput(script + "loss\n", "serve", "learner1d",
        "--bounds=-0.1,0.7");

    List<String> lines = result.outLines();
    List<Double> served = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      assertThat(lines.get(3 * i)).isEqualTo("1");
      served.add(Double.parseDouble(lines.get(3 * i + 1)));
    }
    assertThat(served).containsExactlyElementsOf(asked);
    assertThat(asked).anySatisfy(x -> assertThat(Double.toString(x)).hasSizeGreaterThan(12));
    double loss = Double.parseDouble(lines.get(lines.size() - 1));
    assertThat(Double.doubleToLongBits(loss)).isEqualTo(Double.doubleToLongBits(twin.loss()));
  }

  @Test
  void learner1d_badRequests_areAnsweredWithOneErrorLineEach_andServingGoesOn() {
    String script = String.join("\n", "bogus", "", "ask", "ask two", "ask -1", "ask 2000000",
        "tell 1", "tell a 1", "tell nan 1", "loss now", "ask 0", "tell 0.5 inf", "tell -1 -Infinity",
        "npoints") + "\n";

    Cli.Result result = Cli.runWithInput(script, "serve", "learner1d", "--bounds=-1,1");

    assertThat(result.exit()).as(result.toString()).isZero();
    String requests = "; requests are: ask N, tell x y, loss, npoints, quit";
    assertThat(result.outLines()).containsExactly(
        "error unknown request 'bogus'" + requests,
        "error empty request" + requests,
        "error ask takes one number, how many points: ask 1",
        "error ask 'two': give a whole number of points, e.g. ask 1",
        "error ask -1: give 0 to 1000000 points",
        "error ask 2000000: give 0 to 1000000 points",
        "error tell takes 2 numbers for learner1d, 'tell x y'; got 1",
        "error x 'a' is not a number",
        "error x 'nan' is not a finite number",
        "error loss takes no arguments, got 'now'",
        "0",
        "ok",
        "ok",
        "2");
  }

  @Test
  void learner1d_endOfInputWithoutQuit_endsNormally() {
    Cli.Result result = Cli.runWithInput("ask 1\n", "serve", "learner1d", "--bounds=0,1");

    assertThat(result.exit()).isZero();
    assertThat(result.outLines()).containsExactly("1", "0.0");
  }

  @Test
  void learner1d_outputs_tellsTakeOneValuePerOutput() {
    Learner<Double, double[]> twin = Learner1D.vector(0, 1, 2, new Loss1D.Default());
    twin.ask(2, true);
    twin.tell(0.0, new double[] {0, 1});
    twin.tell(1.0, new double[] {2, 3});

    Cli.Result result = Cli.runWithInput("ask 2\ntell 0.0 0 1\ntell 1.0 2 3\ntell 0.5 1\nloss\n",
        "serve", "learner1d", "--bounds=0,1", "--outputs=2");

    assertThat(result.outLines()).containsExactly("2", "0.0", "1.0", "ok", "ok",
        "error tell takes 3 numbers for learner1d, 'tell x y0 y1'; got 2",
        Double.toString(twin.loss()));
  }

  // ---- average, average1d, integrator ---------------------------------------------------------

  @Test
  void average_seeds_areWholeNumbers() {
    AverageLearner twin = new AverageLearner(0.1, Double.POSITIVE_INFINITY);
    twin.ask(3, true);
    twin.tell(0L, 1.0);
    twin.tell(1L, 2.0);
    twin.tell(2L, 4.5);

    Cli.Result result = Cli.runWithInput("ask 3\ntell 0 1\ntell 1 2.0\ntell 2 4.5\ntell 1.5 2\n"
        + "loss\nnpoints\n", "serve", "average", "--atol=0.1");

    assertThat(result.outLines()).containsExactly("3", "0", "1", "2", "ok", "ok", "ok",
        "error seed '1.5' is not a whole number", Double.toString(twin.loss()), "3");
  }

  @Test
  void average1d_pointsAreSeedAndX() {
    AverageLearner1D twin = new AverageLearner1D(-1, 1,
        AverageLearner1D.Settings.defaults().withMinSamples(3));
    List<String> expected = new ArrayList<>();
    StringBuilder script = new StringBuilder();
    for (int round = 0; round < 6; round++) {
      List<AverageLearner1D.SeedX> points = twin.ask(3, true).points();
      script.append("ask 3\n");
      expected.add(Integer.toString(points.size()));
      points.forEach(p -> expected.add(p.seed() + " " + p.x()));
      for (AverageLearner1D.SeedX p : points) {
        double y = p.x() + (p.seed() % 3) * 0.01;
        twin.tell(p, y);
        script.append("tell ").append(p.seed()).append(' ').append(p.x()).append(' ').append(y)
            .append('\n');
        expected.add("ok");
      }
    }
    expected.add(Double.toString(twin.loss()));

    Cli.Result result = Cli.runWithInput(script + "loss\n", "serve", "average1d",
        "--bounds=-1,1", "--min-samples=3");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).containsExactlyElementsOf(expected);
  }

  @Test
  void integrator_servesItsNodes() {
    IntegratorLearner twin = new IntegratorLearner(0, 1, 1e-8);
    List<Double> points = twin.ask(5, true).points();
    List<String> expected = new ArrayList<>(List.of("5"));
    points.forEach(x -> expected.add(Double.toString(x)));

    Cli.Result result = Cli.runWithInput("ask 5\n", "serve", "integrator", "--bounds=0,1",
        "--tol=1e-8");

    assertThat(result.outLines()).containsExactlyElementsOf(expected);
  }

  // ---- options -------------------------------------------------------------------------------

  @Test
  void serve_unknownKind_isAUsageErrorListingTheKinds() {
    Cli.Result result = Cli.run("serve", "learner3d");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines()).containsExactly("adaptive serve: unknown learner kind"
        + " 'learner3d'; available: [learner1d, average, average1d, integrator, learner2d,"
        + " learnernd]",
        "see: adaptive serve --help");
  }

  @Test
  void serve_optionsOfAnotherKind_areRefusedNotIgnored() {
    Cli.Result result = Cli.run("serve", "learner1d", "--bounds=0,1", "--tol=1e-3", "--atol=1");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines().get(0)).isEqualTo("adaptive serve: --atol, --tol do not apply to"
        + " learner1d; see serve --help for the options of each kind");
  }

  @Test
  void serve_missingOrBadSettings_areUsageErrorsSayingTheFix() {
    assertThat(Cli.run("serve", "learner1d").errLines().get(0))
        .isEqualTo("adaptive serve: learner1d needs --bounds, e.g. --bounds=-1,1");
    assertThat(Cli.run("serve", "learner1d", "--bounds=1").errLines().get(0))
        .isEqualTo("adaptive serve: --bounds takes two numbers, the lower bound first, e.g."
            + " --bounds=-1,1; got 1");
    assertThat(Cli.run("serve", "integrator", "--bounds=0,1").errLines().get(0))
        .isEqualTo("adaptive serve: integrator needs --tol, e.g. --tol=1e-8");
    assertThat(Cli.run("serve", "average").errLines().get(0))
        .isEqualTo("adaptive serve: average needs --atol, --rtol or both, e.g. --atol=0.01");
    assertThat(Cli.run("serve", "learner1d", "--bounds=0,1", "--loss=cubic").errLines().get(0))
        .isEqualTo("adaptive serve: unknown loss 'cubic'; available: [default, uniform,"
            + " curvature, triangle, abs-min-log, resolution]");
    Cli.Result reversed = Cli.run("serve", "average1d", "--bounds=1,-1");
    assertThat(reversed.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(reversed.errLines().get(0)).isEqualTo("adaptive serve: average1d: the bounds must"
        + " be finite and increasing, got '1.0' and '-1.0'");
  }
}
