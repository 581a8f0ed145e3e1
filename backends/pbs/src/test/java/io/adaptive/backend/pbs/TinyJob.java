/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs;

/** A stand-in worker for session tests: sleeps, then exits. Arguments: millis, exit status. */
public final class TinyJob {

  public static void main(String[] args) throws InterruptedException {
    Thread.sleep(Long.parseLong(args[0]));
    System.exit(Integer.parseInt(args[1]));
  }
}
