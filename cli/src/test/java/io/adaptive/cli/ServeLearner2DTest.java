/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.learn.Learner2D;
import io.adaptive.runtime.learn.Learner2DLoss;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code adaptive serve learner2d}: points 'x y', values 'z'. */
final class ServeLearner2DTest {

  private static double ring(double x, double y) {
    double r = x * x + y * y - 0.5625;
    return x + Math.exp(-(r * r) / 0.0016);
  }

  @Test
  void learner2d_askTellLossNpoints_answersAsTheLearnerItself() {
    Learner2D twin = Learner2D.of(-1, 1, -0.5, 1, new Learner2DLoss.Uniform());
    StringBuilder script = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 15; round++) {
      List<double[]> points = twin.ask(3, true).points();
      script.append("ask 3\n");
      expected.add(Integer.toString(points.size()));
      points.forEach(p -> expected.add(p[0] + " " + p[1]));
      for (double[] p : points) {
        double z = ring(p[0], p[1]);
        twin.tell(p, z);
        script.append("tell ").append(p[0]).append(' ').append(p[1]).append(' ').append(z)
            .append('\n');
        expected.add("ok");
      }
      script.append("loss\nnpoints\n");
      expected.add(Double.toString(twin.loss(true)));
      expected.add(Long.toString(twin.npoints()));
    }

    Cli.Result result = Cli.runWithInput(script + "quit\n", "serve", "learner2d",
        "--bounds=-1,1,-0.5,1", "--loss=uniform");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines()).containsExactlyElementsOf(expected);
  }

  @Test
  void learner2d_defaultLoss_firstPointsAreTheCorners() {
    Cli.Result result = Cli.runWithInput("ask 4\n", "serve", "learner2d", "--bounds=-1,1,-1,1");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines().get(0)).isEqualTo("4");
    assertThat(result.outLines().subList(1, 5)).containsExactlyInAnyOrder(
        "-1.0 -1.0", "-1.0 1.0", "1.0 -1.0", "1.0 1.0");
  }

  @Test
  void learner2d_badTells_areAnsweredWithAnError_andServingGoesOn() {
    Cli.Result result = Cli.runWithInput("tell 0.5 0.5\ntell 0.5 nan 1\ntell 0.5 0.5 2\nnpoints\n",
        "serve", "learner2d", "--bounds=-1,1,-1,1");

    assertThat(result.outLines()).containsExactly(
        "error tell takes 3 numbers for learner2d, 'tell x y z'; got 2",
        "error y 'nan' is not a finite number",
        "ok",
        "1");
  }

  @Test
  void learner2d_resolutionLoss_takesMinAndMaxDistance() {
    Cli.Result result = Cli.runWithInput("ask 1\n", "serve", "learner2d", "--bounds=0,1,0,1",
        "--loss=resolution", "--min-distance=0.01", "--max-distance=0.5");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines().get(0)).isEqualTo("1");
  }

  @Test
  void learner2d_missingOrBadSettings_areUsageErrorsSayingTheFix() {
    assertThat(Cli.run("serve", "learner2d").errLines().get(0)).isEqualTo(
        "adaptive serve: learner2d needs --bounds, x then y, e.g. --bounds=-1,1,-1,1");
    assertThat(Cli.run("serve", "learner2d", "--bounds=-1,1").errLines().get(0)).isEqualTo(
        "adaptive serve: --bounds takes four numbers for learner2d, x then y bounds, e.g."
            + " --bounds=-1,1,-1,1; got 2");
    assertThat(Cli.run("serve", "learner2d", "--bounds=0,1,0,1", "--loss=curvature")
        .errLines().get(0)).isEqualTo("adaptive serve: unknown loss 'curvature'; available:"
            + " [default, uniform, resolution, min-triangle-surface, triangle]");
    assertThat(Cli.run("serve", "learner2d", "--bounds=0,1,0,1", "--min-distance=0.1")
        .errLines().get(0)).isEqualTo("adaptive serve: --min-distance and --max-distance apply"
            + " to --loss=resolution only");
    assertThat(Cli.run("serve", "learner1d", "--bounds=0,1", "--max-distance=0.1")
        .errLines().get(0)).isEqualTo("adaptive serve: --max-distance does not apply to"
            + " learner1d; see serve --help for the options of each kind");
    Cli.Result reversed = Cli.run("serve", "learner2d", "--bounds=0,1,1,-1");
    assertThat(reversed.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(reversed.errLines().get(0)).startsWith("adaptive serve: learner2d: ");
    Cli.Result badResolution = Cli.run("serve", "learner2d", "--bounds=0,1,0,1",
        "--loss=resolution", "--min-distance=0.5", "--max-distance=0.1");
    assertThat(badResolution.errLines().get(0)).isEqualTo("adaptive serve: learner2d:"
        + " resolution(0.5, 0.1) needs 0 <= minDistance < maxDistance; for example"
        + " resolution(0.01, 1.0)");
  }
}
