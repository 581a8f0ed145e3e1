package org.example;

import static io.adaptive.dsl.Adaptive.*;

import io.adaptive.charts.ChartListener;
import io.adaptive.dsl.Axis;
import io.adaptive.plan.ExecutionPlan;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.Runner;
import io.adaptive.runtime.spi.BackendProvider;
import java.time.Duration;

/**
 * A sweep of eight Learner1D learners, one batch job each. The first argument names the backend:
 * {@code local} (default), {@code slurm}, {@code pbs}, or with options, e.g.
 * {@code slurm:advertised-host=login01}. Add {@code --explain} to print the job scripts instead.
 *
 * <pre>java -cp target/my-sweep.jar org.example.MySweep slurm</pre>
 */
public final class MySweep {

  static final Axis<Double> A = axis("a", 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08);

  public static void main(String[] args) {
    // Above run(): the driver and every job run this, so it must build the same plan each time.
    ExecutionPlan plan = experiment("my-sweep")
        .sweep(A)
        .learn(point -> learner1D(interval(-1, 1), x -> {
          double a = point.get(A);
          return x + a * a / (a * a + x * x);               // your simulation goes here
        }))
        .until(lossBelow(0.001).or(points(5_000)))
        .resources(resources().cores(1).memory(gib(1)).walltime(Duration.ofMinutes(30)))
        .compile();

    String backend = args.length > 0 && !args[0].startsWith("--") ? args[0] : "local";
    Runner runner = Runner.on(BackendProvider.backend(backend))
        .saveInterval(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(30))               // one squeue / qstat per 30 s
        .listener(ChartListener.intoChartsDirectory());
    if (java.util.List.of(args).contains("--explain")) {
      System.out.print(runner.explain(plan));               // job scripts; nothing submitted
      return;
    }
    RunResult result = runner.run(plan);
    // Below run(): the driver only.
    System.out.print(result.summary());
  }
}
