/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CommandRunnerTest {

  @TempDir Path bin;

  private Path executable(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  // ------------------------------------------------------------------------------------ run

  @Test
  void run_success_capturesBothStreams() throws Exception {
    executable("tool", "echo out; echo err >&2");
    CommandRunner runner = new CommandRunner(List.of(bin), Duration.ofSeconds(10));

    CommandResult result = runner.run(List.of("tool", "x"));

    assertThat(result.succeeded()).isTrue();
    assertThat(result.stdout()).isEqualTo("out\n");
    assertThat(result.stderr()).isEqualTo("err\n");
    assertThat(result.command()).containsExactly("tool", "x");
  }

  @Test
  void run_failure_keepsExitCodeAndMessage() throws Exception {
    executable("tool", "echo 'tool: error: nope' >&2; exit 8");
    CommandRunner runner = new CommandRunner(List.of(bin), Duration.ofSeconds(10));

    CommandResult result = runner.run(List.of("tool"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.timedOut()).isFalse();
    assertThat(result.exitCode()).isEqualTo(8);
    assertThat(result.stderr()).isEqualTo("tool: error: nope\n");
  }

  @Test
  void run_sleepingCommand_isKilledWithItsChildrenAtTheTimeout() throws Exception {
    Path pid = bin.resolve("child.pid");
    executable("tool", "echo partial; sleep 60 & echo $! > " + pid + "; wait");
    CommandRunner runner = new CommandRunner(List.of(bin), Duration.ofMillis(500));

    long start = System.nanoTime();
    CommandResult result = runner.run(List.of("tool"));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.exitCode()).isEqualTo(-1);
    assertThat(result.stdout()).isEqualTo("partial\n");
    assertThat(result.stderr()).isEqualTo("(killed after its timeout of 500 ms)");
    long child = Long.parseLong(Files.readString(pid).strip());
    // SIGKILL was sent; the orphan is gone as soon as it has been reaped.
    await().atMost(Duration.ofSeconds(5))
        .until(() -> !ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void run_directoryFirst_winsOverPathAndIsOnTheCommandsPath() throws Exception {
    executable("ls", "echo fake ls");
    executable("outer", "ls");
    CommandRunner runner = new CommandRunner(List.of(bin), Duration.ofSeconds(10));

    assertThat(runner.run(List.of("ls")).stdout()).isEqualTo("fake ls\n");
    assertThat(runner.run(List.of("outer")).stdout()).isEqualTo("fake ls\n");
  }

  @Test
  void run_missingExecutable_isAFailedResultNotAnException() {
    CommandRunner runner = new CommandRunner(List.of(bin), Duration.ofSeconds(10));

    CommandResult result = runner.run(List.of("no-such-tool-anywhere"));

    assertThat(result.succeeded()).isFalse();
    assertThat(result.exitCode()).isEqualTo(127);
    assertThat(result.stderr()).startsWith("cannot run no-such-tool-anywhere: ");
  }
}
