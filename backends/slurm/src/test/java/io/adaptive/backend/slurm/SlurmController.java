/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the local cluster's {@code slurmctld} only, as scripts/slurm/README.md allows
 * (never {@code slurmd}: a job started while it is down can stay RUNNING without a process). It
 * holds the start/stop scripts' lock meanwhile, and starts the daemon as the start script does.
 */
final class SlurmController {

  private static final Path LOCK = Path.of("/run/lock/adaptive-local-slurm.lock");
  private static final Path CONF = Path.of("/etc/slurm/slurm.conf");

  private SlurmController() {}

  /**
   * Stops slurmctld, leaves it down for {@code down}, starts it, and waits until it answers and
   * the node is usable again.
   */
  static void restart(Duration down) throws IOException, InterruptedException {
    Path pidFile = Path.of(setting("SlurmctldPidFile"));
    Path daemonsOut = pidFile.getParent().getParent().resolve("log/daemons.out");
    String script = String.join("\n",
        "set -eu",
        "exec 9>" + LOCK,
        "flock -w 120 9",
        "pid=$(tr -dc 0-9 < " + pidFile + ")",
        "scontrol shutdown slurmctld",
        "for i in $(seq 300); do kill -0 \"$pid\" 2>/dev/null || break; sleep 0.1; done",
        "! kill -0 \"$pid\" 2>/dev/null || { echo \"slurmctld $pid did not stop\"; exit 1; }",
        "sleep " + down.toMillis() / 1000.0,
        "/usr/sbin/slurmctld </dev/null >>" + daemonsOut + " 2>&1 9>&-",
        "for i in $(seq 600); do timeout 15 scontrol ping 2>/dev/null | grep -q 'is UP' && break;"
            + " sleep 0.1; done",
        // The node shows 'unknown' until slurmd registers again, about a second.
        "for i in $(seq 600); do timeout 15 sinfo -h -o %T 2>/dev/null"
            + " | grep -qxE 'idle|mixed|allocated|completing' && exit 0; sleep 0.1; done",
        "echo 'slurmctld does not answer, or the node is not usable, after 60 s'; exit 1");
    run(List.of("bash", "-c", script));
  }

  private static String setting(String key) throws IOException {
    for (String line : Files.readAllLines(CONF, StandardCharsets.UTF_8)) {
      if (line.startsWith(key + "=")) {
        return line.substring(key.length() + 1).strip();
      }
    }
    throw new IOException(CONF + " has no " + key);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("restarting slurmctld failed: " + new String(out, StandardCharsets.UTF_8));
    }
  }
}
