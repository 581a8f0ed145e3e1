/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrappers the SLURM integration tests put on the driver's PATH, over fake commands. */
final class CommandWrappersTest {

  @TempDir Path dir;
  private CommandWrappers wrappers;

  @BeforeEach
  void install() throws IOException {
    Path fakes = Files.createDirectories(dir.resolve("fakes"));
    fake(fakes.resolve("squeue"), """
        echo "args: $*" >&2
        echo '7|as7k2q-0|RUNNING|None|localhost|adaptive:run=7k2q;learner=0;attempt=1'
        echo '8|as7k2q-1|CANCELLED|None|localhost|adaptive:run=7k2q;learner=1;attempt=1'
        echo '9|as7k2q-2|COMPLETED|None|localhost|a|comment|with|bars'
        """);
    fake(fakes.resolve("sbatch"), "echo 42");
    fake(fakes.resolve("scancel"), "exit 0");
    wrappers = CommandWrappers.install(dir.resolve("w"), c -> fakes.resolve(c).toString());
  }

  @Test
  void call_isLogged_andRunsTheRealCommand() throws Exception {
    Result r = run("squeue", "--noheader", "--format=%i|%j");
    assertThat(r.rc).isZero();
    assertThat(r.stdout).contains("7|as7k2q-0|RUNNING").contains("8|as7k2q-1|CANCELLED");
    assertThat(r.stderr).isEqualTo("args: --noheader --format=%i|%j\n");
    assertThat(wrappers.calls("squeue")).singleElement()
        .extracting(CommandWrappers.Call::arguments).isEqualTo("--noheader --format=%i|%j");
    assertThat(wrappers.calls("sbatch")).isEmpty();
  }

  @Test
  void failNext_failsThatManyCalls_thenRunsTheRealCommand() throws Exception {
    wrappers.failNext("sbatch", 2, "sbatch: error: Batch job submission failed: Socket timed out"
        + " on send/recv operation");
    for (int i = 0; i < 2; i++) {
      Result failed = run("sbatch", "--parsable", "x.sh");
      assertThat(failed.rc).isEqualTo(1);
      assertThat(failed.stdout).isEmpty();
      assertThat(failed.stderr).isEqualTo("sbatch: error: Batch job submission failed: Socket"
          + " timed out on send/recv operation\n");
    }
    Result third = run("sbatch", "--parsable", "x.sh");
    assertThat(third.rc).isZero();
    assertThat(third.stdout).isEqualTo("42\n");
    assertThat(wrappers.calls("sbatch")).hasSize(3);
    assertThat(wrappers.injected()).hasSize(2);
  }

  @Test
  void delay_sleepsBeforeTheRealCommand_untilCleared() throws Exception {
    wrappers.delay("squeue", Duration.ofMillis(1200));
    long start = System.nanoTime();
    assertThat(run("squeue").rc).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1100));
    wrappers.clear("squeue", "sleep");
    start = System.nanoTime();
    run("squeue");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
  }

  @Test
  void garbage_isPrintedInsteadOfTheRealOutput() throws Exception {
    wrappers.garbage("squeue", "<html>502 Bad Gateway</html>\n");
    Result r = run("squeue");
    assertThat(r.rc).isZero();
    assertThat(r.stdout).isEqualTo("<html>502 Bad Gateway</html>\n");
  }

  @Test
  void rewriteEnded_changesTheStateOfAnEndedJobOnly() throws Exception {
    wrappers.rewriteEnded("8", "NODE_FAIL", "NodeDown");
    wrappers.rewriteEnded("7", "OUT_OF_MEMORY", "OutOfMemory");
    Result r = run("squeue");
    assertThat(r.stdout.lines().toList()).containsExactly(
        "7|as7k2q-0|RUNNING|None|localhost|adaptive:run=7k2q;learner=0;attempt=1",
        "8|as7k2q-1|NODE_FAIL|NodeDown|localhost|adaptive:run=7k2q;learner=1;attempt=1",
        "9|as7k2q-2|COMPLETED|None|localhost|a|comment|with|bars");
  }

  @Test
  void rewriteEnded_withAnEpilog_showsCompletingFirst_thenTheState() throws Exception {
    wrappers.rewriteEnded("8", "PREEMPTED", "None", Duration.ofMillis(1500));
    assertThat(run("squeue").stdout.lines().toList())
        .contains("8|as7k2q-1|COMPLETING|None|localhost|adaptive:run=7k2q;learner=1;attempt=1");
    Thread.sleep(1600);
    assertThat(run("squeue").stdout.lines().toList())
        .contains("8|as7k2q-1|PREEMPTED|None|localhost|adaptive:run=7k2q;learner=1;attempt=1");
  }

  @Test
  void rewriteEnded_keepsBarsInsideTheLastField() throws Exception {
    wrappers.rewriteEnded("9", "PREEMPTED", "None");
    assertThat(run("squeue").stdout.lines().toList())
        .contains("9|as7k2q-2|PREEMPTED|None|localhost|a|comment|with|bars");
  }

  private record Result(int rc, String stdout, String stderr) {}

  private Result run(String command, String... args) throws Exception {
    List<String> line = new java.util.ArrayList<>(List.of(wrappers.bin().resolve(command).toString()));
    line.addAll(List.of(args));
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    int rc = p.waitFor();
    return new Result(rc, Files.readString(out), Files.readString(err));
  }

  private static void fake(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
