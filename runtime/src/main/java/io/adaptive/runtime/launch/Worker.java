/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import io.adaptive.plan.ExecutionPlan;
import io.adaptive.plan.LearnerTask;
import io.adaptive.runtime.learn.Asked;
import io.adaptive.runtime.learn.BoundLearner;
import io.adaptive.runtime.learn.Learner;
import io.adaptive.runtime.learn.Learners;
import io.adaptive.runtime.protocol.ClaimRefusedException;
import io.adaptive.runtime.protocol.Hello;
import io.adaptive.runtime.protocol.Report;
import io.adaptive.runtime.store.LearnerDataFile;
import io.adaptive.runtime.store.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one learner of a plan in this JVM: proves its plan to the run manager, loads the learner's
 * saved data, keeps {@code cores} evaluations in flight until the goal is met, saves at every save
 * interval and at the end, and reports progress.
 */
public final class Worker {

  /** How many times one point is evaluated before its error fails the learner. */
  public static final int MAX_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(Worker.class);
  /** How long a worker tries to hand its final report to a run manager before it exits. */
  private static final java.time.Duration FINAL_REPORT_PATIENCE = java.time.Duration.ofMinutes(2);
  /** The longest the loop waits before it looks at stop requests again. */
  private static final long STOP_CHECK_NANOS = 100_000_000L;

  private final ExecutionPlan plan;
  private final WorkerAssignment assignment;
  private final StopRequest stopRequest;

  private Worker(ExecutionPlan plan, WorkerAssignment assignment, StopRequest stopRequest) {
    this.plan = plan;
    this.assignment = assignment;
    this.stopRequest = stopRequest;
  }

  /**
   * Runs the assigned learner to its goal and returns the exit status ({@link ExitStatus}).
   *
   * <p>The worker also stops by itself shortly before its walltime ends (the last tenth of it, at
   * most a minute), so that it saves in time on every backend.
   *
   * @param stopRequest checked between completions; once it has a reason, the worker saves and
   *     stops with {@link ExitStatus#WALLTIME} or {@link ExitStatus#STOPPED}
   */
  public static int run(ExecutionPlan plan, WorkerAssignment assignment, StopRequest stopRequest) {
    return new Worker(plan, assignment, stopRequest).run();
  }

  private int run() {
    LearnerTask task;
    try {
      task = plan.learner(assignment.learner());
    } catch (IllegalArgumentException e) {
      log.error("this worker cannot run its learner: {}", e.getMessage());
      return ExitStatus.REFUSED;
    }
    String fingerprint = PlanFingerprint.of(task);
    Hello hello = new Hello(task.name(), assignment.job(), fingerprint);
    try (ManagerLink link = ManagerLink.connect(assignment, hello)) {
      return runClaimed(task, fingerprint, link, Learners.bind(task.spec()));
    } catch (ClaimRefusedException e) {
      log.error("the run manager refused this worker: {}", e.getMessage());
      return ExitStatus.REFUSED;
    } catch (IOException e) {
      log.error("cannot reach the run manager at {}: {}", assignment.manager(), e.toString());
      return ExitStatus.LOST_MANAGER;
    }
  }

  private <P, V> int runClaimed(
      LearnerTask task, String fingerprint, ManagerLink link, BoundLearner<P, V> bound) {
    RunDirectory directory = new RunDirectory(assignment.store());
    Learner<P, V> learner = bound.learner();
    try (LearnerDataFile<P, V> data = DataFiles.open(
        directory.dataFile(task.name()), task.name(), fingerprint, learner.codec())) {
      data.loadInto(learner);
      log.info("learner {} resumed from {} saved points ({} s run so far), {} cores",
          task.name(), learner.npoints(), data.elapsedNanos() / 1_000_000_000L,
          task.resources().cores());
      return new Loop<>(task, bound, data, link).run();
    }
  }

  /** The evaluation loop of one learner; single-threaded apart from the function calls. */
  private final class Loop<P, V> {
    private final LearnerTask task;
    private final Learner<P, V> learner;
    private final BoundLearner.PointFunction<P, V> function;
    private final LearnerDataFile<P, V> data;
    private final ManagerLink link;
    private final int cores;
    private final long startNanos = System.nanoTime();
    private final long walltimeEnd;
    private final long elapsedBefore;
    private final ExecutorService pool;
    private final ExecutorCompletionService<Evaluation<P, V>> completions;
    private final Deque<P> retries = new ArrayDeque<>();
    private final Map<P, Integer> attempts = new HashMap<>();
    private int inFlight;
    private long reportedPoints;

