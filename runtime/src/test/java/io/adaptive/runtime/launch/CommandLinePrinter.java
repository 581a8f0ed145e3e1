/*
 * Copyright 2026 The adaptive-java authors. Licensed under the Apache License, Version 2.0.
 */
package io.adaptive.runtime.launch;

/** A child JVM for {@link RelaunchCommandTest}: prints the command line it would relaunch. */
public final class CommandLinePrinter {

  public static void main(String[] args) {
    for (String word : RelaunchCommand.current()) {
      System.out.println(word.length() > 80 ? word.length() + " characters" : word);
    }
  }
}
