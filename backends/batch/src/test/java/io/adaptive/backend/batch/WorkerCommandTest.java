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
        "-XX:MaxRAM=1g", "-Dx=1", "-cp", "a.jar", "Main", "arg"), "", List.of(), shape(1, Memory.gib(4)));

    assertThat(command).containsExactly("/jdk/bin/java", "-Xmx3072m", "-Dx=1", "-cp", here("a.jar"),
        "Main", "arg");
  }

  @Test
  void of_driversArchiveDumps_areNotPassedOn_soThatJobsDoNotAllWriteOneFile() {
    List<String> command = WorkerCommand.of(List.of("java", "-XX:ArchiveClassesAtExit=app.jsa",
        "-XX:DumpLoadedClassList=app.lst", "-XX:SharedArchiveFile=base.jsa", "-cp", "a.jar", "Main",
        "-XX:ArchiveClassesAtExit=arg"), "", List.of(), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-XX:SharedArchiveFile=base.jsa", "-cp",
        here("a.jar"), "Main", "-XX:ArchiveClassesAtExit=arg");
  }

  @Test
  void of_heapLikeProgramArguments_areKept() {
    List<String> command = WorkerCommand.of(List.of("java", "-cp", "-Xmx9g", "Main", "-Xmx1g",
        "-Xms2g"), "", List.of(), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-cp", here("-Xmx9g"), "Main", "-Xmx1g",
        "-Xms2g");
  }

  @Test
  void of_jar_argumentsAfterTheJarAreKept() {
    List<String> command = WorkerCommand.of(List.of("java", "-Xmx2g", "-jar", "app.jar", "-Xmx1g"),
        "", List.of(), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-jar", here("app.jar"), "-Xmx1g");
  }

  @Test
  void of_javaOverride_replacesTheExecutableOnly() {
    List<String> command = WorkerCommand.of(List.of("/driver/java", "-cp", "a.jar", "Main"),
        "/cluster/java", List.of(), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("/cluster/java", "-Xmx768m", "-cp", here("a.jar"), "Main");
  }

  @Test
  void of_relativePaths_becomeAbsoluteAgainstTheDriversDirectory_forJobsStartElsewhere() {
    List<String> command = WorkerCommand.of(List.of("jdk/bin/java", "-cp",
        "target/app.jar:/opt/lib/*:lib/../x.jar", "--module-path", "mods", "-Dp=rel", "Main",
        "data/in.csv"), "", List.of(), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly(here("jdk/bin/java"), "-Xmx768m", "-cp",
        here("target/app.jar") + ":/opt/lib/*:" + here("x.jar"), "--module-path", here("mods"),
        "-Dp=rel", "Main", "data/in.csv");
  }

  @Test
  void of_workersOptions_comeAfterTheDriversAndBeforeTheMainClass_soThatTheyWin() {
    List<String> command = WorkerCommand.of(List.of("java", "-XX:TieredStopAtLevel=1", "-cp",
        "a.jar", "Main", "-XX:TieredStopAtLevel=1"), "", List.of("-XX:TieredStopAtLevel=4",
        "-Dp=worker"), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp",
        here("a.jar"), "-XX:TieredStopAtLevel=4", "-Dp=worker", "Main", "-XX:TieredStopAtLevel=1");
  }

  @Test
  void of_workersOptions_comeBeforeTheJar() {
    List<String> command = WorkerCommand.of(List.of("java", "-Xss2m", "-jar", "app.jar", "x"), "",
        List.of("-XX:+UseParallelGC"), shape(1, Memory.gib(1)));

    assertThat(command).containsExactly("java", "-Xmx768m", "-Xss2m", "-XX:+UseParallelGC", "-jar",
        here("app.jar"), "x");
  }

  @Test
  void checkOptions_refusesWhatTheWorkersCannotTake_namingTheOptionAndTheFix() {
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-Xss2m", "TieredStopAtLevel=4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("java option 'TieredStopAtLevel=4' is not a JVM option")
        .hasMessageContaining("e.g. javaOptions(\"-XX:TieredStopAtLevel=4\"");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-Xmx8g")))
        .hasMessageStartingWith("java option '-Xmx8g' sets the heap")
        .hasMessageContaining("r.memory(Memory.gib(8))");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-XX:MaxRAMPercentage=80")))
        .hasMessageContaining("sets the heap");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-XX:ArchiveClassesAtExit=w.jsa")))
        .hasMessageContaining("would make every job write that one file at its exit");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-cp")))
        .hasMessageContaining("would change what the workers run");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("--class-path=x.jar")))
        .hasMessageContaining("would change what the workers run");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-jar")))
        .hasMessageContaining("would change what the workers run");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("--add-opens")))
        .hasMessage("java option '--add-opens' needs its value in the same word: write"
            + " --add-opens=<value>");
    assertThatThrownBy(() -> WorkerCommand.checkOptions(List.of("-Xss2m ")))
        .hasMessageContaining("is not a JVM option");
    WorkerCommand.checkOptions(List.of("-XX:TieredStopAtLevel=4",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dp=a b", "-Xss4m"));
  }

  private static String here(String relative) {
    return java.nio.file.Path.of(relative).toAbsolutePath().normalize().toString();
  }

  @Test
  void of_emptyCommand_isRefused() {
    assertThatThrownBy(() -> WorkerCommand.of(List.of(), "", List.of(), shape(1, Memory.gib(1))))
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
