/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.learn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AverageLearnerSeedsTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 2024})
  void operations_randomMix_behaveLikeHashSet(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    AverageLearnerSeeds seeds = new AverageLearnerSeeds();
    Set<Long> expected = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      long s;
      switch (random.nextInt(4)) {
        case 0:
          s = random.nextLong(); // anywhere, negative included
          break;
        case 1:
          s = random.nextLong(1L << 40); // far ahead of the bitmap
          break;
        default:
          s = random.nextLong(5_000); // dense
          break;
      }
      if (random.nextInt(3) == 0) {
        assertThat(seeds.remove(s)).as("seed %d: remove %d", seed, s).isEqualTo(expected.remove(s));
      } else {
        assertThat(seeds.add(s)).as("seed %d: add %d", seed, s).isEqualTo(expected.add(s));
      }
      long probe = random.nextInt(2) == 0 ? s : random.nextLong(6_000);
      assertThat(seeds.contains(probe))
          .as("seed %d: contains %d", seed, probe)
          .isEqualTo(expected.contains(probe));
      assertThat(seeds.size()).isEqualTo(expected.size());
    }
    seeds.clear();
    assertThat(seeds.isEmpty()).isTrue();
    assertThat(seeds.contains(1)).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void add_farSeedThenBitmapGrowsOverIt_staysSingle(long seed) {
    AverageLearnerSeeds seeds = new AverageLearnerSeeds();
    long far = 1_000_000 + seed;
    assertThat(seeds.add(far)).isTrue();
    for (long s = 0; s < 1_100_000; s++) {
      assertThat(seeds.add(s)).isEqualTo(s != far);
    }
    assertThat(seeds.size()).isEqualTo(1_100_000);
    assertThat(seeds.remove(far)).isTrue();
    assertThat(seeds.contains(far)).isFalse();
  }
}
