/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.pbs.fake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs {@link FakePbs} for one test: {@code bin/} holds executables {@code qsub},
 * {@code qstat}, {@code qdel}, {@code qsig} and {@code qrls} (shell wrappers that run
 * {@code FakePbs} with this JVM's java and test class path), {@code state/} the server's jobs.
 * Put {@link #bin()} first on the search path of whatever runs the commands.
 *
 * <p>The knobs write files into the state directory; every command reads them when it runs.
 */
public final class FakePbsServer implements AutoCloseable {

  private static final List<String> COMMANDS = List.of("qsub", "qstat", "qdel", "qsig", "qrls");

  private final Path root;
  private final Path bin;
  private final Path state;

  private FakePbsServer(Path root) {
    this.root = root;
    this.bin = root.resolve("bin");
    this.state = root.resolve("state");
  }

  /** Writes the executables and an empty state into {@code directory} (created if missing). */
  public static FakePbsServer install(Path directory) throws IOException {
    FakePbsServer server = new FakePbsServer(directory.toAbsolutePath());
    Files.createDirectories(server.bin);
    Files.createDirectories(server.state.resolve("jobs"));
    Files.createDirectories(server.state.resolve("home"));
    String java = ProcessHandle.current().info().command().orElseThrow();
    String classPath = System.getProperty("java.class.path");
    for (String command : COMMANDS) {
      Path file = server.bin.resolve(command);
      Files.writeString(file, "#!/bin/sh\n"
          + "FAKEPBS_STATE=" + quote(server.state.toString()) + "\n"
          + "export FAKEPBS_STATE\n"
          + "exec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx48m -Xshare:auto"
          + " -cp " + quote(classPath) + " " + FakePbs.class.getName() + " " + command + " \"$@\"\n",
          StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return server;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** The directory with the executables. */
  public Path bin() {
    return bin;
  }

  /** The server's state directory. */
  public Path state() {
    return state;
  }

  /** The fake {@code $HOME} jobs start in. */
  public Path home() {
    return state.resolve("home");
  }

  /** {@code PATH} with {@link #bin()} first. */
  public String path() {
    return bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
  }

  // ---- knobs ----

  /** The next {@code count} qsub calls fail with a connection error (transient). */
  public FakePbsServer failQsub(int count) throws IOException {
    return knob("qsub-failures", String.valueOf(count));
  }

  /** The next {@code count} qstat calls fail with a connection error. */
  public FakePbsServer failQstat(int count) throws IOException {
    return knob("qstat-failures", String.valueOf(count));
  }

  /** Every qstat call waits this long before it answers; zero to stop. */
  public FakePbsServer hangQstat(Duration hang) throws IOException {
    return knob("qstat-hang-ms", String.valueOf(hang.toMillis()));
  }

  /** Every qstat call prints {@code text} instead of the jobs (exit code 0); null to stop. */
  public FakePbsServer garbageQstat(String text) throws IOException {
    if (text == null) {
      Files.deleteIfExists(state.resolve("qstat-garbage"));
      return this;
    }
    return knob("qstat-garbage", text);
  }

  /** The next {@code count} submitted jobs are held (state H) until {@code qrls}. */
  public FakePbsServer holdNext(int count) throws IOException {
    return knob("hold-next", String.valueOf(count));
  }

  /** The next {@code count} jobs that run for {@code after} are killed and forgotten. */
  public FakePbsServer vanish(Duration after, int count) throws IOException {
    knob("vanish-count", String.valueOf(count));
    return knob("vanish-after-ms", String.valueOf(after.toMillis()));
  }

  /** How long a job stays queued before it runs (default 300 ms). */
  public FakePbsServer queueDelay(Duration delay) throws IOException {
    return knob("queue-delay-ms", String.valueOf(delay.toMillis()));
  }

  /** Time between SIGTERM and SIGKILL for a qdel or a walltime kill (default 2 s). */
  public FakePbsServer killDelay(Duration delay) throws IOException {
    return knob("kill-delay-ms", String.valueOf(delay.toMillis()));
  }

  /** Torque mode: ended jobs are C with {@code exit_status}, and qstat has no {@code -x}. */
  public FakePbsServer torque() throws IOException {
    return knob("torque", "1");
  }

  /** Queues besides {@code workq} that qsub accepts. */
  public FakePbsServer queues(String... names) throws IOException {
    return knob("queues", String.join("\n", names));
  }

  /** Prints every time as this instant (epoch seconds), for byte-exact comparisons. */
  public FakePbsServer clock(long epochSeconds) throws IOException {
    return knob("clock", String.valueOf(epochSeconds));
  }

  private FakePbsServer knob(String name, String value) throws IOException {
    Files.writeString(state.resolve(name), value, StandardCharsets.UTF_8);
    return this;
  }

  // ---- running the commands, for tests ----

  /** What a command printed and its exit code. */
  public record Result(int exitCode, String stdout, String stderr) {}

  /** Runs one of the fake's commands in {@code workdir}; waits at most a minute. */
  public Result run(Path workdir, String... command) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>(List.of(command));
    words.set(0, bin.resolve(command[0]).toString());
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    Process p = new ProcessBuilder(words).directory(workdir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in a minute");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The letter the server shows for job {@code seq}, or null if it has no such job. */
  public String state(long seq) throws IOException {
    Path file = state.resolve("jobs").resolve(String.valueOf(seq)).resolve("status.properties");
    if (!Files.exists(file)) {
      return null;
    }
    return FakePbs.load(file).getProperty("state");
  }

  /** The sequence numbers of every job the server knows, ascending. */
  public List<Long> jobs() throws IOException {
    try (Stream<Path> dirs = Files.list(state.resolve("jobs"))) {
      return dirs.map(p -> p.getFileName().toString()).filter(s -> s.matches("[0-9]+"))
          .map(Long::parseLong).sorted().toList();
    }
  }

  /** The exit status the server recorded for job {@code seq}, or null if none (yet). */
  public Integer exitStatus(long seq) throws IOException {
    Path file = state.resolve("jobs").resolve(String.valueOf(seq)).resolve("status.properties");
    if (!Files.exists(file)) {
      return null;
    }
    String exit = FakePbs.load(file).getProperty("exit");
    return exit == null ? null : Integer.valueOf(exit);
  }

  /** Every command the fake ran (not the runners), one a line: epoch millis, then the words. */
  public List<String> commands() throws IOException {
    Path log = state.resolve("commands.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** How many jobs were ever submitted. */
  public long submitted() throws IOException {
    Path seq = state.resolve("seq");
    return Files.exists(seq) ? Long.parseLong(Files.readString(seq).strip()) : 0;
  }

  /** The session id (process group) of a running job, or -1. */
  public long session(long seq) throws IOException {
    Path file = state.resolve("jobs").resolve(String.valueOf(seq)).resolve("status.properties");
    if (!Files.exists(file)) {
      return -1;
    }
    Properties p = FakePbs.load(file);
    return Long.parseLong(p.getProperty("session", "-1"));
  }

  /** Kills every job process still running: the test's cleanup. */
  @Override
  public void close() throws IOException {
    for (long seq : jobs()) {
      long session = session(seq);
      if (session > 0 && "R".equals(state(seq))) {
        FakePbs.signal(session, "KILL");
      }
    }
  }
}
