/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.learn.LearnerND;
import io.adaptive.runtime.learn.LearnerNDLoss;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code adaptive serve learnernd}: points 'x y z' (or 'x y'), values 'value'. */
final class ServeLearnerNDTest {

  private static double shell(double x, double y, double z) {
    double r = x * x + y * y + (z - 1) * (z - 1) - 0.5;
    return x + Math.exp(-(r * r) / 0.01);
  }

  @Test
  void learnernd3D_askTellLossNpoints_answersAsTheLearnerItself() {
    LearnerND twin = LearnerND.of(new double[] {-1, -1, 0}, new double[] {1, 1, 2},
        new LearnerNDLoss.Curvature(0.05), LearnerND.DEFAULT_SEED);
    StringBuilder script = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 15; round++) {
      List<double[]> points = twin.ask(3, true).points();
      script.append("ask 3\n");
      expected.add(Integer.toString(points.size()));
      points.forEach(p -> expected.add(p[0] + " " + p[1] + " " + p[2]));
      for (double[] p : points) {
        double v = shell(p[0], p[1], p[2]);
        twin.tell(p, v);
        script.append("tell ").append(p[0]).append(' ').append(p[1]).append(' ').append(p[2])
            .append(' ').append(v).append('\n');
        expected.add("ok");
      }
      script.append("loss\nnpoints\n");
      expected.add(Double.toString(twin.loss(true)));
      expected.add(Long.toString(twin.npoints()));
    }

    Cli.Result result = Cli.runWithInput(script + "quit\n", "serve", "learnernd",
        "--bounds=-1,1,-1,1,0,2", "--loss=curvature");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.outLines()).containsExactlyElementsOf(expected);
  }

  @Test
  void learnernd2D_firstPointsAreTheCornersInSortedOrder() {
    Cli.Result result = Cli.runWithInput("ask 4\n", "serve", "learnernd", "--bounds=-1,1,0,2");

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.outLines()).containsExactly("4", "-1.0 0.0", "-1.0 2.0", "1.0 0.0",
        "1.0 2.0");
  }

  @Test
  void learnernd_fiveBounds_isAUsageError() {
    Cli.Result result = Cli.run("serve", "learnernd", "--bounds=-1,1,-1,1,0");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines()).containsExactly("adaptive serve: --bounds takes four or six"
        + " numbers for learnernd, a lower and upper bound per coordinate, e.g."
        + " --bounds=-1,1,-1,1,0,2; got 5", "see: adaptive serve --help");
  }

  @Test
  void learnernd_unknownLoss_listsTheLosses() {
    Cli.Result result = Cli.run("serve", "learnernd", "--bounds=-1,1,-1,1", "--loss=resolution");

    assertThat(result.exit()).isEqualTo(AdaptiveCli.USAGE);
    assertThat(result.errLines()).containsExactly("adaptive serve: unknown loss 'resolution';"
        + " available: [default, uniform, std, triangle, curvature]",
        "see: adaptive serve --help");
  }
}
