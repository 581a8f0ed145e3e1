/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/adaptive}, run by bash in a copy of the repository's layout. */
final class LauncherScriptTest {

  private static final Path SCRIPT = Path.of("..", "bin", "adaptive");

  @TempDir Path dir;

  @Test
  void launcher_withoutTheJar_saysHowToBuildItAndExitsTwo() throws Exception {
    Path repo = repository();

    Run run = run(repo.resolve("bin/adaptive"), Map.of(), "status", "runs/peaks");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("bin/adaptive: cli/target/adaptive-cli.jar is missing; build"
        + " it with: mvn -q -DskipTests package\n");
  }

  @Test
  void launcher_withTheJar_runsItWithJavaAndEveryArgument_alsoThroughALink() throws Exception {
    Path repo = repository();
    Path jar = repo.resolve("cli/target/adaptive-cli.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "");
    Path javaHome = dir.resolve("jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/usr/bin/env bash\nfor a in \"$@\"; do echo \"[$a]\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path link = Files.createSymbolicLink(dir.resolve("adaptive"), repo.resolve("bin/adaptive"));

    Run direct = run(repo.resolve("bin/adaptive"), Map.of("JAVA_HOME", javaHome.toString()),
        "logs", "runs/peaks", "peaks[a=0.01, x0=0]");
    Run linked = run(link, Map.of("JAVA_HOME", javaHome.toString()), "status");

    assertThat(direct.exit()).as(direct.err()).isZero();
    assertThat(direct.out()).isEqualTo("[-jar]\n[" + jar.toRealPath() + "]\n[logs]\n[runs/peaks]\n"
        + "[peaks[a=0.01, x0=0]]\n");
    assertThat(linked.out()).isEqualTo("[-jar]\n[" + jar.toRealPath() + "]\n[status]\n");
  }

  private Path repository() throws IOException {
    Path repo = dir.resolve("repo");
    Path script = Files.createDirectories(repo.resolve("bin")).resolve("adaptive");
    Files.copy(SCRIPT, script);
    return repo;
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(Path script, Map<String, String> environment, String... args)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString());
    builder.command().addAll(java.util.List.of(args));
    builder.environment().remove("JAVA_HOME");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
