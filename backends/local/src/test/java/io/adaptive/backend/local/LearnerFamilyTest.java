/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.adaptive.runtime.LearnerState;
import io.adaptive.runtime.LearnerStatus;
import io.adaptive.runtime.RunResult;
import io.adaptive.runtime.store.DataSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every learner kind of the DSL runs to its goal on the in-process backend, and saves its data. */
final class LearnerFamilyTest {

  @TempDir Path dir;

  @Test
  void everyLearnerKind_reachesItsGoal_andPublishesItsData() {
    RunResult result = FamilyProgram.run(Local.inProcess(2), dir.resolve("store"));

    assertThat(result.succeeded()).as(result.summary()).isTrue();
    assertFamily(result);
  }

  static void assertFamily(RunResult result) {
    assertThat(result.learners()).extracting(LearnerStatus::kind).containsExactly("learner1D",
        "learner1DVector", "average", "average1D", "integrator", "sequence", "balancing",
        "dataSaver", "learnerND");
    for (LearnerStatus learner : result.learners()) {
      assertThat(learner.state()).as(learner.name()).isEqualTo(LearnerState.DONE);
      DataSnapshot data = DataSnapshot.read(learner.data());
      if (learner.kind().equals("average1D")) {
        // Its points are x values; its data holds every sample, several per x.
        assertThat((long) data.size()).as("average1D samples").isGreaterThan(learner.npoints());
      } else {
        assertThat((long) data.size()).as(learner.name() + " rows").isEqualTo(learner.npoints());
      }
    }
    assertThat(DataSnapshot.read(result.learner("vector").data()).columns())
        .containsExactly("x", "y0", "y1");
    assertThat(DataSnapshot.read(result.learner("saver").data()).columns()).contains("extra_data");
    assertThat(DataSnapshot.read(result.learner("nd").data()).columns())
        .containsExactly("x", "y", "z", "value");
    assertThat(result.learner("sequence").npoints()).isEqualTo(3);
    assertThat(result.learner("balancing").npoints()).isGreaterThanOrEqualTo(60);
  }
}
