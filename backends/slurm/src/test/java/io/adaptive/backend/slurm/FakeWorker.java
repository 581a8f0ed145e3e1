/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import io.adaptive.plan.Defaults;
import io.adaptive.plan.Memory;
import io.adaptive.plan.ResourceShape;
import io.adaptive.runtime.spi.JobRequest;
import io.adaptive.runtime.spi.WorkerLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fake {@code java} for jobs: records its role, arguments and environment in
 * {@code <run>/calls.<role>}, then acts as its last argument says: {@code exit<n>}, {@code sleep}
 * (until USR1 → exit 7 or TERM → exit 6), or {@code await-evaluator} (exit 0 once an evaluator
 * has started). Evaluators always sleep.
 */
final class FakeWorker {

  private static final String SCRIPT = """
      #!/usr/bin/env bash
      out="$PWD/calls.$ADAPTIVE_ROLE"
      mode="${@: -1}"
      [ "$ADAPTIVE_ROLE" != evaluator ] || mode=sleep
      {
        echo "args=$*"
        echo "tasks=${ADAPTIVE_TASKS:-} rendezvous=${ADAPTIVE_RENDEZVOUS:-} step=${SLURM_STEP_ID:-}"
      } >> "$out"
      on() { echo "$1" >> "$out"; kill "$sleeper" 2>/dev/null; exit "$2"; }
      trap 'on usr1 7' USR1
      trap 'on term 6' TERM
      echo started >> "$out"
      echo "fake worker $ADAPTIVE_ROLE started"
      case "$mode" in
        exit*) exit "${mode#exit}" ;;
        sleep) sleep 300 & sleeper=$!; wait "$sleeper" ;;
        await-evaluator)
          for i in $(seq 300); do [ -e "$PWD/calls.evaluator" ] && exit 0; sleep 0.1; done
          exit 9 ;;
      esac
      """;

  private FakeWorker() {}

  /** Writes the fake java into {@code directory} and returns its path. */
  static Path install(Path directory) throws IOException {
    Path java = directory.resolve("java");
    Files.createDirectories(directory);
    Files.writeString(java, SCRIPT);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return java;
  }

  /** A one-core shape with this walltime, tasks and cores. */
  static ResourceShape shape(int cores, int tasks, Duration walltime) {
    ResourceShape d = Defaults.RESOURCES;
    return new ResourceShape(cores, 1, tasks, Memory.mib(256), walltime, "", "", "", 0, false,
        "", new TreeMap<>(), List.of(), List.of());
  }

  /** The request of manager job {@code job} in {@code run}, started by {@code java} in {@code mode}. */
  static JobRequest request(Path run, String job, ResourceShape shape, Path java, String mode) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("ADAPTIVE_ROLE", "worker");
    environment.put("ADAPTIVE_LEARNER", "peak[a=1]\npeak[a=2]");
    environment.put("ADAPTIVE_JOB", job);
    List<String> command = List.of(java.toString(), "-Xmx4g", "-cp", "app.jar", "Main", mode);
    WorkerLaunch launch = new WorkerLaunch() {
      @Override
      public List<String> command() {
        return command;
      }

      @Override
      public Map<String, String> environment() {
        return environment;
      }

      @Override
      public int runInThisJvm() {
        throw new UnsupportedOperationException();
      }
    };
    return new JobRequest("peak[a=1] peak[a=2]", job, shape, run, launch,
        run.resolve("logs").resolve("peak." + job + ".log"));
  }

  /** What the worker (or evaluator) recorded; empty if it never started. */
  static String calls(Path run, String role) throws IOException {
    Path file = run.resolve("calls." + role);
    return Files.exists(file) ? Files.readString(file) : "";
  }
}
