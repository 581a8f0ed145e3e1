/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;

/**
 * Why a worker should save and stop before its goal: set from a signal handler or by an in-process
 * backend, read by the worker loop between completions.
 */
public final class StopRequest {

  /** Why a worker stops early. */
  public enum Reason {
    /** Its walltime is nearly over (SIGUSR1 from a batch scheduler, or its own deadline). */
    WALLTIME,
    /** It was asked to stop: SIGTERM (a cancel), SIGINT (Ctrl-C), or an interrupt. */
    CANCEL
  }

  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private final BooleanSupplier cancelled;

  /** A request that only {@link #request} sets. */
  public StopRequest() {
    this(() -> false);
  }

  private StopRequest(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
  }

  /**
   * A request that also means {@link Reason#CANCEL} once {@code cancelled} is true: how an
   * in-process backend stops the worker it runs on a thread of its own.
   */
  public static StopRequest cancelledWhen(BooleanSupplier cancelled) {
    return new StopRequest(Objects.requireNonNull(cancelled, "cancelled"));
  }

  /** Asks the worker to stop; the first reason given wins. */
  public void request(Reason why) {
    reason.compareAndSet(null, why);
  }

  /** The reason to stop, or null to go on. */
  public Reason reason() {
    if (reason.get() == null && cancelled.getAsBoolean()) {
      request(Reason.CANCEL);
    }
    return reason.get();
  }

  /**
   * A request set by this process's signals: SIGUSR1 means walltime, SIGTERM and SIGINT mean
   * cancel. The JVM's own shutdown on these signals is replaced: the worker saves and then exits
   * with a status that says why.
   */
  public static StopRequest onSignals() {
    StopRequest request = new StopRequest();
    Signal.handle(new Signal("USR1"), signal -> request.request(Reason.WALLTIME));
    Signal.handle(new Signal("TERM"), signal -> request.request(Reason.CANCEL));
    Signal.handle(new Signal("INT"), signal -> request.request(Reason.CANCEL));
    return request;
  }
}
