/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job script's wrapper, run by bash without a scheduler: a fake {@code java} records what it
 * was given and how it was signalled.
 */
final class JobScriptTest {

  private static final String FAKE_JAVA = """
      #!/usr/bin/env bash
      # A fake worker: records its role, arguments and environment, then acts as its last argument says.
      out="$PWD/calls.$ADAPTIVE_ROLE"
      mode="${@: -1}"
      [ "$ADAPTIVE_ROLE" != evaluator ] || mode=sleep # evaluators run until they are stopped
      {
        echo "pwd=$PWD"
        echo "args=$*"
        echo "tasks=${ADAPTIVE_TASKS:-} rendezvous=${ADAPTIVE_RENDEZVOUS:-}"
        printf 'learner=%s\\n' "$ADAPTIVE_LEARNER"
        echo "quote=$QUOTE"
        echo "prelude=${FROM_PRELUDE:-}"
      } >> "$out"
      on() { echo "$1" >> "$out"; kill "$sleeper" 2>/dev/null; exit "$2"; }
      trap 'on usr1 7' USR1
      trap 'on term 6' TERM
      echo started >> "$out"
      case "$mode" in
        exit*) exit "${mode#exit}" ;;
        sleep) sleep 60 & sleeper=$!; wait "$sleeper" ;;
        await-evaluator)
          for i in $(seq 100); do [ -e "$PWD/calls.evaluator" ] && exit 0; sleep 0.1; done
          exit 9 ;;
      esac
      """;

  @TempDir Path directory;
  private Path run;
  private Path java;

