/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Runs the {@code adaptive} command in this JVM, with a fixed clock and captured output. */
final class Cli {

  /** The tests' "now": 10 s after {@link Runs#UPDATED}. */
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(Runs.UPDATED + 10_000), ZoneOffset.UTC);

  private Cli() {}

  /** What one command did. */
  record Result(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    List<String> errLines() {
      return err.lines().toList();
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  static Result run(String... args) {
    return runWithInput("", args);
  }

  static Result runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AdaptiveCli.commandLine(CLOCK,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}
