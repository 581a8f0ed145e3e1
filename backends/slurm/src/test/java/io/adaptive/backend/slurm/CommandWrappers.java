/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.backend.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code sbatch}, {@code squeue} and {@code scancel} wrappers for a test's driver: put first on its
 * {@code PATH}, each logs its call (time, arguments) and then runs the real command, unless the test
 * injected a fault: fail the next n calls with a message, sleep first, print garbage, or rewrite
 * the state of a job that really ended (to play states this one-node cluster cannot produce).
 * The faults are files in the control directory, so a test changes them while the driver runs.
 */
final class CommandWrappers {

  static final List<String> COMMANDS = List.of("sbatch", "squeue", "scancel");

  private final Path bin;
  private final Path control;

  private CommandWrappers(Path bin, Path control) {
    this.bin = bin;
    this.control = control;
  }

  /** Writes the wrappers into {@code dir/bin}; the real commands are the first on this PATH. */
  static CommandWrappers install(Path dir) throws IOException {
    return install(dir, CommandWrappers::real);
  }

  /** Writes the wrappers into {@code dir/bin}, each running {@code realOf.apply(command)}. */
  static CommandWrappers install(Path dir, java.util.function.Function<String, String> realOf)
      throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path control = Files.createDirectories(dir.resolve("control"));
    for (String command : COMMANDS) {
      Path wrapper = bin.resolve(command);
      Files.writeString(wrapper, script(command, realOf.apply(command), control), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createFile(control.resolve("calls.log"));
    return new CommandWrappers(bin, control);
  }

  /** The real command's absolute path, from this JVM's PATH. */
  static String real(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, command);
      if (Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath().toString();
      }
    }
    throw new IllegalStateException(command + " is not on PATH");
  }

  // The sleep runs in the background without the caller's pipes: a backend that kills the wrapper
  // on its timeout must not be kept reading by an orphaned sleep, which a real hung squeue (one
  // process) would not do either.
  private static String script(String command, String real, Path control) {
    return """
        #!/usr/bin/env bash
        # Test wrapper for %1$s (CommandWrappers): log the call, inject faults, run the real one.
        ctl='%3$s'
        printf '%%s %1$s %%s\\n' "$(date +%%s%%3N)" "$*" >>"$ctl/calls.log"
        if [[ -e $ctl/%1$s.fail ]]; then
          exec 8>>"$ctl/%1$s.lock"
          flock 8
          n=$(head -n 1 "$ctl/%1$s.fail")
          if ((n > 0)); then
            { echo $((n - 1)); tail -n +2 "$ctl/%1$s.fail"; } >"$ctl/%1$s.fail.tmp"
            mv "$ctl/%1$s.fail.tmp" "$ctl/%1$s.fail"
            printf '%%s %1$s failed on purpose\\n' "$(date +%%s%%3N)" >>"$ctl/faults.log"
            tail -n +2 "$ctl/%1$s.fail" >&2
            exit 1
          fi
          exec 8>&-
        fi
        if [[ -e $ctl/%1$s.sleep ]]; then
          printf '%%s %1$s sleeps\\n' "$(date +%%s%%3N)" >>"$ctl/faults.log"
          sleep "$(cat "$ctl/%1$s.sleep")" </dev/null >/dev/null 2>&1 &
          wait $!
        fi
        if [[ -e $ctl/%1$s.garbage ]]; then
          printf '%%s %1$s prints garbage\\n' "$(date +%%s%%3N)" >>"$ctl/faults.log"
          cat "$ctl/%1$s.garbage"
          exit 0
        fi
        if [[ -s $ctl/%1$s.rewrite ]]; then
          out=$('%2$s' "$@")
          rc=$?
          # Lines "<job id> <state> <reason> <ms>": a job that has really ended is shown COMPLETING
          # for <ms> after the first call that saw it ended (a slow epilog), then in that state.
          [[ -n $out ]] && printf '%%s\\n' "$out" | awk -F'|' -v OFS='|' -v rules="$ctl/%1$s.rewrite" \
              -v ctl="$ctl" -v now="$(date +%%s%%3N)" '
            BEGIN { while ((getline line < rules) > 0) { split(line, f, " "); st[f[1]] = f[2]; why[f[1]] = f[3]; ms[f[1]] = f[4] } }
            ($1 in st) && $3 !~ /^(PENDING|CONFIGURING|RUNNING|COMPLETING|SUSPENDED)$/ {
              seen = ctl "/ended-" $1; first = ""
              if ((getline first < seen) <= 0) { first = now; print now > seen }
              close(seen)
              if (now - first < ms[$1]) { $3 = "COMPLETING" } else { $3 = st[$1]; $4 = why[$1] }
            }
            { print }'
          exit $rc
        fi
        exec '%2$s' "$@"
        """.formatted(command, real, control);
  }

  /** The directory to put first on the driver's PATH. */
  Path bin() {
    return bin;
  }

  /** {@link #bin()} followed by this JVM's PATH. */
  String path() {
    return bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
  }

  /** One logged call of a wrapper. */
  record Call(long epochMillis, String command, String arguments) {}

  /** Every call of {@code command} so far, oldest first. */
  List<Call> calls(String command) {
    List<Call> calls = new ArrayList<>();
    try (Stream<String> lines = Files.lines(control.resolve("calls.log"))) {
      lines.forEach(line -> {
        String[] f = line.split(" ", 3);
        if (f.length >= 2 && f[1].equals(command)) {
          calls.add(new Call(Long.parseLong(f[0]), f[1], f.length == 3 ? f[2] : ""));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return calls;
  }

  /** The faults the wrappers injected so far, one line each. */
  List<String> injected() throws IOException {
    Path log = control.resolve("faults.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** The next {@code times} calls of {@code command} print {@code stderr} and exit 1. */
  void failNext(String command, int times, String stderr) throws IOException {
    write(command + ".fail", times + "\n" + stderr + "\n");
  }

  /** Every call of {@code command} first sleeps {@code delay}, until {@link #clear}. */
  void delay(String command, Duration delay) throws IOException {
    write(command + ".sleep", String.format(java.util.Locale.ROOT, "%.3f%n",
        delay.toMillis() / 1000.0));
  }

  /** Every call of {@code command} prints {@code text} and exits 0, until {@link #clear}. */
  void garbage(String command, String text) throws IOException {
    write(command + ".garbage", text);
  }

  /** squeue shows {@code jobId}, once it has really ended, as {@code state} with {@code reason}. */
  void rewriteEnded(String jobId, String state, String reason) throws IOException {
    rewriteEnded(jobId, state, reason, Duration.ZERO);
  }

  /**
   * squeue shows {@code jobId}, once it has really ended, as {@code COMPLETING} for
   * {@code completing} (what a slow epilog looks like), then as {@code state} with {@code reason}.
   */
  void rewriteEnded(String jobId, String state, String reason, Duration completing)
      throws IOException {
    Path rules = control.resolve("squeue.rewrite");
    String earlier = Files.exists(rules) ? Files.readString(rules, StandardCharsets.UTF_8) : "";
    write("squeue.rewrite", earlier + jobId + " " + state + " " + reason + " "
        + completing.toMillis() + "\n");
  }

  /** Removes the faults of {@code kind} ({@code fail}, {@code sleep}, ...) of {@code command}. */
  void clear(String command, String kind) throws IOException {
    Files.deleteIfExists(control.resolve(command + "." + kind));
  }

  private void write(String name, String content) throws IOException {
    Path temporary = control.resolve(name + ".writing");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(temporary, control.resolve(name), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }
}