  @BeforeEach
  void fakeJava() throws IOException {
    run = directory.resolve("run dir"); // a space, to check the quoting
    Files.createDirectories(run.resolve("jobs"));
    java = directory.resolve("bin").resolve("java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, FAKE_JAVA);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  // ------------------------------------------------------------------------- the worker's end

  @Test
  void render_workerExits3_scriptExits3AndWritesStartAndExitFiles() throws Exception {
    JobFiles files = files("j1-abc");
    Process script = start(render(shape(1), files, "exit3"));

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).isEqualTo(3);
    assertThat(Files.readString(files.exit())).isEqualTo("3\n");
    assertThat(Files.readString(files.start())).matches("\\S+ \\d{10,} 42\\n");
    assertThat(Files.exists(files.walltime())).isFalse();
    assertThat(calls("worker")).contains("pwd=" + run, "started");
  }

  @Test
  void render_usr1_workerGetsUsr1AndExitFileSaysWalltime() throws Exception {
    JobFiles files = files("j2-abc");
    Process script = start(render(shape(1), files, "sleep"));
    await().atMost(Duration.ofSeconds(20)).until(() -> calls("worker").contains("started"));

    signal("USR1", script);

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(calls("worker")).endsWith("usr1\n");
    assertThat(script.exitValue()).isEqualTo(7);
    assertThat(Files.readString(files.exit())).isEqualTo("7 walltime\n");
    assertThat(Files.readString(files.walltime())).matches("\\d{10,}\\n");
  }

  @Test
  void render_term_isForwardedAndTheRealStatusRecorded() throws Exception {
    JobFiles files = files("j3-abc");
    Process script = start(render(shape(1), files, "sleep"));
    await().atMost(Duration.ofSeconds(20)).until(() -> calls("worker").contains("started"));

    signal("TERM", script);

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(calls("worker")).endsWith("term\n");
    assertThat(script.exitValue()).isEqualTo(6);
    assertThat(Files.readString(files.exit())).isEqualTo("6\n");
  }

  @Test
  void render_termToScriptAndWorkerAtOnce_keepsTheWorkersStatus() throws Exception {
    // SLURM's cancel sends TERM to every process of the job at the same moment.
    for (int round = 0; round < 5; round++) {
      JobFiles files = files("j9-" + round);
      Files.deleteIfExists(run.resolve("calls.worker"));
      Process script = start(render(shape(1), files, "sleep"));
      await().atMost(Duration.ofSeconds(20)).until(() -> calls("worker").contains("started")
          && Files.exists(files.pid()));
      String worker = Files.readString(files.pid()).strip();

      Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(script.pid()), worker)
          .start();

      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(files.exit())).as("round %d", round).isEqualTo("6\n");
      assertThat(script.exitValue()).isEqualTo(6);
    }
  }

  @Test
  void render_usr1BeforeTheWorkerStarts_workerNeverStarts() throws Exception {
    JobFiles files = files("j4-abc");
    ResourceShape slowPrelude = TestScheduler.shape(1, 1, Memory.gib(1), Map.of(),
        List.of("touch prelude-started", "sleep 3"));
    Process script = start(render(slowPrelude, files, "sleep"));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> Files.exists(run.resolve("prelude-started")));

    signal("USR1", script);

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).isEqualTo(7);
    assertThat(Files.readString(files.exit())).isEqualTo("7 walltime\n");
    assertThat(run.resolve("calls.worker")).doesNotExist();
  }

  // ------------------------------------------------------------------------ what the worker sees

  @Test
  void render_environmentAndPrelude_reachTheWorkerUnchanged() throws Exception {
    JobFiles files = files("j5-abc");
    ResourceShape shape = TestScheduler.shape(1, 1, Memory.gib(1),
        Map.of("QUOTE", "it's \"$HOME\" \\ `x`"), List.of("export FROM_PRELUDE=yes"));
    Process script = start(render(shape, files, "exit0"));

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).isZero();
    assertThat(calls("worker")).contains("learner=first[a=1]\nsecond[a=2]\n",
        "quote=it's \"$HOME\" \\ `x`\n", "prelude=yes\n");
  }

  @Test
  void render_heap_isSizedFromMemoryNotTheDriver() throws Exception {
    JobFiles files = files("j6-abc");
    Process script = start(render(TestScheduler.shape(2, 1, Memory.gib(4), Map.of(), List.of()),
        files, "exit0"));

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(calls("worker")).contains("args=-Xmx3072m -Xss2m -cp /opt/app.jar Main -Xmx1g exit0");
  }

  @Test
  void render_twoTasks_startsAnEvaluatorWithTheRendezvous() throws Exception {
    JobFiles files = files("j7-abc");
    Process script = start(render(TestScheduler.shape(4, 2, Memory.gib(4), Map.of(), List.of()),
        files, "await-evaluator"));

    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).isZero();
    String tasks = "tasks=2 rendezvous=" + run.resolve("jobs").resolve("j7-abc.evaluators");
    assertThat(calls("worker")).contains(tasks, "args=-Xmx1536m ");
    await().atMost(Duration.ofSeconds(20)).until(() -> calls("evaluator").contains("term"));
    assertThat(calls("evaluator")).contains(tasks, "started");
  }

  @Test
  void render_invalidVariableName_isRefusedWithTheName() {
    ResourceShape shape = TestScheduler.shape(1, 1, Memory.gib(1), Map.of("NOT-VALID", "x"),
        List.of());

    assertThatThrownBy(() -> render(shape, files("j8-abc"), "exit0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("environment variable name 'NOT-VALID' is not valid in a shell; use letters,"
            + " digits and '_', not starting with a digit");
  }

  // ---------------------------------------------------------------------------------- fixtures

  private static ResourceShape shape(int cores) {
    return TestScheduler.shape(cores, 1, Memory.gib(1), Map.of(), List.of());
  }

  private JobFiles files(String job) {
    return JobFiles.of(run, job, "job");
  }

  private Path render(ResourceShape shape, JobFiles files, String mode) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("ADAPTIVE_ROLE", "worker");
    environment.put("ADAPTIVE_LEARNER", "first[a=1]\nsecond[a=2]");
    JobDescription description = new JobDescription("as7k2q-1", "adaptive:run=7k2q;job="
        + files.job(), run.resolve("logs").resolve("x.log"), shape);
    List<String> command = WorkerCommand.of(List.of(java.toString(), "-Xmx4g", "-Xss2m", "-cp",
        "/opt/app.jar", "Main", "-Xmx1g", mode), "", List.of(), shape);
    String text = JobScript.render(new TestScheduler(), description, "first[a=1] second[a=2]", run,
        environment, files, command);
    Files.writeString(files.script(), text, StandardCharsets.UTF_8);
    return files.script();
  }

  private Process start(Path script) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("script.out").toFile());
    builder.environment().put("TEST_JOB_ID", "42");
    return builder.start();
  }

  private static void signal(String signal, Process script) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(script.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  private String calls(String role) throws IOException {
    Path file = run.resolve("calls." + role);
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