    Loop(LearnerTask task, BoundLearner<P, V> bound, LearnerDataFile<P, V> data,
        ManagerLink link) {
      this.task = task;
      this.learner = bound.learner();
      this.function = bound.function();
      this.data = data;
      this.link = link;
      this.cores = task.resources().cores();
      this.elapsedBefore = data.elapsedNanos();
      long walltime = task.resources().walltime().toNanos();
      this.walltimeEnd = startNanos + walltime - Math.min(walltime / 10, 60_000_000_000L);
      AtomicInteger threads = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(cores, runnable -> {
        Thread thread = new Thread(runnable, "adaptive-eval-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      this.completions = new ExecutorCompletionService<>(pool);
    }

    int run() {
      long saveEvery = assignment.saveInterval().toNanos();
      long reportEvery = assignment.progressInterval().toNanos();
      long nextSave = System.nanoTime() + saveEvery;
      long nextReport = System.nanoTime();
      try {
        while (!GoalCheck.isMet(task.goal(), learner, elapsed())) {
          if (Thread.currentThread().isInterrupted()) {
            stopRequest.request(StopRequest.Reason.CANCEL);
          }
          if (System.nanoTime() >= walltimeEnd) {
            stopRequest.request(StopRequest.Reason.WALLTIME);
          }
          StopRequest.Reason why = stopRequest.reason();
          if (why == StopRequest.Reason.WALLTIME) {
            return stop(ExitStatus.WALLTIME, "its walltime is nearly over");
          } else if (why == StopRequest.Reason.CANCEL) {
            return stop(ExitStatus.STOPPED, "it was asked to stop");
          }
          fill();
          if (inFlight == 0) {
            log.info("learner {} has no more points to evaluate", task.name());
            break;
          }
          long now = System.nanoTime();
          long wait = Math.max(0, Math.min(Math.min(nextSave, nextReport), walltimeEnd) - now);
          wait = Math.min(wait, STOP_CHECK_NANOS);
          Future<Evaluation<P, V>> done = completions.poll(wait, TimeUnit.NANOSECONDS);
          while (done != null) {
            inFlight--;
            Evaluation<P, V> evaluation = done.get();
            if (evaluation.error() == null) {
              learner.tell(evaluation.point(), evaluation.value());
              attempts.remove(evaluation.point());
            } else if (failedTooOften(evaluation)) {
              return fail(evaluation);
            }
            done = completions.poll();
          }
          now = System.nanoTime();
          if (now >= nextSave) {
            data.save(learner, elapsed());
            nextSave = now + saveEvery;
          }
          // Also report whenever the points grew by a quarter, so that the history (and the
          // convergence chart) has the early part of the curve even for short runs.
          if (now >= nextReport || learner.npoints() >= reportedPoints * 5 / 4 + 8) {
            Report report = report();
            link.send(client -> client.progress(report));
            reportedPoints = learner.npoints();
            nextReport = now + reportEvery;
          }
        }
        finish();
        Report report = report();
        if (!link.deliver(client -> client.done(report), FINAL_REPORT_PATIENCE)) {
          log.warn("no run manager took the final report of learner {}; its data is saved and a"
              + " new run manager will see it done", task.name());
        }
        log.info("learner {} reached its goal {} with {} points, loss {}",
            task.name(), task.goal().describe(), learner.npoints(), learner.loss());
        return ExitStatus.DONE;
      } catch (ClaimRefusedException e) {
        return stop(ExitStatus.REFUSED, "a new run manager refused it: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return stop(ExitStatus.STOPPED, "it was interrupted");
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("an evaluation task failed outside the function", e);
      } finally {
        pool.shutdownNow();
      }
    }

    private void fill() {
      while (inFlight < cores && !retries.isEmpty()) {
        submit(retries.poll());
      }
      int wanted = cores - inFlight;
      if (wanted > 0) {
        Asked<P> asked = learner.ask(wanted, true);
        for (P point : asked.points()) {
          submit(point);
        }
      }
    }

    private void submit(P point) {
      inFlight++;
      completions.submit(() -> {
        try {
          V value = function.apply(point);
          if (value == null) {
            return new Evaluation<>(point, null,
                new NullPointerException("the function returned null at " + point));
          }
          return new Evaluation<>(point, value, null);
        } catch (Exception | LinkageError | AssertionError e) {
          return new Evaluation<>(point, null, e);
        }
      });
    }

    private boolean failedTooOften(Evaluation<P, V> evaluation) {
      int count = attempts.merge(evaluation.point(), 1, Integer::sum);
      log.warn("learner {}: the function failed at {} (attempt {} of {}): {}", task.name(),
          evaluation.point(), count, MAX_ATTEMPTS, evaluation.error().toString());
      if (count >= MAX_ATTEMPTS) {
        return true;
      }
      retries.add(evaluation.point());
      return false;
    }

    private int fail(Evaluation<P, V> evaluation) {
      finish();
      StringWriter trace = new StringWriter();
      evaluation.error().printStackTrace(new PrintWriter(trace));
      String error = "the function failed " + MAX_ATTEMPTS + " times at " + evaluation.point()
          + ": " + evaluation.error() + "\n" + trace;
      Report report = report();
      link.deliver(client -> client.failed(report, error), FINAL_REPORT_PATIENCE);
      log.error("learner {} failed: {}", task.name(), error);
      return ExitStatus.LEARNER_FAILED;
    }

    private int stop(int status, String why) {
      finish();
      log.info("learner {} saved at {} points and stopped: {}", task.name(), learner.npoints(), why);
      return status;
    }

    private void finish() {
      pool.shutdownNow();
      learner.removeUnfinished();
      data.save(learner, elapsed());
    }

    private Report report() {
      return new Report(learner.npoints(), learner.loss(), elapsed());
    }

    private long elapsed() {
      return elapsedBefore + (System.nanoTime() - startNanos);
    }
  }

  private record Evaluation<P, V>(P point, V value, Throwable error) {}
}
