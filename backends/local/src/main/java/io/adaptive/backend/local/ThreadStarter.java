/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import io.adaptive.runtime.spi.JobRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts each job as a thread of this JVM, running the worker directly. */
final class ThreadStarter implements Starter {

  private static final Logger log = LoggerFactory.getLogger(ThreadStarter.class);

  @Override
  public Started start(JobRequest request, IntConsumer onExit) {
    AtomicInteger status = new AtomicInteger(-1);
    AtomicBoolean cancelled = new AtomicBoolean();
    Thread thread = new Thread(() -> {
      int exit = 1;
      try {
        exit = request.launch().runInThisJvm(cancelled::get);
      } catch (RuntimeException | Error e) {
        log.error("the in-process worker of learner {} crashed", request.learner(), e);
      } finally {
        status.set(exit);
        onExit.accept(exit);
      }
    }, "adaptive-job-" + request.learner());
    thread.setDaemon(true);
    thread.start();
    return new Started() {
      @Override
      public int exitStatus() {
        return status.get();
      }

      @Override
      public boolean isAlive() {
        return status.get() < 0;
      }

      @Override
      public void stop() {
        cancelled.set(true); // the worker saves, then ends: as SIGTERM makes it do
      }

      @Override
      public void kill() {
        thread.interrupt();
      }
    };
  }

  @Override
  public Started adopt(JobRequest request, IntConsumer onExit) {
    return null; // threads die with the JVM that ran them
  }
}
