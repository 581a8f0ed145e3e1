/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.runtime.LearnerState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The learner record's encoding: format 2 round trips, format 1 (before interruptions) reads. */
final class LearnerRecordTest {

  @Test
  void encode_format2_keepsInterruptionsAndTheStopReason() {
    LearnerRecord record = new LearnerRecord("a", "f00d", "learner1D", "points(50)",
        LearnerState.RUNNING, "j1", "123", 1, 40, 0.5, 9, "boom", 77, 3, "the user cancelled it");

    assertThat(LearnerRecord.decode("a", record.encode())).isEqualTo(record);
  }

  @Test
  void decode_format1_readsWithNoInterruptionsAndNoStop() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(1);
      out.writeUTF("f00d");
      out.writeUTF("learner1D");
      out.writeUTF("points(50)");
      out.writeUTF("PENDING");
      out.writeUTF("");
      out.writeUTF("");
      out.writeInt(2);
      out.writeLong(40);
      out.writeDouble(0.5);
      out.writeLong(9);
      byte[] error = "boom".getBytes(StandardCharsets.UTF_8);
      out.writeInt(error.length);
      out.write(error);
      out.writeLong(77);
    }

    assertThat(LearnerRecord.decode("a", bytes.toByteArray())).isEqualTo(new LearnerRecord("a",
        "f00d", "learner1D", "points(50)", LearnerState.PENDING, "", "", 2, 40, 0.5, 9, "boom",
        77, 0, ""));
  }

  @Test
  void decode_newerFormat_isRefusedNamingTheFormatsItReads() {
    byte[] format9 = {0, 0, 0, 9};

    assertThatThrownBy(() -> LearnerRecord.decode("a", format9))
        .hasMessage("learner record format 9 is unknown (this adaptive-java reads formats 1 and"
            + " 2; a newer one wrote it)");
  }

  @Test
  void restarted_keepsInterruptionsForATakenUpLearner_andForgivesThemForARetriedOne() {
    LearnerRecord interrupted = LearnerRecord.fresh("a", "f00d", "learner1D", "points(50)")
        .interrupted(1).interrupted(2);

    assertThat(interrupted.restarted("points(50)", LearnerState.PENDING, 3).interruptions())
        .as("a pending learner that a restarted manager takes up").isEqualTo(2);
    assertThat(interrupted.released(LearnerState.FAILED, 3)
        .restarted("points(50)", LearnerState.PENDING, 4).interruptions())
        .as("a failed learner run again").isZero();
  }
}
