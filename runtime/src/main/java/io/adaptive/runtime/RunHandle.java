/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime;

import io.adaptive.AdaptiveException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run going on in its own thread, from {@link Runner#start}: watch it, wait for it, cancel it.
 * Thread-safe.
 */
public final class RunHandle {

  private final String experiment;
  private final RunManager manager;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile RunResult result;
  private volatile Throwable failure;

  private RunHandle(String experiment, RunManager manager) {
    this.experiment = experiment;
    this.manager = manager;
  }

  static RunHandle start(String experiment, RunManager manager, List<RunListener> listeners,
      List<AutoCloseable> resources) {
    RunHandle handle = new RunHandle(experiment, manager);
    Thread thread = new Thread(() -> {
      try {
        handle.result = new RunResult(manager.run(listeners));
      } catch (Throwable e) {
        handle.failure = e;
      } finally {
        Runner.closeAll(resources);
        handle.finished.countDown();
      }
    }, "adaptive-run-manager");
    thread.start();
    return handle;
  }

  /** The run as of the last progress interval (or its end). */
  public RunSnapshot status() {
    return manager.latest();
  }

  /** True once every learner is done, failed or cancelled, or the run failed. */
  public boolean isDone() {
    return finished.getCount() == 0;
  }

  /**
   * Waits until the run ends and returns its result.
   *
   * @throws AdaptiveException if the run manager failed
   * @throws InterruptedException if the calling thread is interrupted; the run goes on
   */
  public RunResult await() throws InterruptedException {
    finished.await();
    return outcome();
  }

  /**
   * Waits at most {@code timeout} for the run to end.
   *
   * @return the result, or empty if the run still goes on
   * @throws AdaptiveException if the run manager failed
   * @throws InterruptedException if the calling thread is interrupted; the run goes on
   */
  public Optional<RunResult> await(Duration timeout) throws InterruptedException {
    if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return Optional.empty();
    }
    return Optional.of(outcome());
  }

  /**
   * Cancels every learner still pending or running: running workers save and stop, and the run
   * ends with them {@link LearnerState#CANCELLED}. Running the program again resumes them.
   * Returns at once; {@link #await} waits for the end.
   */
  public void cancel() {
    manager.cancelAll();
  }

  private RunResult outcome() {
    if (failure != null) {
      throw failure instanceof AdaptiveException adaptive ? adaptive
          : new AdaptiveException("the run manager of '" + experiment + "' failed: " + failure,
              failure);
    }
    return result;
  }
}
