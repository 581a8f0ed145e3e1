/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class BackoffTest {

  @Test
  void delay_withoutJitter_startsAtHalfASecondAndDoubles() {
    Backoff backoff = new Backoff(duration -> { }, () -> 0.5);

    assertThat(List.of(backoff.delay(1), backoff.delay(2), backoff.delay(3), backoff.delay(4)))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4));
  }

  @Test
  void delay_late_isCappedAt30Seconds() {
    Backoff highest = new Backoff(duration -> { }, () -> 0.999_999);
    Backoff lowest = new Backoff(duration -> { }, () -> 0.0);

    assertThat(highest.delay(7)).isEqualTo(Duration.ofSeconds(30));
    assertThat(highest.delay(1000)).isEqualTo(Duration.ofSeconds(30));
    assertThat(lowest.delay(1000)).isEqualTo(Duration.ofMillis(22_500));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void delay_withJitter_staysWithin25PercentAndTheCap(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Backoff backoff = new Backoff(duration -> { }, random::nextDouble);
    for (int attempt = 1; attempt <= 12; attempt++) {
      double nominal = Math.min(500 * Math.pow(2, attempt - 1), 30_000);
      long delay = backoff.delay(attempt).toMillis();
      assertThat(delay).as("seed %d, attempt %d", seed, attempt)
          .isBetween((long) Math.floor(nominal * 0.75), (long) Math.min(Math.ceil(nominal * 1.25),
              30_000));
    }
  }

  @Test
  void pause_sleepsTheDelay() throws Exception {
    List<Duration> slept = new ArrayList<>();
    Backoff backoff = new Backoff(slept::add, () -> 0.5);

    backoff.pause(1);
    backoff.pause(3);

    assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(2));
  }
}
