/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class WorkerCommandTest {

  private static ResourceShape shape(int tasks, Memory memory) {
    return TestScheduler.shape(tasks * 2, tasks, memory, Map.of(), List.of());
  }

  // ------------------------------------------------------------------------------------- of

  @Test
  void of_driverHeapOptions_areReplacedBy75PercentOfTheMemory() {
    List<String> command = WorkerCommand.of(List.of("/jdk/bin/java", "-Xms1g", "-Xmx8g",
        "-XX:MaxRAMPercentage=50", "-XX:InitialRAMPercentage=10", "-XX:MinRAMPercentage=5",
        "-XX:MaxRAM=1g", "-Dx=1", "-cp", "a.jar", "Main", "arg"), "", shape(1, Memory.gib(4)));

    assertThat(command).containsExactly("/jdk/bin/java", "-Xmx3072m", "-Dx=1", "-cp", "a.jar",
        "Main", "arg");
  }

  @Test
  void of_heapLikeProgramArguments_areKept() {
    List<String> command = WorkerCommand.of(List.of("java", "-cp", "-Xmx9g", "Main", "-Xmx1g",
        "-Xms2g"), "", shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-cp", "-Xmx9g", "Main", "-Xmx1g",
        "-Xms2g");
  }

  @Test
  void of_jar_argumentsAfterTheJarAreKept() {
    List<String> command = WorkerCommand.of(List.of("java", "-Xmx2g", "-jar", "app.jar", "-Xmx1g"),
        "", shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-jar", "app.jar", "-Xmx1g");
  }

  @Test
  void of_javaOverride_replacesTheExecutableOnly() {
    List<String> command = WorkerCommand.of(List.of("/driver/java", "-cp", "a.jar", "Main"),
        "/cluster/java", shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("/cluster/java", "-Xmx768m", "-cp", "a.jar", "Main");
  }

  @Test
  void of_emptyCommand_isRefused() {
    assertThatThrownBy(() -> WorkerCommand.of(List.of(), "", shape(1, Memory.gib(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the relaunch command is empty; expected java, its options, the main class"
            + " and the program's arguments");
  }

  // -------------------------------------------------------------------------------- heapMib

  @Test
  void heapMib_isAShareOfTheMemoryPerTask() {
    assertThat(WorkerCommand.heapMib(shape(1, Memory.gib(16)))).isEqualTo(12288);
    assertThat(WorkerCommand.heapMib(shape(4, Memory.gib(16)))).isEqualTo(3072);
    assertThat(WorkerCommand.heapMib(shape(1, Memory.mib(1001)))).isEqualTo(750);
  }

  @Test
  void heapMib_tinyMemory_getsTheSmallestHeap() {
    assertThat(WorkerCommand.heapMib(shape(1, Memory.mib(20)))).isEqualTo(64);
  }
}
