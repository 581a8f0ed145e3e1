/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link RelaunchCommand}: the program's command line, whole, however long its class path. */
final class RelaunchCommandTest {

  @Test
  @EnabledOnOs(OS.LINUX)
  void current_longClassPath_keepsEveryArgumentOfTheProgram() throws Exception {
    // Over a page of class path: ProcessHandle.Info.arguments() would cut the last words off.
    String padding = "/nonexistent/" + "x".repeat(6_000) + ".jar";
    String classPath = System.getProperty("java.class.path") + java.io.File.pathSeparator + padding;
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-Xmx64m", "-cp", classPath,
        CommandLinePrinter.class.getName(), "store dir", "1", "", "last"));

    List<String> printed = run(command);

    assertThat(printed).containsExactly(command.get(0), "-Xmx64m", "-cp",
        classPath.length() + " characters", CommandLinePrinter.class.getName(), "store dir", "1",
        "", "last");
  }

  private static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }
}
