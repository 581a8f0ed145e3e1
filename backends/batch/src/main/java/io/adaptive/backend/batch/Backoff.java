/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between retries of a scheduler command: 0.5 s before the second attempt, doubling after
 * each, never more than 30 s, each delay varied by up to ±25 % at random so that many clients do
 * not retry in step.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofMillis(500);
  static final Duration CAP = Duration.ofSeconds(30);
  static final double JITTER = 0.25;

  /** Sleeps for a while; tests record instead of sleeping. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real clock. */
    static Sleeper real() {
      return duration -> Thread.sleep(duration.toMillis());
    }
  }

  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * @param sleeper how to wait
   * @param random numbers in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
   */
  Backoff(Sleeper sleeper, DoubleSupplier random) {
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * The delay after failed attempt {@code attempt} (1 for the first): 0.5 s × 2^(attempt−1),
   * times a random factor in [0.75, 1.25], at most 30 s.
   */
  Duration delay(int attempt) {
    double nominal = FIRST.toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
    double jittered = Math.min(nominal, CAP.toMillis())
        * (1 - JITTER + 2 * JITTER * random.getAsDouble());
    return Duration.ofMillis(Math.round(Math.min(jittered, CAP.toMillis())));
  }

  /** Waits {@link #delay(int)} after failed attempt {@code attempt}. */
  void pause(int attempt) throws InterruptedException {
    sleeper.sleep(delay(attempt));
  }
}
